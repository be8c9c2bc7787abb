/**
 * The install-script policy holds only on an npm that reads it: package.json's `allowScripts` needs npm 11.16,
 * and an older npm must refuse to install rather than run the scripts the policy forbids. Checked with the
 * project's own .npmrc and engines, against the npm on PATH: a copy of the project whose engines ask for a
 * newer npm than this one stands for an old npm meeting the real ones.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

function npm(args: string[], cwd: string) {
  return spawnSync('npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
}

describe('the install-script policy', () => {
  it('asks for the npm that honours allowScripts, and refuses scripts it does not name', () => {
    expect(manifest.engines.npm).toBe('>=11.16.0');
    expect(manifest.allowScripts['better-sqlite3']).toBe(false);
  });

  it('makes an npm older than engines.npm refuse to install, not warn and go on', () => {
    const running = npm(['--version'], root).stdout.trim();
    const newerThanRunning = `>=${Number(running.split('.')[0]) + 1}.0.0`;
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-install-policy-'));
    try {
      fs.copyFileSync(path.join(root, '.npmrc'), path.join(project, '.npmrc'));
      fs.writeFileSync(
        path.join(project, 'package.json'),
        JSON.stringify({ name: 'policy-check', version: '1.0.0', private: true, engines: { npm: newerThanRunning } }),
      );
      const install = npm(['install', '--no-audit', '--no-fund'], project);
      expect(install.status, install.stdout + install.stderr).not.toBe(0);
      expect(install.stderr).toContain('EBADENGINE');
      expect(fs.existsSync(path.join(project, 'package-lock.json'))).toBe(false);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
