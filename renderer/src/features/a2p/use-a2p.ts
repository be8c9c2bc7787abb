/**
 * A2P 10DLC status: what main saved of the account's registrations (so it
 * shows offline), read again whenever main says the copy changed or the
 * account or its Messaging Service changes, and the refresh that reads them
 * from Twilio.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { A2pStatus } from '../../../../shared/domain/a2p';
import { errorDataOf } from '../../lib/errors';
import { readErrorOf, useChannelQuery, useSharedAction } from '../../lib/query/hooks';
import { useConnectionStatus } from '../../lib/query/reads';

export function useA2p() {
  const client = useQueryClient();
  const { data: connection } = useConnectionStatus();
  const connectionKnown = connection !== undefined;
  const connected = connection?.state === 'connected';
  const status = useChannelQuery('a2p:status', {}, { enabled: connectionKnown });
  const refresh = useSharedAction(['a2p:refresh'], {
    // Newer than any read of the saved copy still on its way, which is dropped.
    onSuccess: (answer: A2pStatus) => {
      void client.cancelQueries({ queryKey: ['a2p:status'] });
      client.setQueryData(['a2p:status'], answer);
    },
  });

  // Whose registrations these are and which service's campaigns: read the saved status again when either changes.
  const accountKey = connected ? connection.account.sidMask : null;
  const serviceKey = connected ? (connection.messagingService?.sid ?? null) : null;
  const whose = JSON.stringify([accountKey, serviceKey]);
  const readFor = useRef<string | null>(null);
  const { refetch } = status;
  useEffect(() => {
    if (!connectionKnown) return;
    if (readFor.current !== null && readFor.current !== whose) void refetch();
    readFor.current = whose;
  }, [connectionKnown, whose, refetch]);

  return {
    connected,
    status: status.data ?? null,
    loading: status.isFetching,
    loadError: readErrorOf(status),
    refreshing: refresh.pending,
    refreshError: errorDataOf(refresh.error),
    /** Reads the registrations from Twilio; does nothing while a refresh runs. */
    refresh: () => void refresh.run({}),
    dismissRefreshError: refresh.dismiss,
  };
}
