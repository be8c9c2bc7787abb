/**
 * The setup guide's progress. A step is done when the app's real state says
 * so — connected, a number owned, an agent saved, a number configured for an
 * agent, a Messaging Service chosen — worked out on every read, so buying a
 * number on the Phone Numbers screen ticks the guide's step too. Only the
 * person's place (current step, skipped steps, finished) is stored, in the
 * settings table, so it survives restarts.
 */
import type { Database } from 'better-sqlite3';
import {
  FIRST_RUN_PLACE,
  SETUP_STEP_IDS,
  SetupPlaceSchema,
  type SetupPlace,
  type SetupProgress,
  type SetupStepId,
} from '../../../shared/domain/setup';
import { getConnectedAccount } from '../db/accounts-repo';
import { listAgents } from '../db/agents-repo';
import { countConfiguredNumbers } from '../db/assignments-repo';
import { countOwnedNumbers } from '../db/numbers-repo';
import { getSetting, setSetting } from '../db/settings-repo';
import type { ChannelHandlers } from '../ipc/registrar';
import type { ConnectionService } from './connection-service';

export interface SetupService {
  progress(): Promise<SetupProgress>;
  save(place: SetupPlace): Promise<SetupProgress>;
}

export function createSetupService(deps: { db: Database; connection: ConnectionService }): SetupService {
  const { db, connection } = deps;

  /** A stored place that no longer parses (an older app's) starts the guide over rather than failing. */
  function storedPlace(): SetupPlace {
    const stored = getSetting(db, 'setupPlace');
    if (stored === null) return FIRST_RUN_PLACE;
    try {
      const parsed = SetupPlaceSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : FIRST_RUN_PLACE;
    } catch {
      return FIRST_RUN_PLACE;
    }
  }

  async function doneSteps(): Promise<Set<SetupStepId>> {
    const done = new Set<SetupStepId>();
    if (listAgents(db).length > 0) done.add('agent');
    const status = await connection.getStatus();
    if (status.state !== 'connected') return done;
    done.add('connect');
    const account = getConnectedAccount(db);
    if (!account) return done;
    const { sid } = account;
    if (countOwnedNumbers(db, sid) > 0) done.add('number');
    if (countConfiguredNumbers(db, sid) > 0) done.add('assign');
    if (status.messagingService) done.add('messaging');
    return done;
  }

  async function progress(): Promise<SetupProgress> {
    const place = storedPlace();
    const done = await doneSteps();
    return {
      steps: SETUP_STEP_IDS.map((id) => ({ id, done: done.has(id), skipped: place.skipped.includes(id) })),
      current: place.current,
      finished: place.finished,
    };
  }

  return {
    progress,
    async save(place) {
      setSetting(db, 'setupPlace', JSON.stringify(place));
      return progress();
    },
  };
}

export function setupHandlers(setup: SetupService): ChannelHandlers<'setup'> {
  return {
    'setup:progress': () => setup.progress(),
    'setup:save': (place) => setup.save(place),
  };
}
