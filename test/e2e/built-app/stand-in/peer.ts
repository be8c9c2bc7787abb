/**
 * One end of the stand-in ↔ driver conversation (see messages.ts): numbered
 * requests with one response each, and notices. Both ends use it, over the
 * child process's IPC channel.
 */
import type { Message } from './messages.ts';

export interface PeerHandlers<InRequest, InNotice> {
  answer(request: InRequest): unknown;
  notice(notice: InNotice): void;
}

export class Peer<OutRequest, OutNotice, InRequest, InNotice> {
  readonly #send: (message: Message<OutRequest, OutNotice>) => void;
  readonly #handlers: PeerHandlers<InRequest, InNotice>;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;

  constructor(send: (message: Message<OutRequest, OutNotice>) => void, handlers: PeerHandlers<InRequest, InNotice>) {
    this.#send = send;
    this.#handlers = handlers;
  }

  request(body: OutRequest): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#send({ type: 'request', id, body });
    });
  }

  notify(body: OutNotice): void {
    this.#send({ type: 'notice', body });
  }

  receive(message: Message<InRequest, InNotice>): void {
    if (message.type === 'notice') {
      this.#handlers.notice(message.body);
      return;
    }
    if (message.type === 'request') {
      const { id } = message;
      Promise.resolve()
        .then(() => this.#handlers.answer(message.body))
        .then(
          (value: unknown) => this.#send({ type: 'response', id, ok: true, value }),
          (error: unknown) =>
            this.#send({
              type: 'response',
              id,
              ok: false,
              message: error instanceof Error ? error.message : String(error),
            }),
        );
      return;
    }
    const waiting = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (!waiting) return;
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.message));
  }

  /** The other end is gone: nothing pending will be answered. */
  failPending(reason: string): void {
    for (const { reject } of this.#pending.values()) reject(new Error(reason));
    this.#pending.clear();
  }
}
