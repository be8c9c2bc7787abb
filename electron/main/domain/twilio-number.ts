/**
 * An owned number as Twilio describes it: what twilio/ maps Twilio's answers
 * to and db/ stores (with what Gleam adds), so it belongs to neither.
 */
import type { NumberConfiguration } from '../../../shared/domain/number-configuration';
import type { Capabilities } from '../../../shared/domain/numbers';

/** An owned number as Twilio describes it now. */
export interface TwilioNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  capabilities: Capabilities;
  configuration: NumberConfiguration;
  dateCreated: string | null;
}
