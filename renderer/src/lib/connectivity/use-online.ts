import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { useOfflineReportStore } from '../query/app-services';

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** What the operating system says about the network: `navigator.onLine`, kept current by its events. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeToNetwork, () => navigator.onLine);
}

/** "Check again": forgets that a call found Twilio out of reach, so actions are offered again. */
export function useClearOfflineReport(): () => void {
  return useOfflineReportStore().getState().clear;
}

/**
 * Whether actions that need Twilio should be offered. The OS can say "online"
 * while Twilio is unreachable, so an `offline` answer from main counts too.
 */
export function useTwilioOffline(): boolean {
  const online = useOnline();
  const reported = useStore(useOfflineReportStore(), (state) => state.reported);
  return !online || reported;
}

/** The report is forgotten when the OS next says the network is back; followed once, for the whole app. */
export function useForgetOfflineReportWhenOnline(): void {
  const report = useOfflineReportStore();
  useEffect(() => {
    const clear = () => report.getState().clear();
    window.addEventListener('online', clear);
    return () => window.removeEventListener('online', clear);
  }, [report]);
}
