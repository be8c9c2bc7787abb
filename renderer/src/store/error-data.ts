import { AppError, appError, type AppErrorData } from '../../../shared/errors';

/** What a failed call shows: its AppError's data, or the generic "Something went wrong" for anything else. */
export const asErrorData = (error: unknown): AppErrorData =>
  error instanceof AppError ? error.data : appError('internal').data;

/**
 * Every failed call passes here, so an `offline` answer from any of them
 * switches the screens to their offline state (actions off, with the reason).
 */
export function failureOf(error: unknown, reportOffline: () => void): AppErrorData {
  const data = asErrorData(error);
  if (data.code === 'offline') reportOffline();
  return data;
}
