/** A failure as data: what the assignment jobs record per number and the number doctor reports (the renderer words it). */
import { AppError, errorLine, reasonError, type AppErrorData } from '../../../shared/errors';

/** An AppError's own data; anything else is the catalogue's "unexpected", since its text is not for people. */
export function errorDataOf(error: unknown): AppErrorData {
  return error instanceof AppError ? error.data : reasonError('unexpected').data;
}

/** The failure in one line, for the log. */
export const messageOf = (error: unknown): string => errorLine(errorDataOf(error));
