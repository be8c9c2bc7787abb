/** A failure in one line for the person: what the assignment jobs record per number and the number doctor shows. */
import { AppError } from '../../../shared/errors';

/** One line per failure: Twilio's own explanation when it refused, since it names the problem. */
export function messageOf(error: unknown): string {
  if (!(error instanceof AppError)) return 'Something unexpected went wrong';
  const twilioSays =
    error.code === 'twilio_rejected' && error.data.twilioCode !== undefined ? error.data.hints[0] : undefined;
  return twilioSays ? `${error.message}: ${twilioSays}` : error.message;
}
