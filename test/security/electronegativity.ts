/**
 * `npm run security`, first half: Electronegativity over what ships — main,
 * preload and the renderer's HTML (with its CSP) — copied to a temporary
 * folder so built output, tests and test helpers are not scanned. Fails on
 * any finding that is not on the reviewed list below.
 */
import fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { findingsOf, unreviewed, type ReviewedFinding } from './findings';

const root = path.resolve(import.meta.dirname, '..', '..');

const REVIEWED: ReviewedFinding[] = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'electron/main/window.ts',
    sample: 'preload: path.resolve(options.preloadPath),',
    why: 'The preload exposes only the IPC contract’s channels through contextBridge; main checks each sender and input.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/window.ts',
    sample: 'if (link !== null) void shell.openExternal(link);',
    why: 'Only https links to allow-listed Twilio and help origins are opened, as the URL the allow-list checked, re-serialised (allowedExternalLink; window.test.ts).',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    sample:
      "default-src 'none'; script-src 'self'; style-src 'self'; worker-src 'none'; base-uri 'none'; " +
      "form-action 'none'",
    why: "The evaluator's caution on script-src 'self' concerns sites that host JSONP or uploads; 'self' here is the app:// scheme, which serves only the bundled files.",
  },
];

const shipped = (source: string) => !source.endsWith('.test.ts');

function stage(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-electronegativity-'));
  fs.cpSync(path.join(root, 'electron'), path.join(folder, 'electron'), { recursive: true, filter: shipped });
  fs.mkdirSync(path.join(folder, 'renderer'));
  fs.copyFileSync(path.join(root, 'renderer', 'index.html'), path.join(folder, 'renderer', 'index.html'));
  return folder;
}

function electronVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = manifest.devDependencies?.electron;
  if (!version) throw new Error('package.json has no electron devDependency');
  return version.replace(/^[^\d]*/, '');
}

interface RunnerOptions {
  input: string;
  isRelative: boolean;
  isVerbose: boolean;
  electronVersionOverride: string;
  customScan: string[];
  excludeFromScan: string[];
  parserPlugins: string[];
}

/**
 * Electronegativity fetches its translations and Electron's release notes from GitHub with got 11. Offline,
 * got retries after the request has already failed, and under Node 24 that retry throws from a timer and
 * kills the process after the run. The gate needs neither (it reads findings, in English, and is told the
 * Electron version), so got answers "offline" at once.
 */
function answerNetworkOffline(require: NodeJS.Require): void {
  const gotPath = require.resolve('got', { paths: [path.dirname(require.resolve('@doyensec/electronegativity'))] });
  const offline = () => Promise.reject(new Error('offline: the security gate makes no network requests'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(offline, { default: offline });
  require.cache[gotPath] = stub;
}

/** The package's runner, which the CLI wraps; called directly, it returns its findings. */
function electronegativityRunner(): (options: RunnerOptions) => Promise<unknown> {
  const require = createRequire(import.meta.url);
  answerNetworkOffline(require);
  const runner: unknown = require('@doyensec/electronegativity');
  if (typeof runner !== 'function') throw new Error('@doyensec/electronegativity exports no runner');
  return runner as (options: RunnerOptions) => Promise<unknown>;
}

const folder = stage();
try {
  const findings = findingsOf(
    await electronegativityRunner()({
      input: folder,
      isRelative: true,
      isVerbose: false,
      // It cannot fetch Electron's release list offline, so it is told the version.
      electronVersionOverride: electronVersion(),
      customScan: [],
      excludeFromScan: [],
      parserPlugins: [],
    }),
  );
  const open = unreviewed(findings, REVIEWED);
  console.log(`Electronegativity: ${findings.length} findings, ${findings.length - open.length} reviewed.`);
  for (const finding of open) {
    console.log(`  ✗ ${finding.check} ${finding.severity} ${finding.file}:${finding.location} ${finding.description}`);
    console.log(`      ${finding.sample}`);
  }
  if (open.length > 0) process.exitCode = 1;
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
