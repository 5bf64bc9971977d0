// The dashboard's aggregates as one table per chart: the chart draws it, the table view shows it
// and the CSV export writes it, so the three never disagree.
import { EXPIRY_HORIZONS, SHARE_CHANNELS, type AnalyticsDashboard, type Satisfaction } from '@vetted/contracts';
import type { Translate } from '../../i18n/i18n-context';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Column {
  key: string;
  label: string;
}

export type ChartKind = 'bar' | 'line' | 'horizontal-bar' | 'figures';

export interface ChartTable {
  id: string;
  title: string;
  section: 'review' | 'field';
  kind: ChartKind;
  /** The column the chart puts on its category axis; the others listed in `series` are drawn. */
  category: string;
  series: Column[];
  columns: Column[];
  rows: Row[];
  /** The value axis' top when the scale is fixed (ratings are out of 5). */
  maxValue?: number;
}

const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);

export function dashboardTables(d: AnalyticsDashboard, t: Translate): ChartTable[] {
  const { review, field } = d;
  const col = (key: string, label: string): Column => ({ key, label });
  const segmentLabel = (s: string | null) => s ?? t('dashboard.noSegment');
  const satisfactionColumns = [col('responses', t('dashboard.col.responses')), col('averageRating', t('dashboard.col.averageRating')), col('usefulShare', t('dashboard.col.usefulShare'))];
  const satisfactionCells = (s: Satisfaction) => ({ responses: s.responses, averageRating: s.averageRating, usefulShare: percent(s.usefulShare) });
  const satisfactionSeries = [col('averageRating', t('dashboard.col.averageRating'))];

  const figures: Array<[string, Cell]> = [
    [t('dashboard.figure.approved'), review.firstPass.approved],
    [t('dashboard.figure.averageRounds'), review.rounds.average],
    [t('dashboard.figure.firstPass'), percent(review.firstPass.rate)],
    [t('dashboard.figure.fastTrackShare'), percent(review.fastTrack.share)],
    [t('dashboard.figure.fastTrackMedian'), review.fastTrack.fastTrackMedianHours],
    [t('dashboard.figure.fullReviewMedian'), review.fastTrack.fullReviewMedianHours],
    [t('dashboard.figure.savedPerItem'), review.fastTrack.savedHoursPerItem],
    [t('dashboard.figure.savedTotal'), review.fastTrack.savedHoursTotal],
  ];
  const segments = [...new Set(field.sharesBySegment.map((r) => segmentLabel(r.segment)))];
  const formats = [...new Set(field.satisfactionByFormatAndSegment.map((r) => r.format))];

  return [
    {
      id: 'key-figures',
      title: t('dashboard.chart.keyFigures'),
      section: 'review',
      kind: 'figures',
      category: 'figure',
      series: [col('value', t('dashboard.col.value'))],
      columns: [col('figure', t('dashboard.col.figure')), col('value', t('dashboard.col.value'))],
      rows: figures.map(([figure, value]) => ({ figure, value })),
    },
    {
      id: 'lane-cycle',
      title: t('dashboard.chart.laneCycle'),
      section: 'review',
      kind: 'bar',
      category: 'lane',
      series: [col('median', t('dashboard.col.median')), col('p90', t('dashboard.col.p90'))],
      columns: [col('lane', t('dashboard.col.lane')), col('count', t('dashboard.col.count')), col('median', t('dashboard.col.median')), col('p90', t('dashboard.col.p90'))],
      rows: [
        ...review.laneCycle.map((l) => ({ lane: t(`lane.${l.lane}`), count: l.count, median: l.medianHours, p90: l.p90Hours })),
        { lane: t('dashboard.col.endToEnd'), count: review.endToEnd.count, median: review.endToEnd.medianHours, p90: review.endToEnd.p90Hours },
      ],
    },
    {
      id: 'rounds',
      title: t('dashboard.chart.rounds'),
      section: 'review',
      kind: 'bar',
      category: 'rounds',
      series: [col('items', t('dashboard.col.items'))],
      columns: [col('rounds', t('dashboard.col.rounds')), col('items', t('dashboard.col.items'))],
      rows: review.rounds.distribution.map((r) => ({ rounds: r.rounds, items: r.items })),
    },
    {
      id: 'overdue',
      title: t('dashboard.chart.overdue'),
      section: 'review',
      kind: 'bar',
      category: 'lane',
      series: [col('overdue', t('dashboard.col.overdue'))],
      columns: [col('lane', t('dashboard.col.lane')), col('overdue', t('dashboard.col.overdue'))],
      rows: review.overdueTasks.map((o) => ({ lane: t(`lane.${o.lane}`), overdue: o.overdue })),
    },
    {
      id: 'expiring',
      title: t('dashboard.chart.expiring'),
      section: 'review',
      kind: 'bar',
      category: 'within',
      series: [col('items', t('dashboard.col.items'))],
      columns: [col('within', t('dashboard.col.withinDays')), col('items', t('dashboard.col.items'))],
      rows: EXPIRY_HORIZONS.map((days) => ({ within: t('dashboard.days', { days }), items: review.expiring.find((e) => e.withinDays === days)?.items ?? 0 })),
    },
    {
      id: 'shares-by-channel',
      title: t('dashboard.chart.sharesByChannel'),
      section: 'field',
      kind: 'line',
      category: 'period',
      series: SHARE_CHANNELS.map((c) => col(c, t(`library.share.channel.${c}`))),
      columns: [col('period', t('dashboard.col.period')), ...SHARE_CHANNELS.map((c) => col(c, t(`library.share.channel.${c}`)))],
      rows: pivot(field.sharesByChannel, (r) => r.channel, SHARE_CHANNELS),
    },
    {
      id: 'shares-by-segment',
      title: t('dashboard.chart.sharesBySegment'),
      section: 'field',
      kind: 'line',
      category: 'period',
      series: segments.map((s) => col(s, s)),
      columns: [col('period', t('dashboard.col.period')), ...segments.map((s) => col(s, s))],
      rows: pivot(field.sharesBySegment, (r) => segmentLabel(r.segment), segments),
    },
    {
      id: 'top-shared',
      title: t('dashboard.chart.topShared'),
      section: 'field',
      kind: 'horizontal-bar',
      category: 'item',
      series: [col('shares', t('dashboard.col.shares'))],
      columns: [col('item', t('dashboard.col.item')), col('format', t('dashboard.col.format')), col('shares', t('dashboard.col.shares'))],
      rows: field.topShared.map((i) => ({ item: i.title, format: t(`format.${i.format}`), shares: i.shares })),
    },
    {
      id: 'satisfaction-by-format',
      maxValue: 5,
      title: t('dashboard.chart.satisfactionByFormat'),
      section: 'field',
      kind: 'bar',
      category: 'format',
      series: satisfactionSeries,
      columns: [col('format', t('dashboard.col.format')), ...satisfactionColumns],
      rows: field.satisfactionByFormat.map((s) => ({ format: t(`format.${s.format}`), ...satisfactionCells(s) })),
    },
    {
      id: 'satisfaction-by-segment',
      maxValue: 5,
      title: t('dashboard.chart.satisfactionBySegment'),
      section: 'field',
      kind: 'bar',
      category: 'segment',
      series: satisfactionSeries,
      columns: [col('segment', t('dashboard.col.segment')), ...satisfactionColumns],
      rows: field.satisfactionBySegment.map((s) => ({ segment: segmentLabel(s.segment), ...satisfactionCells(s) })),
    },
    {
      id: 'satisfaction-by-format-and-segment',
      maxValue: 5,
      title: t('dashboard.chart.satisfactionByFormatAndSegment'),
      section: 'field',
      kind: 'bar',
      category: 'segment',
      series: formats.map((f) => col(f, t(`format.${f}`))),
      columns: [col('segment', t('dashboard.col.segment')), ...formats.map((f) => col(f, t(`format.${f}`)))],
      rows: [...new Set(field.satisfactionByFormatAndSegment.map((r) => segmentLabel(r.segment)))].map((segment) => ({
        segment,
        ...Object.fromEntries(formats.map((f) => [f, field.satisfactionByFormatAndSegment.find((r) => r.format === f && segmentLabel(r.segment) === segment)?.averageRating ?? null])),
      })),
    },
    {
      id: 'satisfaction-by-item',
      maxValue: 5,
      title: t('dashboard.chart.satisfactionByItem'),
      section: 'field',
      kind: 'horizontal-bar',
      category: 'item',
      series: satisfactionSeries,
      columns: [col('item', t('dashboard.col.item')), col('format', t('dashboard.col.format')), ...satisfactionColumns],
      rows: field.satisfactionByItem.map((s) => ({ item: s.title, format: t(`format.${s.format}`), ...satisfactionCells(s) })),
    },
  ];
}

/** One row per period, one column per series key (0 where nothing was shared). */
function pivot<T extends { period: string; shares: number }>(rows: readonly T[], keyOf: (r: T) => string, keys: readonly string[]): Row[] {
  const byPeriod = new Map<string, Row>();
  for (const r of rows) {
    const row = byPeriod.get(r.period) ?? { period: r.period, ...Object.fromEntries(keys.map((k) => [k, 0])) };
    row[keyOf(r)] = r.shares;
    byPeriod.set(r.period, row);
  }
  return [...byPeriod.values()];
}

/**
 * RFC 4180 CSV of a table: quoted where needed, and a cell that a spreadsheet would run as a formula
 * (an item title starting with =, +, - or @) is prefixed with an apostrophe.
 */
export function toCsv(table: Pick<ChartTable, 'columns' | 'rows'>): string {
  const cell = (value: Cell) => {
    if (value === null) return '';
    const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns.map((c) => cell(c.label)), ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null)))];
  return `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
