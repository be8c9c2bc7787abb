/**
 * Which dialog is open, and for what. What the dialogs ask main and what it
 * answers is server state, in the query client; a dialog's requests belong
 * to the opening they were made for (its `key`), so an answer to a dialog
 * that was closed or replaced never lands in the one open now.
 */
import type { AvailableNumber, NumberType, OwnedNumber } from '../../../shared/domain/numbers';
import type { Slice } from './slice';

export interface PurchaseTarget {
  candidate: AvailableNumber;
  country: string;
  type: NumberType;
  /** Made when the dialog opens, only to tell its answers from those of a dialog opened later. */
  key: string;
}

export interface ReleaseTarget {
  number: OwnedNumber;
  key: string;
}

export interface DoctorTarget {
  numberSid: string;
  phoneNumber: string;
  key: string;
}

/** The dialog, if any, that leads to an assignment job. Numbers are held by SID and read fresh from the list. */
export type AssignmentDialog =
  | { kind: 'assign-numbers'; agentId: string }
  | { kind: 'assign-to-agent'; numberSids: string[] }
  | { kind: 'unassign'; numberSids: string[] }
  | { kind: 'adopt'; numberSid: string }
  | { kind: 'fix'; numberSid: string };

/** A webhook address main checked, waiting for the person's confirmation. */
export interface PendingWebhookBaseUrl {
  /** The address as main will store it. */
  webhookBaseUrl: string;
  confirmationId: string;
}

export interface DialogsSlice {
  numberPurchase: PurchaseTarget | null;
  numberRelease: ReleaseTarget | null;
  doctor: DoctorTarget | null;
  assignmentDialog: AssignmentDialog | null;
  pendingWebhookBaseUrl: PendingWebhookBaseUrl | null;
  openPurchase: (target: Omit<PurchaseTarget, 'key'>) => PurchaseTarget;
  openRelease: (number: OwnedNumber) => ReleaseTarget;
  openDoctor: (number: { sid: string; phoneNumber: string }) => void;
  openAssignmentDialog: (dialog: AssignmentDialog) => void;
  setPendingWebhookBaseUrl: (pending: PendingWebhookBaseUrl | null) => void;
  /** Closes the dialog of that kind (callers first check that nothing in it must be seen to the end). */
  closeDialog: (kind: 'numberPurchase' | 'numberRelease' | 'doctor' | 'assignmentDialog') => void;
}

export const createDialogsSlice: Slice<DialogsSlice> = (set) => ({
  numberPurchase: null,
  numberRelease: null,
  doctor: null,
  assignmentDialog: null,
  pendingWebhookBaseUrl: null,
  openPurchase: (target) => {
    const purchase = { ...target, key: crypto.randomUUID() };
    set({ numberPurchase: purchase });
    return purchase;
  },
  openRelease: (number) => {
    const release = { number, key: crypto.randomUUID() };
    set({ numberRelease: release });
    return release;
  },
  openDoctor: (number) =>
    set({ doctor: { numberSid: number.sid, phoneNumber: number.phoneNumber, key: crypto.randomUUID() } }),
  openAssignmentDialog: (dialog) => set({ assignmentDialog: dialog }),
  setPendingWebhookBaseUrl: (pending) => set({ pendingWebhookBaseUrl: pending }),
  closeDialog: (kind) => set({ [kind]: null }),
});
