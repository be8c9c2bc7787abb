/**
 * What the crash suite (test/main/crash.integration.test.ts) and its child
 * process (crash-child.ts) share: the job the child runs, a seeded PRNG so
 * every kill point can be drawn again, and the parent's handle on a child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const CrashOperationSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('sync') }),
  z.strictObject({ op: z.literal('bulk-assign'), agentId: z.string(), numberSids: z.array(z.string()).min(1) }),
  z.strictObject({ op: z.literal('purchase'), phoneNumber: z.string() }),
]);
export type CrashOperation = z.infer<typeof CrashOperationSchema>;

export const CrashChildJobSchema = z.strictObject({
  dataDir: z.string(),
  /** JSON map of Twilio host → base URL, as GLEAM_TWILIO_HOSTS holds it. */
  hosts: z.string(),
  cipherKeyHex: z.string(),
  /** Boot the numbers-sync worker before the operation (sync and bulk assign use it; a purchase does not). */
  warm: z.boolean(),
});
export type CrashChildJob = z.infer<typeof CrashChildJobSchema>;

/** mulberry32: small, fast and good enough to spread kill points; the same seed gives the same draws. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * One independent stream per (seed, scenario, run, attempt), so a single run
 * draws the same kill point whether or not the runs before it were made. The
 * parts are hashed (SHA-256) into the generator's seed: seeds that differ in
 * a digit must not give draws that differ only a little.
 */
export function runRandom(seed: number, ...parts: (string | number)[]): () => number {
  const digest = createHash('sha256')
    .update([seed, ...parts].join('/'))
    .digest();
  return seededRandom(digest.readUInt32LE(0));
}

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** A running crash-child and what it has said so far. */
export class CrashChild {
  readonly lines: string[] = [];
  /** When the child said `done` or `failed`: the operation ended before any kill. */
  finishedAt: number | null = null;
  private readonly process: ChildProcess;
  private readonly waiters: { line: string; resolve: () => void }[] = [];
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private stderr = '';

  /** Starts the child on `job`'s data folder; it opens the core and warms up, then waits for go(). */
  constructor(job: CrashChildJob) {
    this.process = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['pipe', 'pipe', 'pipe'] });
    // Writing to a child that already died fails with EPIPE; how it died is what `ended` reports.
    this.process.stdin?.on('error', () => undefined);
    this.process.stdin?.write(`${JSON.stringify(job)}\n`);
    this.ended = new Promise((resolve) => {
      // 'close', not 'exit': by then every line the child wrote before dying has been read.
      this.process.once('close', (code, signal) => resolve({ code, signal }));
    });
    let buffered = '';
    this.process.stdout?.setEncoding('utf8');
    this.process.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        this.onLine(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    });
    this.process.stderr?.setEncoding('utf8');
    // Kept for failure messages: a child that dies on its own must say why.
    this.process.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4_000);
    });
  }

  private onLine(line: string): void {
    const now = performance.now();
    this.lines.push(line);
    if (line === 'done' || line.startsWith('failed')) this.finishedAt = now;
    for (const waiter of [...this.waiters]) {
      if (line === waiter.line || line.startsWith(`${waiter.line} `)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  /** Resolves when the child prints `line` (or has printed it already); rejects if it exits first. */
  async said(line: string, timeoutMs = 30_000): Promise<void> {
    if (this.lines.some((seen) => seen === line || seen.startsWith(`${line} `))) return;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<void>((resolve) => this.waiters.push({ line, resolve }));
    const failed = Promise.race([
      this.ended.then(({ code, signal }) => {
        throw new Error(`crash-child exited (${code ?? signal ?? '?'}) before "${line}": ${this.describe()}`);
      }),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`crash-child never said "${line}": ${this.describe()}`)), timeoutMs);
      }),
    ]);
    try {
      await Promise.race([heard, failed]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs the operation; call after the child said `warm`. */
  go(operation: CrashOperation): void {
    this.process.stdin?.end(`${JSON.stringify(operation)}\n`);
  }

  /** SIGKILL: no handler runs, nothing is flushed, exactly as when the OS or the user kills the app. */
  kill(): void {
    this.process.kill('SIGKILL');
  }

  get finished(): boolean {
    return this.finishedAt !== null;
  }

  describe(): string {
    return `stdout ${JSON.stringify(this.lines)}, stderr ${JSON.stringify(this.stderr)}`;
  }
}
