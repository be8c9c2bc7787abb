/**
 * Looks for a Twilio Auth Token anywhere it must never be: every file under
 * the app's data folder (logs, SQLite database and its WAL, the credential
 * file) and every IPC reply the page received. Checks the token itself and
 * the Basic credential Twilio builds from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IpcExchange } from './app-host';

export interface SecretFinding {
  where: string;
  form: 'token' | 'basic credential';
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export function findSecret(
  credentials: { accountSid: string; authToken: string },
  places: { dataDir: string; ipcLog: readonly IpcExchange[] },
): SecretFinding[] {
  const needles: [SecretFinding['form'], Buffer][] = [
    ['token', Buffer.from(credentials.authToken)],
    [
      'basic credential',
      Buffer.from(Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')),
    ],
  ];
  const findings: SecretFinding[] = [];
  const search = (where: string, haystack: Buffer) => {
    for (const [form, needle] of needles) if (haystack.includes(needle)) findings.push({ where, form });
  };
  for (const file of filesUnder(places.dataDir)) search(file, fs.readFileSync(file));
  places.ipcLog.forEach((exchange, index) =>
    search(`IPC reply #${index} (${exchange.channel})`, Buffer.from(JSON.stringify(exchange.reply))),
  );
  return findings;
}

/** Files the scan read, so a test can prove it looked where it should. */
export function scannedFiles(dataDir: string): string[] {
  return filesUnder(dataDir).map((file) => path.relative(dataDir, file));
}
