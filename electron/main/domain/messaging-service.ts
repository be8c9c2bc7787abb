/** A Messaging Service as twilio/messaging-api.ts reads it and the number doctor's checks judge it. */

/** A Messaging Service and whether it lets each number's own SMS webhook answer texts. */
export interface MessagingServiceSettings {
  sid: string;
  friendlyName: string;
  /** Twilio's UseInboundWebhookOnNumber: when false, the service's own inbound settings answer texts. */
  usesNumbersOwnSmsWebhooks: boolean;
}
