// The editorial committee's dashboard: review and field trends for a period and filters, each chart
// with its table view and CSV export.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useDashboard, type DashboardFilters } from '../api/get-dashboard';
import { ChartCard } from '../components/chart-card';
import { DashboardFilterBar } from '../components/dashboard-filters';
import { dashboardTables } from '../dashboard-tables';

const FILTER_KEYS = ['from', 'to', 'product', 'market', 'format', 'bucket'] as const;

export function DashboardPage() {
  const { t, locale } = useT();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))) as DashboardFilters, [params]);
  const dashboard = useDashboard(filters);
  const tables = useMemo(() => (dashboard.data ? dashboardTables(dashboard.data, t) : []), [dashboard.data, t]);

  return (
    <div className="page dashboard-page">
      <h1>{t('dashboard.title')}</h1>
      <p className="page-intro">{t('dashboard.intro')}</p>
      <DashboardFilterBar key={params.toString()} value={filters} onApply={(next) => setParams(next as Record<string, string>)} />
      <ErrorMessage error={dashboard.error} />
      {dashboard.isPending && <p role="status">{t('common.loading')}</p>}
      {dashboard.data && (
        <>
          <p className="dashboard-period">{t('dashboard.period', { from: formatDate(dashboard.data.period.from, locale), to: formatDate(dashboard.data.period.to, locale) })}</p>
          {(['review', 'field'] as const).map((section) => (
            <section key={section} className="dashboard-section" aria-labelledby={`dashboard-${section}`}>
              <h2 id={`dashboard-${section}`}>{t(`dashboard.section.${section}`)}</h2>
              <div className="chart-grid">
                {tables
                  .filter((table) => table.section === section)
                  .map((table) => (
                    <ChartCard key={table.id} table={table} />
                  ))}
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
