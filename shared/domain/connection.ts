import { z } from 'zod';

export const AccountStatusSchema = z.enum(['active', 'suspended', 'closed']);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

export const AccountTypeSchema = z.enum(['Trial', 'Full']);
export type AccountType = z.infer<typeof AccountTypeSchema>;

/** What the renderer may know of a Twilio account: never the token, only a masked SID. */
export const AccountSummarySchema = z.object({
  sidMask: z.string(),
  friendlyName: z.string(),
  status: AccountStatusSchema,
  type: AccountTypeSchema,
  isSubaccount: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummarySchema>;

export const MessagingServiceSummarySchema = z.object({
  sid: z.string(),
  friendlyName: z.string(),
});
export type MessagingServiceSummary = z.infer<typeof MessagingServiceSummarySchema>;

/**
 * Where the Auth Token lives: `encrypted` on disk through the OS keychain
 * (safeStorage), or `session` in memory only, when the OS offers no
 * encryption — then it is gone when the app quits.
 */
export const TokenStorageSchema = z.enum(['encrypted', 'session']);
export type TokenStorage = z.infer<typeof TokenStorageSchema>;

/**
 * Why the computer's secure storage cannot keep the Auth Token: there is none (`no-secure-storage`), or it is
 * Linux, where Gleam cannot check that a keyring protects it (`linux-unprotected`).
 */
export const SecureStorageUnavailableSchema = z.enum(['no-secure-storage', 'linux-unprotected']);
export type SecureStorageUnavailable = z.infer<typeof SecureStorageUnavailableSchema>;

/** Why the Auth Token is kept for this session only: no secure storage, or it refused to encrypt this time. */
export const TokenStorageReasonSchema = z.enum([...SecureStorageUnavailableSchema.options, 'encrypt-declined']);
export type TokenStorageReason = z.infer<typeof TokenStorageReasonSchema>;

/** Why saved credentials could not be read this time: no secure storage, it refused to decrypt, or a damaged file. */
export type CredentialsUnreadable = SecureStorageUnavailable | 'decrypt-declined' | 'damaged-file';

export const ConnectionStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('disconnected'),
    /** The last account used, kept so local history stays labelled. */
    previousAccount: AccountSummarySchema.nullable(),
  }),
  z.object({
    state: z.literal('connected'),
    account: AccountSummarySchema,
    tokenStorage: TokenStorageSchema,
    /** Why the token could not be saved, when tokenStorage is `session`. */
    tokenStorageReason: TokenStorageReasonSchema.nullable(),
    /** ISO time of the last successful check against Twilio. */
    lastVerifiedAt: z.string(),
    messagingService: MessagingServiceSummarySchema.nullable(),
  }),
]);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/**
 * Whether Twilio answers the app's requests, as they find it (electron/main/services/reachability-service.ts):
 * `unreachable` from a request Twilio did not answer (refused, timed out, dropped, failing with 5xx) until
 * one it answers; `unknown` before any request, or with no account connected to ask with.
 */
export const TwilioReachabilitySchema = z.object({
  state: z.enum(['reachable', 'unreachable', 'unknown']),
  /** When the requests stopped getting answers; null unless unreachable. */
  unreachableSince: z.string().nullable(),
  /** The last time Twilio answered. */
  lastAnsweredAt: z.string().nullable(),
});
export type TwilioReachability = z.infer<typeof TwilioReachabilitySchema>;
