/**
 * Bringing the local copy up to date from Twilio, money first: settle
 * purchases whose outcome a crash or a lost answer left open, then bring the
 * numbers, the costs, then the A2P registrations up to date. Runs at start,
 * after each connect and when Twilio answers again after an outage; failures
 * (offline) leave the local copy as it is. A call while one runs joins it.
 *
 * A module of its own, made after the services it runs, so the connection and
 * the reachability service can be told to start it without a lambda that
 * reaches for services not made yet.
 */
import type { Logger } from '../infrastructure/logger';
import { singleFlight } from '../infrastructure/single-flight';
import type { A2pService } from './a2p-service';
import type { ConnectionService } from './connection-service';
import type { CostsService } from './costs-service';
import type { NumbersService } from './numbers-service';
import type { PurchasesService } from './purchases-service';

export interface BackgroundRefresh {
  /** Never throws. */
  run(): Promise<void>;
  /** The app is closing: a refresh under way starts no further step and logs nothing more. */
  close(): void;
}

export function createBackgroundRefresh(deps: {
  connection: ConnectionService;
  purchases: PurchasesService;
  numbers: NumbersService;
  costs: CostsService;
  a2p: A2pService;
  logger: Logger;
}): BackgroundRefresh {
  const { connection, purchases, numbers, costs, a2p, logger } = deps;
  let closed = false;

  const refreshing = singleFlight(async () => {
    try {
      if ((await connection.getStatus()).state !== 'connected') return;
      await purchases.reconcile();
      if (!closed) await numbers.sync();
      if (!closed) await costs.sync();
      if (!closed) await a2p.refresh();
    } catch (error) {
      if (!closed) logger.warn('background refresh from Twilio failed', { error: String(error) });
    }
  });

  return {
    run: () => refreshing.run(),
    close() {
      closed = true;
    },
  };
}
