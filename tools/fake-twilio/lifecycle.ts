/**
 * Lets close() and reset() end work the servers started: pending latency
 * waits are aborted and sockets held by `timeout` faults are destroyed, so
 * nothing keeps a test process (or a port) alive after the fake is gone.
 */
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export class Lifecycle {
  private readonly controller = new AbortController();
  private readonly held = new Set<Socket>();

  get closed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Resolves after `ms`; rejects with an AbortError once the fake closes. */
  async sleep(ms: number): Promise<void> {
    if (ms <= 0) return;
    await delay(ms, undefined, { signal: this.controller.signal });
  }

  /** Keeps a socket open without answering, until reset or close. */
  hold(socket: Socket): void {
    this.held.add(socket);
    socket.once('close', () => this.held.delete(socket));
  }

  releaseHeld(): void {
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }

  close(): void {
    this.controller.abort();
    this.releaseHeld();
  }
}
