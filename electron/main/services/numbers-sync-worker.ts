/**
 * Worker-thread entry: runs a NumbersSyncWriter on its own connection to the
 * app database (path in workerData) and answers each call from
 * numbers-sync-thread.ts with its result or its error message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from '../db/database';
import { createNumbersSyncWriter } from './numbers-sync-writer';
import type { SyncWorkerCall, SyncWorkerReply } from './numbers-sync-thread';

if (!parentPort || typeof workerData !== 'string') throw new Error('numbers-sync-worker runs as a worker thread');
const port = parentPort;
const connection = openConnection(workerData);
// This connection writes only the synced copy of Twilio's list, which the next sync rebuilds:
// in WAL mode NORMAL keeps the database consistent after a crash and skips an fsync per page.
// Purchases, which are money, are written by the main connection with synchronous = FULL.
connection.pragma('synchronous = NORMAL');
const writer = createNumbersSyncWriter(connection);

function perform(call: SyncWorkerCall): unknown {
  switch (call.method) {
    case 'begin':
      writer.begin(...call.args);
      return undefined;
    case 'writePage':
      return writer.writePage(...call.args);
    case 'finish':
      return writer.finish(...call.args);
    case 'abandon':
      writer.abandon();
      return undefined;
  }
}

port.on('message', (call: SyncWorkerCall) => {
  let reply: SyncWorkerReply;
  try {
    reply = { id: call.id, ok: true, value: perform(call) };
  } catch (error) {
    reply = { id: call.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
