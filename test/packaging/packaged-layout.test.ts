/**
 * What the installer ships, checked where the Electron binary cannot be
 * downloaded: electron-builder packs the built app with electron-builder.yml —
 * its file set, asar and unpack rules, the production dependencies it adds —
 * into its `dir` target for this machine, around a placeholder Electron
 * (`electronDist`), with the fuses left out (they patch the real binary, which
 * the placeholder is not). Installers (NSIS, DMG), signing and the fuses are
 * for a real `npm run dist`. Needs `npm run build` first (`npm run
 * test:package` does it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { archFromString, build, Platform } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every file under a folder, relative to it, with forward slashes as in the archive. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((entry) =>
      entry.isFile() ? [path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')] : [],
    );
}

const bytes = (file: string) => fs.statSync(file).size;
const megabytes = (size: number) => `${(size / 1024 / 1024).toFixed(1)} MB`;

let archive = '';
let unpackedDir = '';
let packed: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, manifest.main))) {
    throw new Error(`${manifest.main} is missing: run \`npm run build\` first (npm run test:package does)`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-packaged-'));
  const placeholder = path.join(work, 'electron-placeholder');
  fs.mkdirSync(placeholder);
  // electron-builder renames the dist's `electron` executable to the app's; a script is enough to be renamed.
  fs.writeFileSync(path.join(placeholder, 'electron'), '#!/bin/sh\necho "placeholder, not Electron"\n', {
    mode: 0o755,
  });
  const output = path.join(work, 'dist');
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', archFromString(process.arch)),
    config: { electronDist: placeholder, electronFuses: null, directories: { output } },
    publish: 'never',
  });
  const resources = path.join(output, `linux${process.arch === 'x64' ? '' : `-${process.arch}`}-unpacked`, 'resources');
  archive = path.join(resources, 'app.asar');
  unpackedDir = path.join(resources, 'app.asar.unpacked');
  packed = listPackage(archive, { isPack: false }).map((file) =>
    file
      .replace(/^[/\\]/, '')
      .split(path.sep)
      .join('/'),
  );
  const unpacked = filesUnder(unpackedDir);
  const unpackedPackages = new Set(unpacked.map((file) => file.split('/').slice(0, 2).join('/')));
  console.log(
    `packaged app: app.asar ${megabytes(bytes(archive))} (${packed.length} entries), app.asar.unpacked ` +
      `${megabytes(unpacked.reduce((sum, file) => sum + bytes(path.join(unpackedDir, file)), 0))} ` +
      `(${unpacked.length} files of ${[...unpackedPackages].join(', ')})`,
  );
}, 180_000);

describe('the packaged app (electron-builder dir target, placeholder Electron)', () => {
  it('holds every built file but source maps: main with its worker and chunks, the preload, the renderer', () => {
    const built = filesUnder(path.join(root, 'out'))
      .filter((file) => !file.endsWith('.map'))
      .map((file) => `out/${file}`);
    expect(built).toEqual(
      expect.arrayContaining([
        manifest.main,
        'out/main/numbers-sync-worker.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
      ]),
    );
    expect(built.some((file) => /^out\/main\/assets\/.+\.js$/.test(file))).toBe(true);
    expect(built.some((file) => /^out\/renderer\/assets\/.+\.js$/.test(file))).toBe(true);
    for (const file of [...built, 'resources/icon.png', 'package.json']) expect(packed, file).toContain(file);
  });

  it('ships no tests, fixtures, fake Twilio, sources, source maps or development dependencies', () => {
    const files = packed.filter((entry) => !('files' in statFile(archive, entry, false)));
    const appFiles = files.filter((file) => !file.startsWith('node_modules/'));
    expect(appFiles.filter((file) => !/^(out\/|resources\/|package\.json$)/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.(map|ts|tsx|mts|cts)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /(^|\/)(e2e|fake-twilio|test-support|__tests__|tests?|specs?)\//.test(file))).toEqual(
      [],
    );
    expect(files.filter((file) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file))).toEqual([]);

    const shippedPackages = new Set(
      files
        .filter((file) => file.startsWith('node_modules/'))
        .map((file) => {
          const [, scopeOrName = '', name = ''] = file.split('/');
          return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
        }),
    );
    for (const dependency of Object.keys(manifest.dependencies)) expect(shippedPackages).toContain(dependency);
    const devOnly = Object.keys(manifest.devDependencies).filter((name) => shippedPackages.has(name));
    expect(devOnly).toEqual([]);
  });

  it('can resolve every package the main bundle imports, from inside the archive', () => {
    const imported = new Set<string>();
    for (const file of packed.filter((entry) => /^out\/main\/.+\.js$/.test(entry))) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      const statements = /^(?:import|export)\b[^"]*?\bfrom\s*"([^"]+)"|\b(?:import|require)\("([^"]+)"\)/gm;
      for (const [, fromClause, call] of source.matchAll(statements)) {
        const specifier = fromClause ?? call ?? '';
        if (!/^(\.|node:|electron$)/.test(specifier)) imported.add(specifier);
      }
    }
    expect([...imported].sort()).toEqual(['better-sqlite3', 'electron-store', 'twilio', 'zod']);
    for (const specifier of imported) expect(packed, specifier).toContain(`node_modules/${specifier}/package.json`);
  });

  it("keeps this platform's SQLite binary outside app.asar, and no other native binary inside it", () => {
    const binary = `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`;
    const nativeEntries = packed.filter((file) => file.endsWith('.node'));
    expect(nativeEntries).toEqual([binary]);
    // Listed in the archive (so fs and require see it there), stored beside it, where Electron loads it from.
    expect(statFile(archive, binary, false)).toMatchObject({ unpacked: true });
    expect(fs.existsSync(path.join(unpackedDir, binary))).toBe(true);
    expect(fs.readFileSync(path.join(unpackedDir, binary))).toEqual(fs.readFileSync(path.join(root, binary)));
    // What better-sqlite3 loads it with, and nothing it was compiled from.
    expect(packed).toContain('node_modules/better-sqlite3/lib/binding.js');
    expect(packed.filter((file) => /^node_modules\/better-sqlite3\/(src|deps)\//.test(file))).toEqual([]);
  });
});
