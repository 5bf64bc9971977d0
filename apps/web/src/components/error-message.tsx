// Shows what went wrong, announced to screen readers: in the user's language for every error the
// API names with a code (contracts' API_ERROR_CODES, with its parameters from `details`), in the
// server's words (its `message`) only for errors without a code the web knows.
import { ITEM_STATUSES, type ApiErrorCode, type ItemStatus } from '@vetted/contracts';
import { ApiRequestError } from '../app/api-client';
import { formatBytes } from '../i18n/format-date';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';
import { useT } from '../i18n/use-t';

export function errorText(error: unknown, t: Translate, locale = 'en-GB'): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 0) return t('error.network');
    const explain = error.code ? EXPLAINED[error.code] : undefined;
    if (explain) return explain(error, t, locale);
    if (error.status === 403 && !error.message) return t('error.forbidden');
    return error.message;
  }
  return t('error.unexpected');
}

type Explain = (error: ApiRequestError, t: Translate, locale: string) => string;
type Details = Record<string, unknown>;

const detailsOf = (error: ApiRequestError): Details => (typeof error.details === 'object' && error.details !== null ? (error.details as Details) : {});
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The fields a validation error names ("title, plannedAt"), from its issues' paths. */
function fieldsOf(error: ApiRequestError): string {
  const issues = detailsOf(error).issues;
  if (!Array.isArray(issues)) return '';
  const names = issues.map((i: { path?: unknown }) => (Array.isArray(i?.path) ? i.path.join('.') : String(i?.path ?? ''))).filter(Boolean);
  return [...new Set(names)].join(', ');
}

/** The values a list refused (unknown, then archived), for unknown_channel and unknown_segment. */
function listedValues(error: ApiRequestError): string {
  const d = detailsOf(error);
  const values = [...(Array.isArray(d.unknown) ? d.unknown : []), ...(Array.isArray(d.archived) ? d.archived : [])].map(String);
  return values.length ? values.join(', ') : '?';
}

const RESOURCES: Record<string, MessageKey> = {
  content_item: 'error.resource.content_item',
  version: 'error.resource.version',
  user: 'error.resource.user',
  upload: 'error.resource.upload',
  library_item: 'error.resource.library_item',
  comment_thread: 'error.resource.comment_thread',
  agenda_event: 'error.resource.agenda_event',
  stored_file: 'error.resource.stored_file',
  channel: 'error.resource.channel',
  segment: 'error.resource.segment',
};

/** Claim statuses in the user's words (the item statuses that share a name read the same). */
const CLAIM_STATUS_KEYS: Record<string, MessageKey> = {
  draft: 'status.draft',
  in_review: 'status.in_review',
  changes_requested: 'status.changes_requested',
  approved: 'status.approved',
  withdrawn: 'status.withdrawn',
  expired: 'status.expired',
};

