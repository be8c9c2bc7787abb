import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WebhookBaseUrlSchema } from './agents';

const messageFor = (value: string) => WebhookBaseUrlSchema.safeParse(value).error?.issues.map((issue) => issue.message);

describe('webhook base URL', () => {
  it.each([
    ['https://hooks.example.com', 'https://hooks.example.com'],
    [' HTTPS://Hooks.Example.COM:443/ ', 'https://hooks.example.com'],
    ['https://example.com/base/', 'https://example.com/base'],
    ['https://example.com/a/../base', 'https://example.com/base'],
    ['https://example.com/grüße', 'https://example.com/gr%C3%BC%C3%9Fe'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('stores %j as the normalised %j', (value, stored) => {
    expect(WebhookBaseUrlSchema.parse(value)).toBe(stored);
    // Normalising what is stored changes nothing, so saving the shown address again keeps it.
    expect(WebhookBaseUrlSchema.parse(stored)).toBe(stored);
  });

  it.each([
    ['https://:pw@hooks.example.com', 'Remove the name or password before the @. This address must not contain one.'],
    ['https://gleam@hooks.example.com', 'Remove the name or password before the @. This address must not contain one.'],
    ['https://hooks.example.com?', 'Remove the ? and everything after it. Gleam adds the rest of the address itself.'],
    [
      'https://hooks.example.com/?a=1',
      'Remove the ? and everything after it. Gleam adds the rest of the address itself.',
    ],
    ['https://hooks.example.com#', 'Remove the # and everything after it. Gleam adds the rest of the address itself.'],
    [
      'https://hooks.example.com/base#top',
      'Remove the # and everything after it. Gleam adds the rest of the address itself.',
    ],
    ['https://hooks.example.com/a\nb', 'Remove the spaces and line breaks inside the address.'],
    ['https://hooks.example.com/a\tb', 'Remove the spaces and line breaks inside the address.'],
    ['https://hooks.example.com/a b', 'Remove the spaces and line breaks inside the address.'],
    ['https://hooks.example.com\\base', 'Use / instead of \\ in the address.'],
    ['http://hooks.example.com', 'Enter an https:// address without a query, like https://hooks.example.com.'],
    ['hooks.example.com', 'Enter an https:// address without a query, like https://hooks.example.com.'],
    [`https://example.com/${'a'.repeat(200)}`, 'This address is too long: use at most 200 characters.'],
  ])('refuses %j, saying one plain thing to fix', (value, message) => {
    expect(messageFor(value)).toEqual([message]);
  });

  it('puts its refusal on the field, where main reports it and Settings → Advanced shows it', () => {
    const input = z.object({ webhookBaseUrl: WebhookBaseUrlSchema });
    expect(input.safeParse({ webhookBaseUrl: 'https://:pw@hooks.example.com' }).error?.issues).toMatchObject([
      {
        path: ['webhookBaseUrl'],
        message: 'Remove the name or password before the @. This address must not contain one.',
      },
    ]);
    // The IPC fuzz test generates inputs from the JSON Schema of what is typed, not of what is stored.
    expect(z.toJSONSchema(WebhookBaseUrlSchema, { io: 'input' })).toMatchObject({ type: 'string', maxLength: 200 });
  });
});
