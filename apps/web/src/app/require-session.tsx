// Guards the signed-in part of the app: nobody signed in (GET /api/auth/me answers 401) means /login.
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { useSession } from './session';

export function RequireSession() {
  const { t } = useT();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <p className="page-status">{t('common.loading')}</p>;
  if (session.isError) return <ErrorMessage error={session.error} />;
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
