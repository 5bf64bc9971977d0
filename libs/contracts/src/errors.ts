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
  // A regulatory filing asked of material it does not apply to (Form FDA 2253: approved US material only).
  'filing_not_applicable',
  // Claim detection: a fast-track submission whose file is still being read (retry in a moment).
  'text_check_pending',
  // Review teams: a lane whose group has nobody who may decide; a decision by someone the lane is not
  // assigned to (nor covering for a member); a lane that already has its quorum.
  'no_eligible_reviewer',
  'not_assigned',
  'quorum_reached',
  // Agency guests: an invitation link that is unknown, used, revoked or expired; a guest whose access ended.
  'invitation_invalid',
  'guest_access_ended',
  // Integrations: a personal access token without the scope the route needs, a webhook URL that is not
  // a public https address, a calendar feed link that is unknown or revoked.
  'insufficient_scope',
  'webhook_destination_refused',
  'feed_token_invalid',
  // Managed lists: a channel or segment that is not in the admins' list (or is archived); a list entry
  // whose name items use (renaming it would orphan them); a name another entry of the list has; a plan
  // that takes a (segment, channel) pair over its weekly cap without the editor confirming it (details.breaches).
  'unknown_channel',
  'unknown_segment',
  'list_entry_in_use',
  'name_taken',
  'saturation_unconfirmed',
  // Refused at the HTTP edge: input that fails validation, a query parameter the route does not know,
  // a cross-origin state change, a body that is neither JSON nor multipart, an upload cut off mid-way.
  'invalid_input',
  'unknown_parameter',
  'cross_origin_refused',
  'unsupported_content_type',
  'upload_incomplete',
  'pdf_script_refused',
  // A version's thumbnail, preview, poster or page images are not made (yet, or for its type: see
  // details.status), or no such page (details.pages, details.pageCount).
  'rendition_not_ready',
  'page_out_of_range',
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
