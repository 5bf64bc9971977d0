import { z } from 'zod';

/**
 * Stable names of API errors: clients explain them in their own words and language, with the
 * parameters in `details`. Every domain error carries one (the API's error classes give a default
 * per kind). The web's translations are checked against this list.
 */
export const API_ERROR_CODES = [
  'wrong_credentials',
  'too_many_attempts',
  'signature_refused',
  'session_required',
  'stale_version',
  'segregation_of_duties',
  'self_role_grant',
  'version_required',
  'not_item_owner',
  // The claims library: a claim in the wrong state for the action, an id that is no claim, an item
  // that cannot be approved while a claim it makes is not, a fast track only regulatory may escalate.
  'claim_state',
  'unknown_claim',
  'claims_not_approved',
  'not_fast_tracked',
  // Refused at the HTTP edge: input that fails validation, a query parameter the route does not know,
  // a cross-origin state change, a body that is neither JSON nor multipart, an upload cut off mid-way.
  'invalid_input',
  'unknown_parameter',
  'cross_origin_refused',
  'unsupported_content_type',
  'upload_incomplete',
  'pdf_script_refused',
  // The database cannot be reached or is not serving (503, Retry-After): an outage, not a bug.
  'database_unavailable',
  // Defaults of the API's error kinds, when nothing more precise applies. `details` says more:
  // not_found {resource, id}; state_conflict {status?} (an item status) or {resolved?, resolvedAt?} (a thread);
  // file_too_large {limit, size?}; file_type_refused {detected, detectedMimeType, allowed};
  // file_rejected {measuredSeconds?, maxSeconds?, declaredSize?, storedSize?, declaredSha256?}.
  'not_found',
  'forbidden',
  'state_conflict',
  'file_too_large',
  'file_type_refused',
  'file_rejected',
  'storage_unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error body every API error uses. */
export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  /** A stable name for errors a client may want to explain in its own words (and language). */
  code: z.enum(API_ERROR_CODES).optional(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * Codes only integration clients meet: a personal access token used outside its scopes (403), a
 * webhook URL whose host is or resolves to a private, loopback or link-local address (400), an
 * unknown or revoked calendar feed token (401). Kept out of API_ERROR_CODES, which the web
 * translates exhaustively, until the web has screens for tokens, webhooks and feeds: move them
 * there with their translations then.
 */
export const INTEGRATION_ERROR_CODES = ['insufficient_scope', 'webhook_destination_refused', 'feed_token_invalid'] as const;
export type IntegrationErrorCode = (typeof INTEGRATION_ERROR_CODES)[number];

/** Every code the API sends, integration ones included: what an integration should expect. */
export type ServerErrorCode = ApiErrorCode | IntegrationErrorCode;
export const serverErrorSchema = apiErrorSchema.extend({ code: z.enum([...API_ERROR_CODES, ...INTEGRATION_ERROR_CODES]).optional() });
export type ServerError = z.infer<typeof serverErrorSchema>;