/** One entry per code: TypeScript fails the build if a code of the contracts has none. */
const EXPLAINED: Record<ApiErrorCode, Explain> = {
  wrong_credentials: (_, t) => t('error.code.wrong_credentials'),
  signature_refused: (_, t) => t('error.code.signature_refused'),
  session_required: (_, t) => t('error.code.session_required'),
  too_many_attempts: (e, t) => t('error.code.too_many_attempts', { minutes: Math.max(1, Math.ceil((e.retryAfterSeconds ?? num(detailsOf(e).retryAfterSeconds) ?? 60) / 60)) }),
  stale_version: (e, t) => {
    const number = num(detailsOf(e).versionUnderReview);
    return number === undefined ? t('error.code.stale_version_none') : t('error.code.stale_version', { number });
  },
  segregation_of_duties: (e, t) => t('error.code.segregation_of_duties', { reason: e.message }),
  self_role_grant: (_, t) => t('error.code.self_role_grant'),
  not_item_owner: (_, t) => t('error.code.not_item_owner'),
  version_required: (_, t) => t('error.code.version_required'),
  claim_state: (e, t) => {
    const status = str(detailsOf(e).status);
    if (str(detailsOf(e).code) && str(detailsOf(e).product)) return t('error.code.claim_code_taken', { code: str(detailsOf(e).code)!, product: str(detailsOf(e).product)! });
    return status && CLAIM_STATUS_KEYS[status] ? t('error.code.claim_state_status', { status: t(CLAIM_STATUS_KEYS[status]) }) : t('error.code.claim_state');
  },
  unknown_claim: (e, t) => {
    const ids = detailsOf(e).unknownClaimIds;
    return t('error.code.unknown_claim', { ids: Array.isArray(ids) ? ids.join(', ') : '?' });
  },
  claims_not_approved: (e, t) => {
    const claims = detailsOf(e).claims;
    const codes = Array.isArray(claims) ? claims.map((c: { code?: unknown }) => String(c?.code ?? '?')).join(', ') : '?';
    return t('error.code.claims_not_approved', { codes });
  },
  unknown_channel: (e, t) => t('error.code.unknown_channel', { values: listedValues(e) }),
  unknown_segment: (e, t) => t('error.code.unknown_segment', { values: listedValues(e) }),
  list_entry_in_use: (e, t) => t('error.code.list_entry_in_use', { name: str(detailsOf(e).name) ?? '?', count: num(detailsOf(e).itemCount) ?? 0 }),
  name_taken: (e, t) => t('error.code.name_taken', { name: str(detailsOf(e).name) ?? '?' }),
  saturation_unconfirmed: (e, t) => {
    const breaches = detailsOf(e).breaches;
    const lines = Array.isArray(breaches)
      ? breaches.map((b: Details) => t('error.code.saturation_line', { segment: String(b?.segment ?? '?'), channel: String(b?.channel ?? '?'), count: num(b?.count) ?? 0, cap: num(b?.cap) ?? 0 })).join('; ')
      : '?';
    return t('error.code.saturation_unconfirmed', { lines });
  },
  not_fast_tracked: (_, t) => t('error.code.not_fast_tracked'),
  filing_not_applicable: (e, t) => (str(detailsOf(e).needed) ? t('error.code.filing_market', { needed: str(detailsOf(e).needed)! }) : t('error.code.filing_not_approved')),
  text_check_pending: (_, t) => t('error.code.text_check_pending'),
  invalid_input: (e, t) => {
    const fields = fieldsOf(e);
    return fields ? t('error.code.invalid_input_fields', { fields }) : t('error.code.invalid_input');
  },
  unknown_parameter: (e, t) => t('error.code.unknown_parameter', { names: fieldsOf(e) || '?' }),
  cross_origin_refused: (_, t) => t('error.code.cross_origin_refused'),
  unsupported_content_type: (_, t) => t('error.code.unsupported_content_type'),
  upload_incomplete: (_, t) => t('error.code.upload_incomplete'),
  pdf_script_refused: (_, t) => t('error.code.pdf_script_refused'),
  database_unavailable: (_, t) => t('error.code.database_unavailable'),
  rendition_not_ready: (e, t) => (str(detailsOf(e).status) === 'failed' ? t('error.code.rendition_failed') : t('error.code.rendition_not_ready')),
  page_out_of_range: (e, t) => t('error.code.page_out_of_range', { pages: num(detailsOf(e).pages) ?? 0 }),
  invitation_invalid: (_, t) => t('error.code.invitation_invalid'),
  guest_access_ended: (_, t) => t('error.code.guest_access_ended'),
  quorum_reached: (_, t) => t('error.code.quorum_reached'),
  not_assigned: (e, t) => t('error.code.not_assigned', { reason: e.message }),
  no_eligible_reviewer: (e, t) => t('error.code.no_eligible_reviewer', { reason: e.message }),
  insufficient_scope: (e, t) => {
    const needed = str(detailsOf(e).needed);
    return needed ? t('error.code.insufficient_scope_needed', { needed }) : t('error.code.insufficient_scope');
  },
  webhook_destination_refused: (_, t) => t('error.code.webhook_destination_refused'),
  feed_token_invalid: (_, t) => t('error.code.feed_token_invalid'),
  not_found: (e, t) => {
    const key = RESOURCES[str(detailsOf(e).resource) ?? ''];
    return key ? t('error.code.not_found_resource', { resource: t(key) }) : t('error.code.not_found');
  },
  forbidden: (_, t) => t('error.code.forbidden'),
  state_conflict: (e, t) => {
    const d = detailsOf(e);
    const status = ITEM_STATUSES.find((s) => s === d.status) as ItemStatus | undefined;
    if (status) return t('error.code.state_conflict_status', { status: t(`status.${status}`) });
    if (str(d.resolvedAt) || d.resolved === true) return t('error.code.thread_resolved');
    if (d.resolved === false) return t('error.code.thread_open');
    if (str(d.completedAt)) return t('error.code.upload_completed');
    return t('error.code.state_conflict');
  },
  file_too_large: (e, t, locale) => {
    const limit = num(detailsOf(e).limit);
    return limit === undefined ? t('error.code.file_too_large') : t('error.code.file_too_large_limit', { limit: formatBytes(limit, locale) });
  },
  file_type_refused: (e, t) => {
    const d = detailsOf(e);
    const allowed = Array.isArray(d.allowed) ? d.allowed.join(', ') : '';
    const detected = str(d.detected);
    if (!allowed) return t('error.code.file_type_refused');
    return detected ? t('error.code.file_type_refused_detected', { detected, allowed }) : t('error.code.file_type_unknown', { allowed });
  },
  file_rejected: (e, t) => {
    const d = detailsOf(e);
    const max = num(d.maxSeconds);
    const measured = num(d.measuredSeconds);
    if (max !== undefined && measured !== undefined) return t('error.code.file_too_long', { measured, max });
    if (max !== undefined) return t('error.code.file_duration_unknown', { max });
    if (num(d.declaredSize) !== undefined) return t('error.code.file_size_mismatch', { declared: num(d.declaredSize)!, stored: num(d.storedSize) ?? 0 });
    if (str(d.declaredSha256)) return t('error.code.file_hash_mismatch');
    return t('error.code.file_rejected');
  },
  storage_unavailable: (_, t) => t('error.code.storage_unavailable'),
};

export function ErrorMessage({ error, className }: { error: unknown; className?: string }) {
  const { t, locale } = useT();
  if (!error) return null;
  return (
    <p role="alert" className={`error-message ${className ?? ''}`}>
      {errorText(error, t, locale)}
    </p>
  );
}
