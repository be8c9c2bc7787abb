/**
 * "Why isn't my number working?": the doctor dialog of one number, its
 * latest report, and the fix under way. Every fix comes back with the checks
 * run again, so the report always shows what is true after it.
 *
 * Each opening of the dialog has its own report and fix (keyed by the
 * opening), so a slow check of one number can never show up in another
 * number's dialog. Whether Twilio could be reached, as the report says, is
 * noted by the offline report like any other answer.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DoctorFix, DoctorFixError, DoctorFixResult, DoctorReport } from '../../../../shared/domain/doctor';
import { asErrorData } from '../../lib/errors';
import { useApi } from '../../lib/query/app-services';
import { callChannel } from '../../lib/query/channels';
import { readErrorOf, useSharedAction } from '../../lib/query/hooks';
import type { DoctorTarget } from '../../store/dialogs-slice';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

const reportKey = ({ numberSid, key }: DoctorTarget) => ['doctor:check', { numberSid }, key];

export function useDoctor(target: DoctorTarget) {
  const api = useApi();
  const client = useQueryClient();
  const store = useAppStoreApi();
  const navigate = useAppStore((state) => state.navigate);
  const check = useQuery({
    queryKey: reportKey(target),
    queryFn: () => callChannel(api, 'doctor:check', { numberSid: target.numberSid }),
    gcTime: 0,
  });
  const fixing = useSharedAction<readonly ['doctor:fix', string], DoctorFixResult, { fix: DoctorFix }>(
    ['doctor:fix', target.key],
    {
      call: (to, { fix }) => to.doctor.fix({ numberSid: target.numberSid, fix }),
      onSuccess: ({ report }) => client.setQueryData<DoctorReport>(reportKey(target), report),
    },
  );
  const fixUnderWay = fixing.pending ? (fixing.variables?.fix ?? null) : null;
  const busy = () => check.isFetching || client.isMutating({ mutationKey: ['doctor:fix', target.key] }) > 0;

  const close = () => {
    // A fix in flight keeps the dialog open: its outcome must be seen.
    if (client.isMutating({ mutationKey: ['doctor:fix', target.key] }) > 0) return false;
    store.getState().closeDialog('doctor');
    return true;
  };

  return {
    report: check.data ?? null,
    checking: check.isFetching,
    /** The fix being made; the checks run again as part of it. */
    fixing: fixUnderWay,
    /** The checks could not run at all (a fix since says what is true instead). */
    error: fixing.state ? null : readErrorOf(check),
    /** Why the last fix did not work. */
    fixError: (fixing.data?.fixError ??
      (fixing.error ? { reason: 'failed', error: asErrorData(fixing.error) } : null)) satisfies DoctorFixError | null,
    recheck: () => {
      if (busy()) return;
      fixing.dismiss();
      void check.refetch();
    },
    fix: (fix: DoctorFix) => {
      if (busy()) return;
      void fixing.run({ fix });
    },
    close: () => void close(),
    /** Leaves the doctor for the assign flow of its number: which agent answers it is the person's choice. */
    assign: () => {
      if (close()) store.getState().openAssignmentDialog({ kind: 'assign-to-agent', numberSids: [target.numberSid] });
    },
    openSettings: () => {
      if (close()) navigate('settings');
    },
  };
}

export type Doctor = ReturnType<typeof useDoctor>;
