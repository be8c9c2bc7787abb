/**
 * Settings → Advanced: the webhook base URL that assigned numbers point at.
 * Putting the default back is one step; any other address is checked by main
 * first, shown in a confirmation with what it means, and set only with the
 * confirmation main issued for it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../../shared/ipc/contract';
import { errorDataOf } from '../../lib/errors';
import { useApi } from '../../lib/query/app-services';
import { useChannelQuery } from '../../lib/query/hooks';
import { useAppStore } from '../../store/store-context';

type Save =
  { kind: 'default' } | { kind: 'propose'; webhookBaseUrl: string } | { kind: 'confirm'; confirmationId: string };
const SAVE_KEY = ['settings:save'];

export function useWebhookSettings() {
  const api = useApi();
  const client = useQueryClient();
  const settings = useChannelQuery('settings:get', {});
  const pending = useAppStore((state) => state.pendingWebhookBaseUrl);
  const setPending = useAppStore((state) => state.setPendingWebhookBaseUrl);

  const save = useMutation({
    mutationKey: SAVE_KEY,
    mutationFn: async (change: Save): Promise<Settings | null> => {
      switch (change.kind) {
        case 'default':
          return api.settings.useDefaultWebhookBaseUrl({});
        case 'propose': {
          const prepared = await api.settings.prepareWebhookBaseUrl({ webhookBaseUrl: change.webhookBaseUrl });
          setPending({ webhookBaseUrl: prepared.webhookBaseUrl, confirmationId: prepared.confirmation.id });
          return null;
        }
        case 'confirm':
          return api.settings.setWebhookBaseUrl({ confirmationId: change.confirmationId });
      }
    },
    onSuccess: (value, change) => {
      if (value) client.setQueryData(['settings:get'], value);
      if (change.kind === 'confirm') setPending(null);
    },
    onError: () => setPending(null),
  });

  /** One save at a time; answers whether main accepted it. */
  const run = async (change: Save): Promise<boolean> => {
    if (settings.isPending || client.isMutating({ mutationKey: SAVE_KEY }) > 0) return false;
    return save.mutateAsync(change).then(
      () => true,
      () => false,
    );
  };

  const saving = save.isPending;
  return {
    value: settings.data ?? null,
    loading: settings.isPending && settings.isFetching,
    loadError: errorDataOf(settings.error),
    reload: () => void settings.refetch(),
    busy: saving || settings.isPending,
    saving,
    saveError: errorDataOf(save.error),
    /** The last save went through; cleared by the next change. */
    saved: save.isSuccess && save.variables.kind !== 'propose',
    pending,
    /** Puts the build's default back. */
    restoreDefault: () => run({ kind: 'default' }),
    /** Asks main to check an address and opens its confirmation. */
    propose: (webhookBaseUrl: string) => run({ kind: 'propose', webhookBaseUrl }),
    /** Sets the address in the open confirmation. */
    confirm: () =>
      pending ? run({ kind: 'confirm', confirmationId: pending.confirmationId }) : Promise.resolve(false),
    cancel: () => {
      if (!saving) setPending(null);
    },
    dismiss: () => save.reset(),
  };
}
