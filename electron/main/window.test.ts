import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openAllowedLink } from './window';

const { openExternal } = vi.hoisted(() => ({ openExternal: vi.fn(() => Promise.resolve()) }));
vi.mock('electron', () => ({ shell: { openExternal } }));

describe('links opened in the browser', () => {
  beforeEach(() => {
    openExternal.mockClear();
  });

  it('opens an allow-listed link as the URL that was checked, normalised, not as the string it came as', () => {
    openAllowedLink('HTTPS://Console.Twilio.com/us1/develop');
    openAllowedLink(' https://www.twilio.com/docs/messaging\n');
    // WHATWG URL (the check) reads "\" as "/"; a parser that does not would read the host as evil.example.
    openAllowedLink('https://help.twilio.com\\@evil.example/');
    expect(openExternal.mock.calls).toEqual([
      ['https://console.twilio.com/us1/develop'],
      ['https://www.twilio.com/docs/messaging'],
      ['https://help.twilio.com/@evil.example/'],
    ]);
  });

  it('ignores anything not on the allow-list', () => {
    for (const url of [
      'http://console.twilio.com/',
      'https://console.twilio.com.evil.example/',
      'https://console.twilio.com:8443/',
      'https://evil.example/?next=https://console.twilio.com/',
      'https://www.twilio.com@evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://gleam/index.html',
      'not a url',
      '',
    ]) {
      openAllowedLink(url);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
