// Shows what went wrong in the server's words (its `message`), announced to screen readers.
import { ApiRequestError } from '../app/api-client';
import { useT } from '../i18n/use-t';

export function errorText(error: unknown, t: ReturnType<typeof useT>['t']): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 403 && !error.message) return t('error.forbidden');
    return error.message;
  }
  return t('error.unexpected');
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
