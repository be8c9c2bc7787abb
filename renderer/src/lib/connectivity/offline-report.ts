/**
 * Whether Twilio can be reached, as the answers to the app's own requests
 * say: the one place that turns an `offline` failure from main into the
 * screens' offline state (actions off, with the reason), and an answer that
 * only Twilio could have given back into the online one.
 *
 * The query client feeds every answer and failure through `noteAnswer` and
 * `noteFailure`; the OS saying the network is back clears the report too.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorReport } from '../../../../shared/domain/doctor';
import type { Channel } from '../../../../shared/ipc/contract';
import { asErrorData } from '../errors';

export interface OfflineReportState {
  /** A call failed with `offline`; cleared when Twilio answers, the OS says it is online, or on "Check again". */
  reported: boolean;
  report: () => void;
  clear: () => void;
}
export type OfflineReport = StoreApi<OfflineReportState>;

export function createOfflineReport(): OfflineReport {
  return createStore<OfflineReportState>()((set, get) => ({
    reported: false,
    report: () => {
      if (!get().reported) set({ reported: true });
    },
    clear: () => {
      if (get().reported) set({ reported: false });
    },
  }));
}

/**
 * The connection screen says for itself what its own calls found, and main's
 * reachability has its own indicator: their failures are not reported here.
 */
const REPORTS_ITS_OWN: readonly string[] = ['connection:', 'reachability:'];

export function noteFailure(report: OfflineReport, channel: Channel | undefined, error: unknown): void {
  if (channel && REPORTS_ITS_OWN.some((prefix) => channel.startsWith(prefix))) return;
  if (asErrorData(error).code === 'offline') report.getState().report();
}

/** Channels whose every answer comes from Twilio itself. */
const ANSWERED_BY_TWILIO: ReadonlySet<Channel> = new Set<Channel>([
  'numbers:sync',
  'numbers:search',
  'purchases:quote',
  'purchases:buy',
  'purchases:release',
  'a2p:refresh',
  'costs:sync',
]);

interface JobAnswer {
  outcomes: { outcome: string }[];
}

/** What an answer says of Twilio: it answered, it could not be reached, or nothing either way. */
export function noteAnswer(report: OfflineReport, channel: Channel | undefined, answer: unknown): void {
  if (!channel) return;
  const { report: reportOffline, clear } = report.getState();
  if (ANSWERED_BY_TWILIO.has(channel)) clear();
  else if (channel === 'assignments:run' || channel === 'agents:delete') {
    // A number that Twilio configured proves it answers.
    if ((answer as JobAnswer).outcomes.some((entry) => entry.outcome === 'done')) clear();
  } else if (channel === 'doctor:check' || channel === 'doctor:fix') {
    // The doctor's report says whether Twilio could be reached.
    const doctorReport =
      channel === 'doctor:check' ? (answer as DoctorReport) : (answer as { report: DoctorReport }).report;
    if (doctorReport.offline) reportOffline();
    else if (doctorReport.checks.some((check) => check.id === 'credentials' && check.status === 'pass')) clear();
  }
}
