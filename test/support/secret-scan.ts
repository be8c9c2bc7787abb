/**
 * Looks for a Twilio Auth Token anywhere it must never be: every file under
 * the app's data folder (logs, SQLite database and its WAL, the credential
 * file) and every IPC reply the page received. Checks the token itself and
 * the Basic credential Twilio builds from it. The e2e fixtures and the
 * integration-test harness run it after every test, for every account the
 * test seeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FakeTwilioControl, type SeedAccountInput, type SeededAccount } from '../../tools/fake-twilio/control-client';
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

/**
 * A file listed a moment ago may be gone: SQLite deletes its -wal when the sync worker's connection, which
 * core.close() ends without waiting, closes last. Whatever it held is then in the database file, scanned too.
 */
function readIfStillThere(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
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
  for (const file of filesUnder(places.dataDir)) {
    const contents = readIfStillThere(file);
    if (contents) search(file, contents);
  }
  places.ipcLog.forEach((exchange, index) =>
    search(`IPC reply #${index} (${exchange.channel})`, Buffer.from(JSON.stringify(exchange.reply))),
  );
  return findings;
}

/** Files the scan read, so a test can prove it looked where it should. */
export function scannedFiles(dataDir: string): string[] {
  return filesUnder(dataDir).map((file) => path.relative(dataDir, file));
}

/**
 * The fake Twilio's control client, remembering the credentials of every
 * account it seeds, so the suites can check after each test that none of
 * those tokens was left anywhere.
 */
export class SecretTrackingControl extends FakeTwilioControl {
  readonly seededCredentials: { accountSid: string; authToken: string }[] = [];

  override async seedAccount(input: SeedAccountInput = {}): Promise<SeededAccount> {
    const account = await super.seedAccount(input);
    this.seededCredentials.push({ accountSid: account.sid, authToken: account.authToken });
    return account;
  }
}

export interface SecretScan {
  tokens: number;
  files: number;
  ipcReplies: number;
  findings: SecretFinding[];
}

/** Every seeded account's token against every file of the data folder and every IPC reply. */
export function scanForSeededSecrets(
  control: SecretTrackingControl,
  places: { dataDir: string; ipcLog: readonly IpcExchange[] },
): SecretScan {
  return {
    tokens: control.seededCredentials.length,
    files: filesUnder(places.dataDir).length,
    ipcReplies: places.ipcLog.length,
    findings: control.seededCredentials.flatMap((credentials) => findSecret(credentials, places)),
  };
}

/** Where each test's scan is kept for the run's total, printed by the global teardown. */
const scanFolder = (outputDir: string) => path.join(outputDir, 'secret-scans');

export function recordSecretScan(testInfo: { project: { outputDir: string }; testId: string }, scan: SecretScan) {
  const folder = scanFolder(testInfo.project.outputDir);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `${testInfo.testId}.json`), JSON.stringify(scan));
}

/** The run's scans added up, for one line at the end of the run. */
export function secretScanTotals(outputDir: string): { tests: number } & Omit<SecretScan, 'findings'> & {
    findings: number;
  } {
  const totals = { tests: 0, tokens: 0, files: 0, ipcReplies: 0, findings: 0 };
  for (const file of filesUnder(scanFolder(outputDir))) {
    const scan = JSON.parse(fs.readFileSync(file, 'utf8')) as SecretScan;
    totals.tests += 1;
    totals.tokens += scan.tokens;
    totals.files += scan.files;
    totals.ipcReplies += scan.ipcReplies;
    totals.findings += scan.findings.length;
  }
  return totals;
}
