import { render } from '@testing-library/react';
import { A2P_STATUS_NOT_CONNECTED } from '../../../shared/domain/a2p';
import type { Settings } from '../../../shared/ipc/contract';
import { SETUP_STEP_IDS, type SetupProgress } from '../../../shared/domain/setup';
import { createApi } from '../../../renderer/src/api/client';
import { App } from '../../../renderer/src/app/App';
import { AppProviders, createAppServices } from '../../../renderer/src/lib/query/app-services';
import { createFakeBridge, type FakeHandlers } from './fake-bridge';

export const DEFAULT_SETTINGS: Settings = {
  webhookBaseUrl: 'https://hooks.gleam.example',
  defaultWebhookBaseUrl: 'https://hooks.gleam.example',
};

/** A guide the person has finished, so the app opens on its usual first screen. */
export const FINISHED_SETUP: SetupProgress = {
  steps: SETUP_STEP_IDS.map((id) => ({ id, done: false, skipped: false })),
  current: 'connect',
  finished: true,
};

/**
 * Reads that screens make on the side (Settings' Advanced and A2P sections,
 * the agent names on Phone Numbers) answer with defaults, so a test scripts only what
 * it is about; any handler the test gives wins.
 */
const BACKGROUND_READS: FakeHandlers = {
  'settings:get': () => DEFAULT_SETTINGS,
  'agents:list': () => ({ agents: [] }),
  'a2p:status': () => A2P_STATUS_NOT_CONNECTED,
  'setup:progress': () => FINISHED_SETUP,
};

/** Renders the whole app against scripted main-process answers, with a query client and a store of its own. */
export function renderApp(handlers: FakeHandlers) {
  const fake = createFakeBridge({ ...BACKGROUND_READS, ...handlers });
  const services = createAppServices(createApi(fake.bridge));
  const view = render(
    <AppProviders services={services}>
      <App />
    </AppProviders>,
  );
  return { ...view, store: services.store, calls: fake.calls, emit: fake.emit };
}
