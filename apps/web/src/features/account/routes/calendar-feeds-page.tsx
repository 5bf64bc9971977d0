// /calendar-feeds: my secret calendar subscription URLs (planned items and the HCP agenda, six months
// ahead) for Outlook, Google or Apple Calendar. A new URL is shown once, with a copy button.
import type { CreatedCalendarFeed } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feeds';

export function CalendarFeedsPage() {
  const { t, locale } = useT();
  const feeds = useCalendarFeeds();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim() ? { name: name.trim() } : {}, {
      onSuccess: (feed) => {
        setCreated(feed);
        setName('');
      },
    });
  };

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('feeds.title')}</h1>
      </div>
      <p className="field-hint">{t('feeds.intro')}</p>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="feed-name">
            {t('feeds.name')} <span className="field-hint">({t('common.optional')})</span>
          </label>
          <input id="feed-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder={t('feeds.namePlaceholder')} />
        </div>
        <ErrorMessage error={create.error} className="field-wide" />
        <div className="field-wide">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t('feeds.create')}
          </button>
        </div>
      </form>
      {created && (
        <div className="notice" role="alert">
          <p>{t('feeds.shownOnce')}</p>
          <p className="token-secret">{created.url}</p>
          <CopyButton text={created.url} label={t('feeds.copy', { name: created.name })} />
          <button type="button" className="button-secondary button-small" onClick={() => setCreated(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {feeds.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : feeds.isError ? (
        <ErrorMessage error={feeds.error} />
      ) : feeds.data.feeds.length === 0 ? (
        <p className="empty-state">{t('feeds.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('feeds.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('feeds.name')}</th>
                <th scope="col">{t('feeds.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {feeds.data.feeds.map((feed) => (
                <tr key={feed.id}>
                  <td>{feed.name}</td>
                  <td>{formatDateTime(feed.createdAt, locale)}</td>
                  <td>{feed.lastUsedAt ? formatDateTime(feed.lastUsedAt, locale) : t('tokens.neverUsed')}</td>
                  <td>
                    <button
                      type="button"
                      className="button-danger button-small"
                      disabled={revoke.isPending}
                      onClick={() => window.confirm(t('feeds.revokeConfirm', { name: feed.name })) && revoke.mutate(feed.id)}
                      aria-label={t('feeds.revokeLabel', { name: feed.name })}
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
