import type { Database } from 'better-sqlite3';

/** webhookBaseUrl: Settings → Advanced. setupPlace: where the person is in the setup guide (JSON). */
export type SettingKey = 'webhookBaseUrl' | 'setupPlace';

export function getSetting(db: Database, key: SettingKey): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** null removes the setting, so its default applies again. */
export function setSetting(db: Database, key: SettingKey, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
}
