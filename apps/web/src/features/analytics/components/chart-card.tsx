// One chart of the dashboard with its two other faces: an accessible table of the same rows (the
// chart itself is hidden from screen readers, the table is what they read) and a CSV download.
import { ChartColumn, Download, Table2 } from 'lucide-react';
import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../../i18n/use-t';
import { toCsv, type ChartTable } from '../dashboard-tables';

const PALETTE = ['#1f5fa8', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#be185d'];

export function ChartCard({ table }: { table: ChartTable }) {
  const { t } = useT();
  const [asTable, setAsTable] = useState(table.kind === 'figures');
  const titleId = useId();
  const empty = table.rows.length === 0;

  function downloadCsv() {
    const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${table.id}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="chart-card" aria-labelledby={titleId}>
      <header className="chart-card-header">
        <h3 id={titleId}>{table.title}</h3>
        <div className="chart-card-actions">
          {table.kind !== 'figures' && (
            <button type="button" className="button-secondary" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
              {asTable ? <ChartColumn aria-hidden="true" size={16} /> : <Table2 aria-hidden="true" size={16} />} {asTable ? t('dashboard.showChart') : t('dashboard.showTable')}
            </button>
          )}
          <button type="button" className="button-secondary" onClick={downloadCsv} disabled={empty} aria-label={`${t('dashboard.csv')}: ${table.title}`}>
            <Download aria-hidden="true" size={16} /> {t('dashboard.csv')}
          </button>
        </div>
      </header>
      {empty ? (
        <p className="chart-empty">{t('dashboard.empty')}</p>
      ) : asTable ? (
        <ChartDataTable table={table} />
      ) : (
        <div className="chart-area" aria-hidden="true">
          <Chart table={table} />
        </div>
      )}
    </section>
  );
}

function ChartDataTable({ table }: { table: ChartTable }) {
  const { t, locale } = useT();
  const format = (v: unknown) => (v === null || v === undefined ? t('dashboard.notMeasured') : typeof v === 'number' ? v.toLocaleString(locale) : String(v));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {format(row[c.key])}
                  </th>
                ) : (
                  <td key={c.key}>{format(row[c.key])}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Chart({ table }: { table: ChartTable }) {
  const data = table.rows;
  const height = table.kind === 'horizontal-bar' ? Math.max(180, 36 * data.length + 60) : 260;
  const series = table.series.map((s, i) => ({ ...s, color: PALETTE[i % PALETTE.length] }));
  if (table.kind === 'line') {
    return (
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={table.category} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={{ r: 3 }} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    );
  }
  const horizontal = table.kind === 'horizontal-bar';
  const domain: [number, number | 'auto'] = [0, table.maxValue ?? 'auto'];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} accessibilityLayer={false} layout={horizontal ? 'vertical' : 'horizontal'}>
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? <XAxis type="number" domain={domain} /> : <XAxis dataKey={table.category} />}
        {horizontal ? <YAxis type="category" dataKey={table.category} width={180} /> : <YAxis domain={domain} />}
        <Tooltip />
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
