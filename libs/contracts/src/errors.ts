import { z } from 'zod';

/** The one error body every API error uses. */
export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  /** A stable name for errors a client may want to explain in its own words (and language). */
  code: z
    .enum([
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
      // Review teams: a lane whose group has nobody who may decide; a decision by someone the lane is not
      // assigned to (nor covering for a member); a lane that already has its quorum.
      'no_eligible_reviewer',
      'not_assigned',
      'quorum_reached',
      // Agency guests: an invitation link that is unknown, used, revoked or expired; a guest whose access ended.
      'invitation_invalid',
      'guest_access_ended',
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
    ])
    .optional(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiErrorCode = NonNullable<ApiError['code']>;
