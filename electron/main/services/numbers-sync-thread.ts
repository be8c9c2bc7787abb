/**
 * The main thread's handle on the numbers-sync worker: the same calls as a
 * NumbersSyncWriter, answered asynchronously. The worker starts on first use,
 * lives as long as the app core, and is started again if it ever dies (every
 * call pending then fails, so the sync that made them fails visibly).
 */
import { Worker } from 'node:worker_threads';
import type { NumbersSyncWriter } from './numbers-sync-writer';

type WriterMethod = keyof NumbersSyncWriter;

export type SyncWorkerCall = {
  [M in WriterMethod]: { id: number; method: M; args: Parameters<NumbersSyncWriter[M]> };
}[WriterMethod];

export type SyncWorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export type NumbersSyncThread = {
  [M in WriterMethod]: (...args: Parameters<NumbersSyncWriter[M]>) => Promise<ReturnType<NumbersSyncWriter[M]>>;
} & { close(): Promise<void> };

/**
 * Built app: out/main/numbers-sync-worker.js beside the bundle. Source runs
 * (Vitest, Playwright, tsx): the TypeScript entry, with tsx registered inside
 * the worker first, since a worker does not inherit the parent's loaders.
 */
function spawnWorker(databasePath: string): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = JSON.stringify(new URL('./numbers-sync-worker.ts', here).href);
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`;
    return new Worker(bootstrap, { eval: true, workerData: databasePath });
  }
  const builtEntry = './numbers-sync-worker.js';
  return new Worker(new URL(builtEntry, here), { workerData: databasePath });
}

export function createNumbersSyncThread(databasePath: string): NumbersSyncThread {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  function failPending(error: Error) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const spawned = spawnWorker(databasePath);
    spawned.on('message', (reply: SyncWorkerReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) spawned.unref();
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(new Error(reply.message));
    });
    spawned.on('error', (error: Error) => failPending(error));
    spawned.on('exit', (code) => {
      if (worker === spawned) worker = null;
      failPending(new Error(`The numbers-sync worker stopped (exit code ${code})`));
    });
    // An idle worker does not keep the process alive; one with a call pending does (see call()).
    spawned.unref();
    worker = spawned;
    return spawned;
  }

  function call<M extends WriterMethod>(
    method: M,
    args: Parameters<NumbersSyncWriter[M]>,
  ): Promise<ReturnType<NumbersSyncWriter[M]>> {
    const id = nextId;
    nextId += 1;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message = { id, method, args } satisfies { id: number; method: WriterMethod; args: unknown[] };
      const target = started();
      // Waiting on the worker is work in progress: a plain Node process must not exit under it.
      target.ref();
      target.postMessage(message);
    });
  }

  return {
    begin: (...args) => call('begin', args),
    writePage: (...args) => call('writePage', args),
    finish: (...args) => call('finish', args),
    abandon: (...args) => call('abandon', args),
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
