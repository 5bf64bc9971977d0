// Shows what went wrong, announced to screen readers: in the user's language for the errors the API
// names with a code, otherwise in the server's words (its `message`).
import { ApiRequestError } from '../app/api-client';
import { useT } from '../i18n/use-t';

export function errorText(error: unknown, t: ReturnType<typeof useT>['t']): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 0) return t('error.network');
    const explained = explainCode(error, t);
    if (explained) return explained;
    if (error.status === 403 && !error.message) return t('error.forbidden');
    return error.message;
  }
  return t('error.unexpected');
}

function explainCode(error: ApiRequestError, t: ReturnType<typeof useT>['t']): string | null {
  switch (error.code) {
    case 'wrong_credentials':
      return t('error.code.wrong_credentials');
    case 'signature_refused':
      return t('error.code.signature_refused');
    case 'session_required':
      return t('error.code.session_required');
    case 'too_many_attempts':
      return t('error.code.too_many_attempts', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
    case 'stale_version': {
      const number = (error.details as { versionUnderReview?: number } | undefined)?.versionUnderReview;
      return typeof number === 'number' ? t('error.code.stale_version', { number }) : error.message;
    }
    case 'segregation_of_duties':
      return t('error.code.segregation_of_duties', { reason: error.message });
    case 'self_role_grant':
      return t('error.code.self_role_grant');
    case 'not_item_owner':
      return t('error.code.not_item_owner');
    case 'version_required':
      return t('error.code.version_required');
    case 'database_unavailable':
      return t('error.code.database_unavailable');
    case 'invitation_invalid':
      return t('error.code.invitation_invalid');
    case 'guest_access_ended':
      return t('error.code.guest_access_ended');
    case 'quorum_reached':
      return t('error.code.quorum_reached');
    case 'not_assigned':
      return t('error.code.not_assigned', { reason: error.message });
    case 'no_eligible_reviewer':
      return t('error.code.no_eligible_reviewer', { reason: error.message });
    default:
      return null;
  }
}

export function ErrorMessage({ error, className }: { error: unknown; className?: string }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <p role="alert" className={`error-message ${className ?? ''}`}>
      {errorText(error, t)}
    </p>
  );
}
