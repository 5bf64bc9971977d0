// Sign-in screen. After signing in, users go back where they were sent from, or to their role's home.
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../../app/language-switch';
import { homePathFor } from '../../../app/permissions';
import { useSession } from '../../../app/session';
import { errorText } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useLogin } from '../api/login';

export function LoginPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from;

  if (session.data && !loginMutation.isSuccess) return <Navigate to={homePathFor(session.data.roles)} replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    loginMutation.mutate(
      { email: email.trim(), password },
      {
        onSuccess: ({ user }) => {
          void navigate(from && from !== '/' && from !== '/login' ? from : homePathFor(user.roles), { replace: true });
        },
      },
    );
  }

  const error = loginMutation.error;
  const message = error ? errorText(error, t) : '';

  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-top">
          <span className="brand">Vetted</span>
          <LanguageSwitch />
        </div>
        <h1>{t('login.title')}</h1>
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="login-email">{t('login.email')}</label>
            <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div role="alert" className="error-region">
            {message && <p className="error-message">{message}</p>}
          </div>
          <button type="submit" className="button-primary" disabled={loginMutation.isPending}>
            {loginMutation.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
