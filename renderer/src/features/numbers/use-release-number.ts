/**
 * Releasing a number: it takes a confirmation from main, asked for when the
 * dialog opens. "Try again" after a failure asks for a new one first, since
 * the one that went with the failed attempt is spent. Answers for a dialog
 * that was closed or replaced are dropped.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { errorDataOf } from '../../lib/errors';
import { useApi } from '../../lib/query/app-services';
import { useChannelMutation } from '../../lib/query/hooks';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { refreshAfterChange } from './use-numbers';

interface Releasing {
  confirmationId: string;
  number: OwnedNumber;
  key: string;
}

const RELEASE_KEY = ['purchases:release'];

export function useReleaseNumber() {
  const api = useApi();
  const client = useQueryClient();
  const store = useAppStoreApi();
  const release = useAppStore((state) => state.numberRelease);
  const isOpen = (key: string) => store.getState().numberRelease?.key === key;
  /** Main's confirmation for releasing the number in the dialog; null until it answers, or once spent. */
  const [confirmationId, setConfirmationId] = useState<string | null>(null);
  /** "Try again" is asking for a new confirmation before it releases: the dialog says it is releasing. */
  const [renewing, setRenewing] = useState(false);

  const preparing = useChannelMutation('purchases:prepareRelease');
  const releasing = useMutation({
    mutationKey: RELEASE_KEY,
    mutationFn: ({ confirmationId: id }: Releasing) => api.purchases.release({ confirmationId: id }),
    onSuccess: async ({ alreadyReleased }, { number, key }) => {
      // Read the list before closing, so the row is already gone when focus leaves the dialog.
      await refreshAfterChange(client);
      if (isOpen(key)) store.getState().closeDialog('numberRelease');
      store.getState().showNumbersNotice({ kind: 'released', phoneNumber: number.phoneNumber, alreadyReleased });
    },
  });

  const prepare = (key: string, number: OwnedNumber): Promise<string | null> =>
    preparing.mutateAsync({ sid: number.sid }).then(
      ({ confirmation }) => {
        if (isOpen(key)) setConfirmationId(confirmation.id);
        return isOpen(key) ? confirmation.id : null;
      },
      () => null,
    );

  const run = (id: string, number: OwnedNumber, key: string) =>
    releasing.mutate(
      { confirmationId: id, number, key },
      {
        onError: () => {
          if (isOpen(key)) setConfirmationId(null);
        },
      },
    );

  const busy = () => client.isMutating({ mutationKey: RELEASE_KEY }) > 0 || preparing.isPending || renewing;

  return {
    release,
    preparing: preparing.isPending,
    releasing: releasing.isPending || renewing,
    error: errorDataOf(releasing.error) ?? errorDataOf(preparing.error),

    /** Opens the confirmation for releasing a number and asks main for the confirmation it needs. */
    askRelease: (number: OwnedNumber) => {
      setConfirmationId(null);
      setRenewing(false);
      releasing.reset();
      const target = store.getState().openRelease(number);
      void prepare(target.key, number);
    },

    /** Releases the number in the open confirmation. */
    confirmRelease: () => {
      if (!release || busy()) return;
      const { number, key } = release;
      if (confirmationId) {
        run(confirmationId, number, key);
        return;
      }
      // "Try again" after a failure: the confirmation that went with it is spent, so ask for another first.
      releasing.reset();
      setRenewing(true);
      void prepare(key, number).then((id) => {
        setRenewing(false);
        if (id) run(id, number, key);
      });
    },

    closeRelease: () => {
      if (client.isMutating({ mutationKey: RELEASE_KEY }) > 0 || renewing) return;
      store.getState().closeDialog('numberRelease');
    },
  };
}

export type ReleaseNumber = ReturnType<typeof useReleaseNumber>;
