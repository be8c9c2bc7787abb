import type { AppErrorData } from '../../../shared/errors';
import type { ConnectionStatus, TwilioReachability } from '../../../shared/domain/connection';
import type { ChannelInput, GleamApi } from '../../../shared/ipc/contract';
import { asErrorData } from './error-data';
import type { Slice } from './slice';

export type ConnectionAction = 'load' | 'connect' | 'verify' | 'disconnect' | 'messagingService';

export interface ConnectionSlice {
  connection: {
    status: ConnectionStatus | null;
    /** The action in flight, if any: at most one at a time. */
    busy: ConnectionAction | null;
    error: AppErrorData | null;
    /** Which action the error belongs to, so each part of the screen shows its own. */
    errorOf: ConnectionAction | null;
  };
  /** Whether Twilio answers, as main's requests last found it (null until main says). */
  twilioReachability: { value: TwilioReachability | null; checking: boolean };
  /** Reads it, then follows main's reports; returns the unsubscribe. */
  watchTwilioReachability: () => () => void;
  /** Retry: main asks Twilio now. */
  checkTwilio: () => Promise<void>;
  loadConnection: () => Promise<void>;
  connect: (input: ChannelInput<'connection:connect'>) => Promise<boolean>;
  verifyConnection: () => Promise<void>;
  disconnect: () => Promise<void>;
  setMessagingService: (messagingServiceSid: string | null) => Promise<boolean>;
  dismissConnectionError: () => void;
}

export const createConnectionSlice =
  (api: GleamApi): Slice<ConnectionSlice> =>
  (set, get) => {
    /** Runs one connection action; answers whether it succeeded. */
    async function run(action: ConnectionAction, work: () => Promise<ConnectionStatus>): Promise<boolean> {
      if (get().connection.busy) return false;
      set((state) => ({ connection: { ...state.connection, busy: action, error: null, errorOf: null } }));
      try {
        const status = await work();
        set({ connection: { status, busy: null, error: null, errorOf: null } });
        return true;
      } catch (error) {
        set((state) => ({
          connection: { ...state.connection, busy: null, error: asErrorData(error), errorOf: action },
        }));
        return false;
      }
    }

    const setReachability = (value: TwilioReachability, checking = get().twilioReachability.checking) =>
      set({ twilioReachability: { value, checking } });

    return {
      connection: { status: null, busy: null, error: null, errorOf: null },
      twilioReachability: { value: null, checking: false },
      watchTwilioReachability: () => {
        const unsubscribe = api.on('reachability:changed', (value) => setReachability(value));
        // An answer already sent by an event is newer than this read: it is kept.
        void api.reachability.status({}).then(
          (value) => {
            if (get().twilioReachability.value === null) setReachability(value);
          },
          () => undefined,
        );
        return unsubscribe;
      },
      checkTwilio: async () => {
        if (get().twilioReachability.checking) return;
        set((state) => ({ twilioReachability: { ...state.twilioReachability, checking: true } }));
        try {
          setReachability(await api.reachability.check({}), false);
        } catch {
          set((state) => ({ twilioReachability: { ...state.twilioReachability, checking: false } }));
        }
      },
      loadConnection: async () => {
        await run('load', () => api.connection.getStatus({}));
      },
      connect: (input) => run('connect', () => api.connection.connect(input)),
      verifyConnection: async () => {
        await run('verify', () => api.connection.verify({}));
      },
      disconnect: async () => {
        await run('disconnect', () => api.connection.disconnect({}));
      },
      setMessagingService: (messagingServiceSid) =>
        run('messagingService', () => api.connection.setMessagingService({ messagingServiceSid })),
      dismissConnectionError: () =>
        set((state) => ({ connection: { ...state.connection, error: null, errorOf: null } })),
    };
  };
