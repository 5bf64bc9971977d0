// Admin (/admin/tokens): personal access tokens for CRM/CLM integrations. A new token is shown once,
// with a copy button; the list shows scopes and last use; revoking ends it at once.
import { TOKEN_SCOPES, type CreatedAccessToken, type TokenScope } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useAccessTokens, useCreateAccessToken, useRevokeAccessToken } from '../api/integrations';
import { AdminTabs } from '../components/admin-tabs';

export function TokensPage() {
  const { t, locale } = useT();
  const tokens = useAccessTokens();
  const create = useCreateAccessToken();
  const revoke = useRevokeAccessToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['library:read']);
  const [created, setCreated] = useState<CreatedAccessToken | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, scopes },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
      },
    );
  };
  const toggle = (scope: TokenScope, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('tokens.title')}</h1>
      </div>
      <AdminTabs />
      <p className="field-hint">{t('tokens.intro')}</p>
      <form className="form-grid" onSubmit={submit} aria-labelledby="new-token-title">
        <h2 id="new-token-title" className="field-wide">
          {t('tokens.new')}
        </h2>
        <div className="field">
          <label htmlFor="token-name">{t('tokens.name')}</label>
          <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </div>
        <fieldset className="field">
          <legend>{t('tokens.scopes')}</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
              <code>{scope}</code> {t(`tokens.scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} className="field-wide" />
        <div className="field-wide">
          <button type="submit" className="button-primary" disabled={create.isPending || scopes.length === 0}>
            {t('tokens.create')}
          </button>
        </div>
      </form>
      {created && (
        <div className="notice" role="alert">
          <p>{t('tokens.shownOnce', { name: created.name })}</p>
          <p className="token-secret">{created.token}</p>
          <CopyButton text={created.token} label={t('tokens.copy', { name: created.name })} />
          <button type="button" className="button-secondary button-small" onClick={() => setCreated(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {tokens.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : tokens.isError ? (
        <ErrorMessage error={tokens.error} />
      ) : tokens.data.tokens.length === 0 ? (
        <p className="empty-state">{t('tokens.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.scopes')}</th>
                <th scope="col">{t('tokens.createdBy')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.scopes.join(', ')}</td>
                  <td>
                    {token.createdBy.name}, {formatDateTime(token.createdAt, locale)}
                  </td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.neverUsed')}</td>
                  <td>
                    <button
                      type="button"
                      className="button-danger button-small"
                      disabled={revoke.isPending}
                      onClick={() => window.confirm(t('tokens.revokeConfirm', { name: token.name })) && revoke.mutate(token.id)}
                      aria-label={t('tokens.revokeLabel', { name: token.name })}
                    >
                      {t('tokens.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={revoke.error} />
    </section>
  );
}
