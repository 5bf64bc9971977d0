// Filters by format, status, segment, channel, product and market; text filters wait for a pause in typing.
import { FormatOptions } from '../../../components/format-label';
import { ITEM_STATUSES, type ContentFormat, type ItemStatus } from '@vetted/contracts';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { marketFilter, type CalendarFilters } from '../calendar-search';

const TYPING_PAUSE_MS = 350;

export function CalendarFilterBar({ filters, onChange }: { filters: CalendarFilters; onChange: (filters: CalendarFilters) => void }) {
  const { t } = useT();
  const [segment, setSegment] = useState(filters.segment ?? '');
  const [channel, setChannel] = useState(filters.channel ?? '');
  const [product, setProduct] = useState(filters.product ?? '');
  const [market, setMarket] = useState(filters.market ?? '');

  useEffect(() => {
    const next = { segment: segment.trim() || undefined, channel: channel.trim() || undefined, product: product.trim() || undefined, market: marketFilter(market) };
    if (next.segment === filters.segment && next.channel === filters.channel && next.product === filters.product && next.market === filters.market) return;
    const timer = setTimeout(() => onChange({ ...filters, ...next }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [segment, channel, product, market, filters, onChange]);

  return (
    <form className="filter-bar" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="filter-format">{t('item.format')}</label>
        <select id="filter-format" value={filters.format ?? ''} onChange={(e) => onChange({ ...filters, format: (e.target.value || undefined) as ContentFormat | undefined })}>
          <option value="">{t('filters.all')}</option>
          <FormatOptions />
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">{t('item.status')}</label>
        <select id="filter-status" value={filters.status ?? ''} onChange={(e) => onChange({ ...filters, status: (e.target.value || undefined) as ItemStatus | undefined })}>
          <option value="">{t('filters.all')}</option>
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-segment">{t('item.segment')}</label>
        <input id="filter-segment" type="search" value={segment} onChange={(e) => setSegment(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="filter-channel">{t('item.channel')}</label>
        <input id="filter-channel" type="search" value={channel} onChange={(e) => setChannel(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="filter-product">{t('item.product')}</label>
        <input id="filter-product" type="search" value={product} onChange={(e) => setProduct(e.target.value)} />
      </div>
      <div className="field field-narrow">
        <label htmlFor="filter-market">{t('item.market')}</label>
        <input id="filter-market" type="search" value={market} maxLength={2} placeholder="FR" autoCapitalize="characters" onChange={(e) => setMarket(e.target.value)} />
      </div>
    </form>
  );
}
