import { API_ERROR_CODES, type ApiErrorCode } from '@vetted/contracts';
import { ApiRequestError, toApiRequestError } from '../app/api-client';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { interpolate, type Translate } from '../i18n/i18n-context';
import { errorText } from './error-message';

const french: Translate = (key, vars) => interpolate(fr[key], vars, 'fr-FR');
const english: Translate = (key, vars) => interpolate(en[key], vars, 'en-GB');

describe('errorText', () => {
  it('explains coded API errors in the user’s language', () => {
    const refused = toApiRequestError(401, { statusCode: 401, error: 'Unauthorized', message: 'Signature refused: the password is incorrect', code: 'signature_refused' });
    expect(errorText(refused, french)).toBe('Signature refusée : le mot de passe est incorrect');
    expect(errorText(refused, english)).toBe('Signature refused: the password is incorrect');
  });

  it('turns the throttling wait into whole minutes', () => {
    const throttled = toApiRequestError(429, { statusCode: 429, error: 'Too Many Requests', message: 'Too many…', code: 'too_many_attempts' }, '61');
    expect(errorText(throttled, french)).toBe('Trop d’échecs de mot de passe. Réessayez dans 2 minutes.');
    expect(errorText(throttled, english)).toBe('Too many failed password attempts. Try again in 2 minutes.');
  });

  it('names the version now under review when a signature came from a stale page', () => {
    const stale = toApiRequestError(409, { statusCode: 409, error: 'Conflict', message: 'The version you signed for…', code: 'stale_version', details: { versionUnderReview: 3 } });
    expect(errorText(stale, french)).toMatch(/désormais la version 3\). Rien n’a été signé/);
    expect(errorText(stale, english)).toMatch(/now version 3\). Nothing was signed/);
  });

  it('keeps the server’s words for errors without a code', () => {
    expect(errorText(new ApiRequestError(409, 'Cannot approve: the item is approved'), french)).toBe('Cannot approve: the item is approved');
  });

  it('explains the parameters of file, state and lookup errors', () => {
    const tooLong = toApiRequestError(422, { statusCode: 422, error: 'Unprocessable Entity', message: 'Video may last…', code: 'file_rejected', details: { measuredSeconds: 95, maxSeconds: 90 } });
    expect(errorText(tooLong, french)).toBe('Le fichier dure 95 s ; 90 s au plus sont autorisées.');
    const approved = toApiRequestError(409, { statusCode: 409, error: 'Conflict', message: 'The item is approved…', code: 'state_conflict', details: { status: 'approved' } });
    expect(errorText(approved, french)).toBe('Cette action n’est pas possible tant que le contenu est « Approuvé ». Rechargez la page pour voir son état actuel.');
    const missing = toApiRequestError(404, { statusCode: 404, error: 'Not Found', message: 'Content item x was not found', code: 'not_found', details: { resource: 'content_item', id: 'x' } });
    expect(errorText(missing, english)).toBe('Content item not found: it may have been removed, or the link is wrong.');
    const big = toApiRequestError(413, { statusCode: 413, error: 'Payload Too Large', message: 'The file is larger…', code: 'file_too_large', details: { limit: 100_000_000 } });
    expect(errorText(big, french, 'fr-FR')).toBe('Le fichier dépasse la limite de 100 MB.');
    const invalid = toApiRequestError(400, { statusCode: 400, error: 'Bad Request', message: 'title: required', code: 'invalid_input', details: { issues: [{ path: ['title'], message: 'required' }, { path: ['plannedAt'], message: 'bad' }] } });
    expect(errorText(invalid, english)).toBe('Some fields are not valid (title, plannedAt): check them and try again.');
  });

  // Typical details of each code, as the API sends them; a new code fails here until it is translated.
  const DETAILS: Partial<Record<ApiErrorCode, unknown>> = {
    stale_version: { versionUnderReview: 2 },
    invalid_input: { issues: [{ path: ['title'], message: 'required' }] },
    unknown_parameter: { issues: [{ path: ['colour'], message: 'unknown' }] },
    not_found: { resource: 'version', id: '3 of item x' },
    state_conflict: { status: 'in_review' },
    file_too_large: { limit: 2_000_000, size: 3_000_000 },
    file_type_refused: { detected: 'gif', detectedMimeType: 'image/gif', allowed: ['png', 'jpg'] },
    file_rejected: { maxSeconds: 90 },
    too_many_attempts: { retryAfterSeconds: 120 },
    claim_state: { status: 'withdrawn' },
    unknown_claim: { unknownClaimIds: ['HF-99'] },
    claims_not_approved: { claims: [{ id: 'x', code: 'HF-03', status: 'in_review' }] },
  };

  it.each(API_ERROR_CODES.map((code) => [code]))('translates %s in French and in English, never falling back to the server’s words', (code) => {
    const error = toApiRequestError(400, { statusCode: 400, error: 'Error', message: 'THE SERVER SAID', code, details: DETAILS[code] });
    const fr = errorText(error, french, 'fr-FR');
    const en = errorText(error, english, 'en-GB');
    for (const text of [fr, en]) {
      expect(text).not.toMatch(/^THE SERVER SAID$|\{\w+\}|undefined/);
      expect(text.length).toBeGreaterThan(10);
    }
    expect(fr).not.toBe(en);
  });
});
