/**
 * Starts the fake Twilio: one loopback HTTP server per Twilio host, each on
 * its own port, plus a control server, all sharing one FakeState. Hosts are
 * separate origins because the contract suite puts one Prism proxy (one
 * spec) in front of each.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlListener } from './control-api';
import type { FakeTwilioHosts } from './control-schema';
import { Lifecycle } from './lifecycle';
import { a2pMessagingRoutes, trustHubV1Routes } from './routes/a2p-v1';
import { apiV2010Routes } from './routes/api-v2010';
import { availablePhoneNumberRoutes } from './routes/available-phone-numbers';
import { incomingPhoneNumberRoutes } from './routes/incoming-phone-numbers';
import { messagingV1Routes } from './routes/messaging-v1';
import { pricingV1Routes } from './routes/pricing-v1';
import { usageV2010Routes } from './routes/usage-v2010';
import { FakeState } from './state';
import { createTwilioHostListener } from './twilio-host';
import { TWILIO_HOSTS, type TwilioHost } from './twilio-hosts';
import type { TwilioRoute } from './twilio-route';

export interface FakeTwilioOptions {
  /** Delay added to every Twilio-host request. */
  latencyMs?: number;
  /**
   * Fixed ports: api = N, messaging = N+1, pricing = N+2, trusthub = N+3,
   * control = N+4. Ephemeral ports when absent.
   */
  portBase?: number;
}

export interface FakeTwilio {
  /** Base URL of each host, e.g. `http://127.0.0.1:PORT`; the value of GLEAM_TWILIO_HOSTS. */
  hosts: FakeTwilioHosts;
  controlUrl: string;
  state: FakeState;
  /** Stops every server and ends every connection, held or idle. */
  close(): Promise<void>;
}

const ROUTES: Record<TwilioHost, readonly TwilioRoute[]> = {
  'api.twilio.com': [
    ...apiV2010Routes,
    ...incomingPhoneNumberRoutes,
    ...availablePhoneNumberRoutes,
    ...usageV2010Routes,
  ],
  'messaging.twilio.com': [...messagingV1Routes, ...a2pMessagingRoutes],
  'pricing.twilio.com': pricingV1Routes,
  'trusthub.twilio.com': trustHubV1Routes,
};

const LOOPBACK = '127.0.0.1';

function listen(listener: RequestListener, port: number): Promise<Server> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function baseUrl(server: Server): string {
  const { port } = server.address() as AddressInfo;
  return `http://${LOOPBACK}:${port}`;
}

function shutDown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // close() alone waits for keep-alive and held sockets; end them now.
    server.closeAllConnections();
  });
}

/** Starts every server, or none: a failure closes those already listening. */
async function listenAll(listeners: readonly RequestListener[], portFor: (index: number) => number): Promise<Server[]> {
  const started = await Promise.allSettled(listeners.map((listener, index) => listen(listener, portFor(index))));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (!failure) return servers;
  await Promise.all(servers.map(shutDown));
  const reason: unknown = failure.reason;
  throw reason instanceof Error ? reason : new Error(String(reason));
}

export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const state = new FakeState();
  const lifecycle = new Lifecycle();
  const latencyMs = options.latencyMs ?? 0;
  const portFor = (index: number) => (options.portBase === undefined ? 0 : options.portBase + index);

  const hostServers = await listenAll(
    TWILIO_HOSTS.map((host) => createTwilioHostListener({ host, state, routes: ROUTES[host], latencyMs, lifecycle })),
    portFor,
  );
  const hosts = Object.fromEntries(
    TWILIO_HOSTS.map((host, index) => [host, baseUrl(hostServers[index] as Server)]),
  ) as FakeTwilioHosts;

  let controlServer: Server;
  try {
    controlServer = await listen(createControlListener({ state, lifecycle, hosts }), portFor(TWILIO_HOSTS.length));
  } catch (error) {
    await Promise.all(hostServers.map(shutDown));
    throw error;
  }
  const servers = [...hostServers, controlServer];

  let closing: Promise<void> | undefined;
  return {
    hosts,
    controlUrl: baseUrl(controlServer),
    state,
    close: () => {
      closing ??= (async () => {
        lifecycle.close();
        await Promise.all(servers.map(shutDown));
      })();
      return closing;
    },
  };
}
