// An agency guest's invitation (/accept-invite#token=…): they choose their password, then sign in.
// The token travels in the URL's fragment, which the browser never sends to a server or a log.
import { PASSWORD_MIN_LENGTH } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../app/language-switch';
import { errorText } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useAcceptInvite } from '../api/accept-invite';

export function AcceptInvitePage() {
  const { t } = useT();
  const location = useLocation();
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  const accept = useAcceptInvite();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) return setProblem(t('invite.mismatch'));
    setProblem(null);
    accept.mutate({ token, password });
  };
  const message = problem ?? (accept.error ? errorText(accept.error, t) : '');

  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-top">
          <span className="brand">Vetted</span>
          <LanguageSwitch />
        </div>
        <h1>{t('invite.title')}</h1>
        {accept.isSuccess ? (
          <>
            <p role="status">{t('invite.done', { email: accept.data.email })}</p>
            <Link to="/login" className="button-primary">
              {t('login.submit')}
            </Link>
          </>
        ) : !token ? (
          <p role="alert" className="error-message">
            {t('invite.noToken')}
          </p>
        ) : (
          <form onSubmit={submit}>
            <p className="field-hint">{t('invite.hint', { min: PASSWORD_MIN_LENGTH })}</p>
            <div className="field">
              <label htmlFor="invite-password">{t('invite.password')}</label>
              <input id="invite-password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} value={password} onChange={(e) => setPassword(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="invite-again">{t('invite.again')}</label>
              <input id="invite-again" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
            </div>
            <div role="alert" className="error-region">
              {message && <p className="error-message">{message}</p>}
            </div>
            <button type="submit" className="button-primary" disabled={accept.isPending}>
              {accept.isPending ? t('common.saving') : t('invite.submit')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
