// The committee's feedback loop: which approved pieces reps actually shared lately, and how.
import { SHARE_CHANNELS } from '@vetted/contracts';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useShareSummary } from '../api/get-share-summary';

export const FIELD_USE_DAYS = 30;

export function FieldUse({ since }: { since: string }) {
  const { t, locale } = useT();
  const summary = useShareSummary(since);
  return (
    <section className="panel field-use" aria-labelledby="field-use-title">
      <h2 id="field-use-title">{t('library.fieldUse.title', { days: FIELD_USE_DAYS })}</h2>
      <ErrorMessage error={summary.error} />
      {summary.data && summary.data.items.length === 0 && <p className="field-hint">{t('library.fieldUse.empty')}</p>}
      {summary.data && summary.data.items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('library.fieldUse.title', { days: FIELD_USE_DAYS })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('item.title')}</th>
              <th scope="col">{t('library.fieldUse.total')}</th>
              {SHARE_CHANNELS.map((c) => (
                <th key={c} scope="col">
                  {t(`library.share.channel.${c}`)}
                </th>
              ))}
              <th scope="col">{t('library.fieldUse.reps')}</th>
              <th scope="col">{t('library.fieldUse.last')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.data.items.map((row) => (
              <tr key={row.itemId}>
                <th scope="row">{row.title}</th>
                <td>{row.total}</td>
                {SHARE_CHANNELS.map((c) => (
                  <td key={c}>{row.byChannel[c]}</td>
                ))}
                <td>{row.distinctReps}</td>
                <td>
                  <time dateTime={row.lastSharedAt}>{formatDate(row.lastSharedAt, locale)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
