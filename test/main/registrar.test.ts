import { describe, expect, it, vi } from 'vitest';
import { appError } from '../../shared/errors';
import { CHANNELS, type Channel } from '../../shared/ipc/contract';
import { createMemoryLogger } from '../support/memory-logger';
import { createIpcRegistry, createSenderCheck, type Handlers, type IpcSender } from '../../electron/main/ipc/registrar';

const TRUSTED: IpcSender = { url: 'app://gleam/index.html', isMainFrame: true };
const DISCONNECTED = { state: 'disconnected', previousAccount: null } as const;

function setUp(overrides: Partial<Handlers> = {}) {
  const calls: Channel[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      vi.fn(() => {
        calls.push(channel);
        return DISCONNECTED;
      }),
    ]),
  ) as unknown as Handlers;
  const logger = createMemoryLogger();
  const registry = createIpcRegistry({
    handlers: { ...handlers, ...overrides },
    isTrustedSender: createSenderCheck(['app://gleam']),
    logger,
  });
  return { registry, calls, logger };
}

/** Inputs no channel accepts. */
const MALFORMED_INPUTS: unknown[] = [
  undefined,
  null,
  'connection',
  42,
  true,
  [],
  [{}],
  { unexpected: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  { "'; DROP TABLE accounts; --": 'x' },
  { ['x'.repeat(10_000)]: 'huge key' },
];

describe('IPC registrar', () => {
  it.each(CHANNELS)('refuses %s from a frame that is not ours, without running the handler', async (channel) => {
    const { registry, calls } = setUp();
    const senders: IpcSender[] = [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://gleam/index.html', isMainFrame: false },
      { url: 'app://other/index.html', isMainFrame: true },
      { url: 'file:///etc/passwd', isMainFrame: true },
      { url: 'not a url', isMainFrame: true },
      { url: '', isMainFrame: true },
    ];
    for (const sender of senders) {
      const reply = await registry.invoke(sender, channel, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it.each(CHANNELS)(
    'answers malformed input to %s with a validation error, without running the handler',
    async (channel) => {
      const { registry, calls } = setUp();
      for (const [index, input] of MALFORMED_INPUTS.entries()) {
        const reply = await registry.invoke(TRUSTED, channel, input);
        expect(reply, `malformed input #${index}`).toMatchObject({
          ok: false,
          error: { code: 'validation' },
        });
      }
      expect(calls).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('names the field and the rule when a value is malformed', async () => {
    const { registry } = setUp();
    const reply = await registry.invoke(TRUSTED, 'connection:connect', {
      accountSid: 'AB123',
      authToken: 'f'.repeat(1_000_000),
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.fieldErrors?.accountSid).toMatch(/starts with AC and has 34 characters/);
    expect(reply.error.fieldErrors?.authToken).toBeDefined();
  });

  it('answers a megabyte-long unknown key with a short error, not an echo of the key', async () => {
    const { registry } = setUp();
    const hugeKey = 'k'.repeat(1_000_000);
    const reply = await registry.invoke(TRUSTED, 'numbers:list', { [hugeKey]: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(reply).length).toBeLessThan(2_000);
  });

  it('trims pasted values before the handler sees them', async () => {
    const connect = vi.fn(() => DISCONNECTED);
    const { registry } = setUp({ 'connection:connect': connect });
    const accountSid = `AC${'a'.repeat(32)}`;
    const authToken = 'b'.repeat(32);
    const reply = await registry.invoke(TRUSTED, 'connection:connect', {
      accountSid: `  ${accountSid}\n`,
      authToken: `\t${authToken} `,
    });
    expect(reply.ok).toBe(true);
    expect(connect).toHaveBeenCalledWith({ accountSid, authToken });
  });

  it('refuses channels that are not in the contract', async () => {
    const { registry } = setUp();
    for (const channel of ['connection:steal', '__proto__', 'constructor', 'toString', '']) {
      expect(await registry.invoke(TRUSTED, channel, {})).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
  });

  it('passes app errors through as data', async () => {
    const { registry } = setUp({
      'connection:verify': () => {
        throw appError('offline');
      },
    });
    expect(await registry.invoke(TRUSTED, 'connection:verify', {})).toEqual({
      ok: false,
      error: appError('offline').data,
    });
  });

  it('logs unexpected failures in detail but answers only "internal"', async () => {
    const { registry, logger } = setUp({
      'connection:verify': () => {
        throw new Error('disk on fire at /secret/path');
      },
    });
    const reply = await registry.invoke(TRUSTED, 'connection:verify', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('disk on fire');
    expect(logger.entries.some((entry) => String(entry.fields?.detail).includes('disk on fire'))).toBe(true);
  });

  it('drops fields the contract does not declare from replies', async () => {
    const leaky = { ...DISCONNECTED, authToken: 'c'.repeat(32) };
    const { registry } = setUp({ 'connection:getStatus': () => leaky });
    const reply = await registry.invoke(TRUSTED, 'connection:getStatus', {});
    expect(reply).toEqual({ ok: true, value: DISCONNECTED });
  });
});
