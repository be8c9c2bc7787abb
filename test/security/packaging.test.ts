/**
 * The packaging configuration, checked where packaging cannot run (no
 * Electron binary here): electron-builder's own validation accepts it, and
 * the production hardening the app depends on is in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const load = () => getConfig(root, path.join(root, 'electron-builder.yml'), null);

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(path.join(root, file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation, which rejects unknown options", async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // A misspelt option must fail loudly, not be ignored.
    const misspelt = { ...config, electronFuzes: { runAsNode: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('sets the production fuses', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds an NSIS installer for Windows and a hardened-runtime DMG for macOS, with its entitlements', async () => {
    const config = await load();
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, target: [{ target: 'dmg' }] });
    const entitlements = config.mac?.entitlements ?? '';
    expect(config.mac?.entitlementsInherit).toBe(entitlements);
    const plist = fs.readFileSync(path.join(root, entitlements), 'utf8');
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    // Nothing the app does needs library validation or unsigned executable memory switched off.
    expect(plist).not.toMatch(/disable-library-validation|allow-unsigned-executable-memory/);
  });

  it('has icons large enough for both installers and the window', async () => {
    const config = await load();
    expect(config.icon).toBe('build/icon.png');
    expect(pngSize('build/icon.png')).toEqual({ width: 1024, height: 1024 });
    expect(pngSize('resources/icon.png')).toEqual({ width: 256, height: 256 });
    expect(JSON.stringify(config.files)).toContain('resources/**/*');
  });
});
