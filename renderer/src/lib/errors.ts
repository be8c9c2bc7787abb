import { AppError, appError, type AppErrorData } from '../../../shared/errors';

/** What a failed call shows: its AppError's data, or the generic "Something went wrong" for anything else. */
export const asErrorData = (error: unknown): AppErrorData =>
  error instanceof AppError ? error.data : appError('internal').data;

/** The same for a request state's error, which is null while there is none. */
export const errorDataOf = (error: unknown): AppErrorData | null =>
  error === null || error === undefined ? null : asErrorData(error);
