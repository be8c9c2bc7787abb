import { describe, expect, it } from 'vitest';
import { WebhookBaseUrlSchema } from '../../../shared/domain/agents';
import { agentConfiguration, DEFAULT_WEBHOOK_BASE_URL } from './webhooks';

const AGENT_ID = '5f0c1a52-8d2e-4c3b-9a51-0d6f3b7e2c11';

describe('agent webhook URLs', () => {
  it.each([
    ['https://hooks.example.com', 'https://hooks.example.com'],
    ['https://hooks.example.com/', 'https://hooks.example.com'],
    ['https://example.com/base', 'https://example.com/base'],
    ['https://example.com/base/', 'https://example.com/base'],
  ])('put exactly one slash between %j and the agent’s paths', (baseUrl, expected) => {
    const agent = `${expected}/twilio/agents/${AGENT_ID}`;
    expect(agentConfiguration(baseUrl, AGENT_ID)).toMatchObject({
      voiceUrl: `${agent}/voice`,
      voiceFallbackUrl: `${agent}/voice-fallback`,
      statusCallback: `${agent}/call-status`,
      smsUrl: `${agent}/sms`,
    });
  });

  it('are built from the address as Settings → Advanced stores it: normalised', () => {
    const voiceUrlFor = (typed: string) => agentConfiguration(WebhookBaseUrlSchema.parse(typed), AGENT_ID).voiceUrl;
    expect(voiceUrlFor(' HTTPS://Hooks.Example.COM:443/ ')).toBe(
      `https://hooks.example.com/twilio/agents/${AGENT_ID}/voice`,
    );
    expect(voiceUrlFor('https://example.com/hooks/../base/')).toBe(
      `https://example.com/base/twilio/agents/${AGENT_ID}/voice`,
    );
  });

  it('start from a default the schema stores unchanged, however it is typed', () => {
    // The settings service keeps no setting when the default is saved, so a later build's default still applies.
    expect(WebhookBaseUrlSchema.parse(DEFAULT_WEBHOOK_BASE_URL)).toBe(DEFAULT_WEBHOOK_BASE_URL);
    expect(WebhookBaseUrlSchema.parse(`${DEFAULT_WEBHOOK_BASE_URL.toUpperCase()}/`)).toBe(DEFAULT_WEBHOOK_BASE_URL);
  });
});
