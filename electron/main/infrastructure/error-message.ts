/** A failure as the person is told of it: what the assignment jobs record per number and the number doctor shows. */
import { AppError, errorLine, reasonError, type AppErrorData } from '../../../shared/errors';

/** An AppError's own data; anything else is the catalogue's "unexpected", since its text is not for people. */
export function errorDataOf(error: unknown): AppErrorData {
  return error instanceof AppError ? error.data : reasonError('unexpected').data;
}

/** The failure in one line, for the log. */
export const messageOf = (error: unknown): string => errorLine(errorDataOf(error));
