// What the item is: format, date, audience, claims, where it was reused from, when it was approved;
// for its owners, the agency guests invited to it.
import type { ContentItem } from '@vetted/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { FormatLabel } from '../../../components/format-label';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { canInviteGuests } from '../can-decide';
import { GuestInvitations } from './guest-invitations';

export function ItemSummary({ item }: { item: ContentItem }) {
  const { t, locale } = useT();
  const user = useCurrentUser();
  const rows: [string, ReactNode][] = [
    [t('item.format'), <FormatLabel format={item.format} />],
    [t('item.plannedAt'), formatDateTime(item.plannedAt, locale)],
    [t('item.channels'), item.channels.join(', ') || '—'],
    [t('item.segments'), item.segments.join(', ') || '—'],
    [t('item.claimIds'), item.claimIds.join(', ') || '—'],
  ];
  if (item.product) rows.push([t('item.product'), item.product]);
  if (item.market) rows.push([t('item.market'), item.market]);
  if (item.language) rows.push([t('item.language'), item.language]);
  if (item.seriesId) rows.push([t('item.series'), <Link to={`/items/${item.seriesId}`}>{t('item.episodeOfSeries', { number: item.episodeNumber ?? '?' })}</Link>]);
  if (item.sourceItemId) rows.push([t('item.sourceItemId'), <Link to={`/items/${item.sourceItemId}`}>{t('item.openSource')}</Link>]);
  if (item.submittedAt) rows.push([t('item.submittedAt'), formatDateTime(item.submittedAt, locale)]);
  if (item.approvedAt) rows.push([t('item.approvedAt'), formatDateTime(item.approvedAt, locale)]);
  if (item.expiresAt) rows.push([t('item.expiresAt'), formatDateTime(item.expiresAt, locale)]);

  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('item.details')}</h2>
      {item.description && <p className="item-description">{item.description}</p>}
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {canInviteGuests(item, user) && <GuestInvitations item={item} />}
    </section>
  );
}
