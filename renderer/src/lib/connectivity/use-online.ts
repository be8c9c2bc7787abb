import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/store-context';

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

/**
 * Whether actions that need Twilio should be offered. The OS can say "online"
 * while Twilio is unreachable, so an `offline` answer from main counts too;
 * that report is forgotten when the OS next says the network is back.
 */
export function useTwilioOffline(): boolean {
  const online = useOnline();
  const offlineReported = useAppStore((state) => state.numbers.offlineReported);
  const clearOfflineReport = useAppStore((state) => state.clearOfflineReport);

  useEffect(() => {
    window.addEventListener('online', clearOfflineReport);
    return () => window.removeEventListener('online', clearOfflineReport);
  }, [clearOfflineReport]);

  return !online || offlineReported;
}
