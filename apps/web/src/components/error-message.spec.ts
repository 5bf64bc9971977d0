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
});
