/**
 * "Why isn't my number working?": the doctor dialog of one number, its
 * latest report, and the fix under way. Every fix comes back with the checks
 * run again, so the report always shows what is true after it.
 *
 * Answers that belong to an earlier opening of the dialog are dropped, so a
 * slow check of one number can never show up in another number's dialog.
 */
import type { DoctorFix, DoctorFixError, DoctorReport } from '../../../shared/domain/doctor';
import type { AppErrorData } from '../../../shared/errors';
import type { GleamApi } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export interface DoctorState {
  numberSid: string;
  phoneNumber: string;
  report: DoctorReport | null;
  checking: boolean;
  /** The fix being made; the checks run again as part of it. */
  fixing: DoctorFix | null;
  /** The checks could not run at all. */
  error: AppErrorData | null;
  /** Why the last fix did not work. */
  fixError: DoctorFixError | null;
}

export interface DoctorSlice {
  doctor: DoctorState | null;
  /** Opens the dialog for the number and runs the checks. */
  openDoctor: (number: { sid: string; phoneNumber: string }) => Promise<void>;
  recheckNumber: () => Promise<void>;
  fixNumber: (fix: DoctorFix) => Promise<void>;
  closeDoctor: () => void;
  /** Leaves the doctor for the assign flow of its number: which agent answers it is the person's choice. */
  assignFromDoctor: () => void;
}

export const createDoctorSlice =
  (api: GleamApi): Slice<DoctorSlice> =>
  (set, get) => {
    /** Which opening of the dialog an answer belongs to. */
    let opening = 0;
    const patchDoctor = (forOpening: number, patch: Partial<DoctorState>) =>
      set((state) => (state.doctor && forOpening === opening ? { doctor: { ...state.doctor, ...patch } } : {}));

    /** The report says whether Twilio could be reached: the screens' offline state follows it. */
    const noteReachability = (report: DoctorReport) => {
      if (report.offline) get().reportOffline();
      else if (
        get().numbers.offlineReported &&
        report.checks.some((check) => check.id === 'credentials' && check.status === 'pass')
      ) {
        get().clearOfflineReport();
      }
    };

    async function runChecks(forOpening: number, numberSid: string): Promise<void> {
      patchDoctor(forOpening, { checking: true, error: null });
      try {
        const report = await api.doctor.check({ numberSid });
        patchDoctor(forOpening, { report, checking: false });
        noteReachability(report);
      } catch (error) {
        patchDoctor(forOpening, { checking: false, error: failureOf(error, get().reportOffline) });
      }
    }

    return {
      doctor: null,

      openDoctor: async (number) => {
        opening += 1;
        set({
          doctor: {
            numberSid: number.sid,
            phoneNumber: number.phoneNumber,
            report: null,
            checking: true,
            fixing: null,
            error: null,
            fixError: null,
          },
        });
        await runChecks(opening, number.sid);
      },

      recheckNumber: async () => {
        const doctor = get().doctor;
        if (!doctor || doctor.checking || doctor.fixing) return;
        patchDoctor(opening, { fixError: null });
        await runChecks(opening, doctor.numberSid);
      },

      fixNumber: async (fix) => {
        const doctor = get().doctor;
        if (!doctor || doctor.checking || doctor.fixing) return;
        const forOpening = opening;
        patchDoctor(forOpening, { fixing: fix, fixError: null, error: null });
        try {
          const { report, fixError } = await api.doctor.fix({ numberSid: doctor.numberSid, fix });
          patchDoctor(forOpening, { report, fixError, fixing: null });
          noteReachability(report);
        } catch (error) {
          patchDoctor(forOpening, {
            fixing: null,
            fixError: { reason: 'failed', error: failureOf(error, get().reportOffline) },
          });
        }
      },

      closeDoctor: () => {
        // A fix in flight keeps the dialog open: its outcome must be seen.
        if (get().doctor?.fixing) return;
        opening += 1;
        set({ doctor: null });
      },

      assignFromDoctor: () => {
        const doctor = get().doctor;
        if (!doctor || doctor.fixing) return;
        opening += 1;
        set({ doctor: null });
        get().openAssignmentDialog({ kind: 'assign-to-agent', numberSids: [doctor.numberSid] });
      },
    };
  };
