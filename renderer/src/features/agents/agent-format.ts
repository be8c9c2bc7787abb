/** How agents' settings read on screen. */
import { AGENT_LANGUAGES, AGENT_VOICES, type AgentStatus } from '../../../../shared/domain/agents';

type Voice = (typeof AGENT_VOICES)[number];

export const VOICE_OPTIONS: { value: Voice; label: string }[] = AGENT_VOICES.map((voice) => ({
  value: voice,
  label: voice.charAt(0).toUpperCase() + voice.slice(1),
}));

export const LANGUAGE_OPTIONS = AGENT_LANGUAGES.map((language) => ({
  value: language.code,
  label: language.name,
}));

export const STATUS_LABEL: Record<AgentStatus, string> = { active: 'Active', inactive: 'Inactive' };

export const voiceLabel = (voice: string): string =>
  VOICE_OPTIONS.find((option) => option.value === voice)?.label ?? voice;

export const languageLabel = (code: string): string =>
  LANGUAGE_OPTIONS.find((option) => option.value === code)?.label ?? code;

/** The sentence every inactive agent carries, wherever it is shown. */
export const inactiveNote = (name: string) =>
  `${name} is inactive: calls to its numbers will not be answered while it is inactive.`;
