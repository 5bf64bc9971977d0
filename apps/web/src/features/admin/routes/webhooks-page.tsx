// Admin (/admin/webhooks): where Vetted tells a CRM/CLM of approvals, withdrawals and the like. Register
// a URL with its events and shared secret; see each webhook's delivery log and retry a failed delivery.
import { WEBHOOK_EVENT_TYPES, WEBHOOK_SECRET_MIN_LENGTH, type Webhook, type WebhookEventType } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useDeliveries, useRegisterWebhook, useRemoveWebhook, useRetryDelivery, useWebhooks } from '../api/integrations';
import { AdminTabs } from '../components/admin-tabs';

export function WebhooksPage() {
  const { t, locale } = useT();
  const webhooks = useWebhooks();
  const register = useRegisterWebhook();
  const remove = useRemoveWebhook();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const [shown, setShown] = useState<Webhook | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate(
      { url, secret, events },
      {
        onSuccess: () => {
          setUrl('');
          setSecret('');
        },
      },
    );
  };
  const toggle = (event: WebhookEventType, on: boolean) => setEvents((s) => (on ? [...s, event] : s.filter((x) => x !== event)));

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('webhooks.title')}</h1>
      </div>
      <AdminTabs />
      <p className="field-hint">{t('webhooks.intro')}</p>
      <form className="form-grid" onSubmit={submit} aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title" className="field-wide">
          {t('webhooks.new')}
        </h2>
        <div className="field field-wide">
          <label htmlFor="webhook-url">{t('webhooks.url')}</label>
          <input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://crm.example.com/hooks/vetted" />
        </div>
        <div className="field field-wide">
          <label htmlFor="webhook-secret">{t('webhooks.secret')}</label>
          <input id="webhook-secret" type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} required minLength={WEBHOOK_SECRET_MIN_LENGTH} aria-describedby="webhook-secret-hint" />
          <p id="webhook-secret-hint" className="field-hint">
            {t('webhooks.secretHint', { min: WEBHOOK_SECRET_MIN_LENGTH })}
          </p>
        </div>
        <fieldset className="field field-wide">
          <legend>{t('webhooks.events')}</legend>
          {WEBHOOK_EVENT_TYPES.map((event) => (
            <label key={event} className="checkbox">
              <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
              <code>{event}</code>
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={register.error} className="field-wide" />
        <div className="field-wide">
          <button type="submit" className="button-primary" disabled={register.isPending || events.length === 0}>
            {t('webhooks.register')}
          </button>
        </div>
      </form>
      {webhooks.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : webhooks.isError ? (
        <ErrorMessage error={webhooks.error} />
      ) : webhooks.data.webhooks.length === 0 ? (
        <p className="empty-state">{t('webhooks.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('webhooks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">{t('webhooks.events')}</th>
                <th scope="col">{t('tokens.createdBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhooks.data.webhooks.map((hook) => (
                <tr key={hook.id}>
                  <td>
                    <code>{hook.url}</code>
                  </td>
                  <td>{hook.events.join(', ')}</td>
                  <td>
                    {hook.createdBy.name}, {formatDateTime(hook.createdAt, locale)}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="button-secondary button-small" onClick={() => setShown(hook)} aria-label={t('webhooks.deliveriesLabel', { url: hook.url })}>
                      {t('webhooks.deliveries')}
                    </button>
                    <button
                      type="button"
                      className="button-danger button-small"
                      disabled={remove.isPending}
                      onClick={() => window.confirm(t('webhooks.removeConfirm', { url: hook.url })) && remove.mutate(hook.id)}
                      aria-label={t('webhooks.removeLabel', { url: hook.url })}
                    >
                      {t('webhooks.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={remove.error} />
      {shown && <DeliveryLog webhook={shown} />}
    </section>
  );
}

function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t, locale } = useT();
  const deliveries = useDeliveries(webhook.id);
  const retry = useRetryDelivery(webhook.id);
  return (
    <section aria-labelledby="delivery-log-title">
      <h2 id="delivery-log-title">{t('webhooks.logTitle', { url: webhook.url })}</h2>
      {deliveries.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : deliveries.isError ? (
        <ErrorMessage error={deliveries.error} />
      ) : deliveries.data.deliveries.length === 0 ? (
        <p className="empty-state">{t('webhooks.noDeliveries')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('webhooks.logTitle', { url: webhook.url })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
                <th scope="col">{t('webhooks.lastAnswer')}</th>
                <th scope="col">{t('webhooks.when')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <code>{d.eventType}</code>
                  </td>
                  <td>{t(`webhooks.status.${d.status}`)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastResponseCode ?? d.lastError ?? '—'}</td>
                  <td>{formatDateTime(d.deliveredAt ?? d.lastAttemptAt ?? d.createdAt, locale)}</td>
                  <td>
                    {d.status === 'failed' && (
                      <button type="button" className="button-secondary button-small" disabled={retry.isPending} onClick={() => retry.mutate(d.id)}>
                        {t('webhooks.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={retry.error} />
    </section>
  );
}
