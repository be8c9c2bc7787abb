/**
 * Contract mode: one Prism proxy per Twilio host, in front of the fake, each
 * validating every request the app sends and every response the fake gives
 * against a relaxed copy of Twilio's official OpenAPI spec (`--errors` turns
 * a violation into an error response, so the test that caused it fails too).
 * The specs are read from TWILIO_OAI_DIR (default ../shared/twilio-oai).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import type { TwilioHost } from '../../../electron/main/twilio/hosts';
import type { FakeTwilioControl } from '../../../tools/fake-twilio/control-client';

const SPEC_BY_HOST: Record<TwilioHost, string> = {
  'api.twilio.com': 'twilio_api_v2010.json',
  'messaging.twilio.com': 'twilio_messaging_v1.json',
  'pricing.twilio.com': 'twilio_pricing_v1.json',
  'trusthub.twilio.com': 'twilio_trusthub_v1.json',
};

export interface PrismProxies {
  hosts: Record<TwilioHost, string>;
  /** Spec violations Prism logged since the last checkpoint. */
  violations(): string[];
  /** Starts counting violations afresh (after the canary). */
  checkpoint(): void;
  close(): Promise<void>;
}

export function specDirectory(): string {
  const dir = path.resolve(process.env.TWILIO_OAI_DIR ?? path.join(process.cwd(), '..', 'shared', 'twilio-oai'));
  const missing = Object.values(SPEC_BY_HOST).filter((file) => !fs.existsSync(path.join(dir, file)));
  if (missing.length > 0) {
    throw new Error(
      `Contract tests need Twilio's OpenAPI specs and relax-spec.cjs in ${dir} (set TWILIO_OAI_DIR). Missing: ${missing.join(', ')}`,
    );
  }
  if (!fs.existsSync(path.join(dir, 'relax-spec.cjs'))) throw new Error(`relax-spec.cjs is missing from ${dir}`);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with code ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await setTimeout(250);
    }
  }
  throw new Error(`prism did not start at ${url} within ${timeoutMs} ms`);
}

/** Twilio's error body, which the specs never declare: every 4xx/5xx answer carries it. */
const TWILIO_ERROR_RESPONSE = {
  description: 'Twilio error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['code', 'message', 'more_info', 'status'],
        properties: {
          code: { type: 'integer' },
          message: { type: 'string' },
          more_info: { type: 'string' },
          status: { type: 'integer' },
        },
      },
    },
  },
};

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, unknown>; requestBody?: unknown } | undefined>>;
}

/**
 * Prism turns `nullable: true` into an extra `null` enum value itself, so an
 * enum that is nullable and already lists `null` would list it twice. Leave
 * `null` to `nullable`, and drop any other repeated value.
 */
function normaliseEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(normaliseEnums);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.enum)) {
    const values = [...new Set(record.enum)];
    record.enum = record.nullable === true ? values.filter((value) => value !== null) : values;
  }
  Object.values(record).forEach(normaliseEnums);
}

/**
 * Twilio clears a number's TwiML App or SIP trunk when the form sends the SID
 * parameter empty (`VoiceApplicationSid=`; API-NOTES §4.4), but the spec's SID
 * patterns do not allow "". Request-body SID patterns get the same
 * empty-allowed form relax-spec.cjs gives response SIDs.
 */
function allowEmptyRequestSids(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowEmptyRequestSids);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (
    record.type === 'string' &&
    typeof record.pattern === 'string' &&
    /^\^[A-Z]{2}\[0-9a-fA-F\]\{32\}\$$/.test(record.pattern)
  ) {
    record.pattern = `^(${record.pattern.slice(1, -1)})?$`;
    delete record.minLength;
    delete record.maxLength;
  }
  Object.values(record).forEach(allowEmptyRequestSids);
}

/**
 * relax-spec.cjs makes the spec accept what Twilio really sends. More steps
 * here:
 * - it can leave a nullable enum listing `null` (Prism adds its own `null` to
 *   nullable enums too); ajv then refuses the doubled value and Prism
 *   silently skips validating that response — see normaliseEnums;
 * - request SIDs may be empty, which is how Twilio clears them — see
 *   allowEmptyRequestSids;
 * - every operation gets Twilio's error body as its `default` response, so the
 *   fake's error answers are checked too instead of passing unmatched.
 */
