import { en } from '../../i18n/en';
import { interpolate } from '../../i18n/i18n-context';
import { dashboardTables, toCsv } from './dashboard-tables';
import { aDashboard } from './testing-dashboard';

const t = (key: keyof typeof en, vars?: Record<string, string | number>) => interpolate(en[key], vars);

describe('dashboard tables', () => {
  const tables = dashboardTables(aDashboard(), t);
  const table = (id: string) => tables.find((x) => x.id === id)!;

  it('gives each lane and the end to end their median and 90th percentile', () => {
    expect(table('lane-cycle').rows).toEqual([
      { lane: 'Marketing', count: 2, median: 1.5, p90: 1.9 },
      { lane: 'Medical', count: 3, median: 4, p90: 8.8 },
      { lane: 'Regulatory', count: 3, median: 4, p90: 5.6 },
      { lane: 'End to end', count: 3, median: 6, p90: 20.4 },
    ]);
  });

  it('pivots shares per period into one column per channel, with zeros where nothing was shared', () => {
    expect(table('shares-by-channel').rows).toEqual([
      { period: '2026-11-02', email: 1, 'rep-visit': 1, social: 0, other: 0 },
      { period: '2026-11-09', email: 0, 'rep-visit': 0, social: 2, other: 0 },
    ]);
    expect(table('shares-by-segment').rows).toEqual([
      { period: '2026-11-02', 'science-driven': 2, 'No segment': 0 },
      { period: '2026-11-09', 'science-driven': 0, 'No segment': 2 },
    ]);
  });

  it('writes CSV with quoting, empty cells for what was not measured, and no formula a spreadsheet would run', () => {
    expect(toCsv(table('top-shared'))).toBe('Item,Format,Shares\r\n"\'=HYPERLINK(""x"") Heart failure",Infographic,4\r\n');
    expect(toCsv({ columns: [{ key: 'a', label: 'A' }], rows: [{ a: null }, { a: -3 }] })).toBe('A\r\n\r\n-3\r\n');
    expect(table('key-figures').rows).toContainEqual({ figure: 'First-pass approval rate (%)', value: 66.7 });
  });
});
