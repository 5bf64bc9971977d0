// The dashboard's filters: a period, product, market, format and how shares are grouped in time.
// Applied together (one request), and kept in the address so a view can be shared.
import { ANALYTICS_BUCKETS, CONTENT_FORMATS } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/use-t';
import type { DashboardFilters } from '../api/get-dashboard';

export function DashboardFilterBar({ value, onApply }: { value: DashboardFilters; onApply: (filters: DashboardFilters) => void }) {
  const { t } = useT();
  const [form, setForm] = useState<DashboardFilters>(value);
  const set = (key: keyof DashboardFilters) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()])));
  }

  return (
    <form className="filter-bar dashboard-filters" onSubmit={submit} aria-label={t('dashboard.filters')}>
      <div className="field">
        <label htmlFor="dashboard-from">{t('dashboard.from')}</label>
        <input id="dashboard-from" type="date" value={form.from ?? ''} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor="dashboard-to">{t('dashboard.to')}</label>
        <input id="dashboard-to" type="date" value={form.to ?? ''} onChange={set('to')} />
      </div>
      <div className="field">
        <label htmlFor="dashboard-product">{t('dashboard.product')}</label>
        <input id="dashboard-product" type="text" maxLength={100} value={form.product ?? ''} onChange={set('product')} />
      </div>
      <div className="field">
        <label htmlFor="dashboard-market">{t('dashboard.market')}</label>
        <input id="dashboard-market" type="text" maxLength={2} placeholder="FR" value={form.market ?? ''} onChange={(e) => setForm((f) => ({ ...f, market: e.target.value.toUpperCase() }))} />
      </div>
      <div className="field">
        <label htmlFor="dashboard-format">{t('dashboard.format')}</label>
        <select id="dashboard-format" value={form.format ?? ''} onChange={set('format')}>
          <option value="">{t('dashboard.any')}</option>
          {CONTENT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`format.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dashboard-bucket">{t('dashboard.bucket')}</label>
        <select id="dashboard-bucket" value={form.bucket ?? 'week'} onChange={set('bucket')}>
          {ANALYTICS_BUCKETS.map((b) => (
            <option key={b} value={b}>
              {t(`dashboard.bucket.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <button type="submit">{t('dashboard.apply')}</button>
      </div>
      <div className="field">
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setForm({});
            onApply({});
          }}
        >
          {t('dashboard.reset')}
        </button>
      </div>
    </form>
  );
}