function relaxSpec(specDir: string, file: string, outDir: string): string {
  const out = path.join(outDir, `relaxed-${file}`);
  const result = spawnSync(process.execPath, [path.join(specDir, 'relax-spec.cjs'), path.join(specDir, file), out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`relax-spec.cjs failed for ${file}`);
  const spec = JSON.parse(fs.readFileSync(out, 'utf8')) as OpenApiDocument;
  normaliseEnums(spec);
  for (const item of Object.values(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'delete']) {
      const operation = item[method];
      if (operation?.responses) operation.responses.default ??= TWILIO_ERROR_RESPONSE;
      allowEmptyRequestSids(operation?.requestBody);
    }
  }
  fs.writeFileSync(out, JSON.stringify(spec));
  return out;
}

export async function startPrismProxies(upstream: Record<TwilioHost, string>, workDir: string): Promise<PrismProxies> {
  const specDir = specDirectory();
  fs.mkdirSync(workDir, { recursive: true });
  const prismBin = path.join(
    process.cwd(),
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'prism.cmd' : 'prism',
  );
  const children: ChildProcess[] = [];
  const hosts = {} as Record<TwilioHost, string>;
  const logFiles: string[] = [];

  await Promise.all(
    (Object.keys(SPEC_BY_HOST) as TwilioHost[]).map(async (host) => {
      const spec = relaxSpec(specDir, SPEC_BY_HOST[host], workDir);
      const port = await freePort();
      const logFile = path.join(workDir, `prism-${host}.log`);
      const log = fs.openSync(logFile, 'w');
      const child = spawn(
        prismBin,
        ['proxy', spec, upstream[host], '--errors', '-h', '127.0.0.1', '-p', String(port)],
        {
          stdio: ['ignore', log, log],
        },
      );
      children.push(child);
      logFiles.push(logFile);
      hosts[host] = `http://127.0.0.1:${port}`;
      await waitForHttp(hosts[host], child, 120_000);
    }),
  );

  const offsets = new Map(logFiles.map((file) => [file, 0]));
  const newLogText = (file: string) => fs.readFileSync(file).subarray(offsets.get(file)).toString('utf8');
  return {
    hosts,
    violations: () =>
      logFiles.flatMap((file) =>
        newLogText(file)
          .split('\n')
          .filter((line) => /violation/i.test(line))
          .map((line) => `${path.basename(file)}: ${line.trim()}`),
      ),
    checkpoint: () => {
      for (const file of logFiles) offsets.set(file, fs.statSync(file).size);
    },
    close: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) {
                resolve();
                return;
              }
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/**
 * Proves the proxies really validate: a response that breaks the spec (an
 * Account whose status is not one of Twilio's) must be flagged. Without this
 * a schema Prism cannot compile would make every check pass in silence.
 */
export async function checkPrismCatchesViolations(prism: PrismProxies, control: FakeTwilioControl): Promise<void> {
  const account = await control.seedAccount({ friendlyName: 'Prism canary' });
  await control.injectFault({ kind: 'corrupt', fields: { status: 'sleeping' }, match: { pathIncludes: account.sid } });
  const response = await fetch(`${prism.hosts['api.twilio.com']}/2010-04-01/Accounts/${account.sid}.json`, {
    headers: { Authorization: `Basic ${Buffer.from(`${account.sid}:${account.authToken}`).toString('base64')}` },
  });
  await response.arrayBuffer();
  await control.clearFaults();
  // Prism writes its log line around when it answers, not before: on a busy machine it lands a little later.
  const deadline = Date.now() + 5_000;
  while (prism.violations().length === 0 && Date.now() < deadline) await setTimeout(100);
  if (response.ok || prism.violations().length === 0) {
    throw new Error('Prism let a response that breaks Twilio’s spec through: the contract check is not working');
  }
  prism.checkpoint();
}
