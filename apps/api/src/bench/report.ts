import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One line of the benchmark table: a measure, its baseline in the same run, the ratio and the target. */
export interface BenchLine {
  /** The `--only` name of the measure this line belongs to. */
  measure: Measure;
  what: string;
  api: string;
  baseline: string;
  /** API / baseline, or null for an absolute target. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
  /** 1-minute load average when the line was measured. */
  loadAverage?: number;
  /** Set on a line kept from an earlier run (`--only` ran other measures): that run's date. */
  measuredAt?: string;
}

/** What `npm run bench -- --only a,b` can name, in the order the report lists them. */
export const MEASURES = ['startup', 'list', 'calendar', 'inbox', 'login', 'claims', 'decisions', 'text-check', 'upload', 'renditions', 'web'] as const;
export type Measure = (typeof MEASURES)[number];

/** Lines written before lines named their measure, recognised by their wording. */
const LEGACY: Array<[RegExp, Measure]> = [
  [/^start-up/, 'startup'],
  [/^list a month/, 'list'],
  [/^sign in/, 'login'],
  [/^claims search/, 'claims'],
  [/^review decisions/, 'decisions'],
  [/^OCR of|^upload → finished text check/, 'text-check'],
  [/^web initial/, 'web'],
  [/^calendar month/, 'calendar'],
];

/**
 * An `--only` run: its lines, plus the previous report's lines for the measures it did not run, each
 * marked with the date (and load) of the run that measured it. A line whose measure cannot be told is dropped.
 */
export function mergeWithPrevious(run: BenchRun, previous: BenchRun | null, ran: ReadonlySet<Measure>): BenchRun {
  if (!previous) return run;
  const kept = previous.lines.flatMap((l): BenchLine[] => {
    const measure = l.measure ?? LEGACY.find(([pattern]) => pattern.test(l.what))?.[1];
    if (!measure || ran.has(measure)) return [];
    return [{ ...l, measure, measuredAt: l.measuredAt ?? previous.date, loadAverage: l.loadAverage ?? previous.loadAverage }];
  });
  const lines = [...run.lines, ...kept].sort((a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure));
  const dataset = kept.length ? `${run.dataset}; lines kept from the earlier run: ${previous.dataset}` : run.dataset;
  return { ...run, dataset, lines, details: { ...previous.details, ...run.details } };
}

export interface BenchRun {
  date: string;
  cores: number;
  cpu: string;
  node: string;
  /** 1-minute load average at the end of the run: above the core count, other work shared the machine and every figure is inflated. */
  loadAverage: number;
  scale: number;
  /** The measures this run ran, when `--only` named them. */
  only?: Measure[];
  dataset: string;
  lines: BenchLine[];
  details: Record<string, unknown>;
}

/** Where `npm run test:resilience` leaves its counts for the next `npm run bench` to put in docs/benchmarks.md. */
export const RESILIENCE_COUNTS_FILE = path.join(os.tmpdir(), 'vetted-resilience-counts.json');

export function resilienceSection(json: string): string {
  const tests = JSON.parse(json) as Record<string, Record<string, unknown> & { at: string }>;
  const parts = Object.entries(tests).map(([name, { at, ...counts }]) => {
    const lines = Object.entries(counts).map(([k, v]) => `  - ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    return `- **${name}** (${at.slice(0, 16).replace('T', ' ')} UTC)\n${lines.join('\n')}`;
  });
  return `## Resilience (\`npm run test:resilience\`, last run on this machine)\n\n${parts.join('\n')}\n`;
}

export function machine(): Pick<BenchRun, 'cores' | 'cpu' | 'node' | 'loadAverage'> {
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: Math.round(os.loadavg()[0] * 10) / 10 };
}

export function printLines(lines: readonly BenchLine[]): void {
  for (const l of lines) {
    const ratio = l.ratio === null ? '' : ` · ratio ${l.ratio.toFixed(2)}×`;
    const verdict = l.met === null ? '' : l.met ? ' · met' : ' · NOT MET';
    console.log(`${l.what}\n  API ${l.api} · baseline ${l.baseline}${ratio} · target ${l.target}${verdict}${l.note ? `\n  ${l.note}` : ''}\n`);
  }
}

/** docs/benchmarks.md (the table people read) and docs/benchmarks.json (the same figures for tools). */
export async function writeReport(docsDir: string, run: BenchRun, resilience: string | null): Promise<void> {
  await fs.writeFile(path.join(docsDir, 'benchmarks.json'), `${JSON.stringify(run, null, 2)}\n`);
  const rows = run.lines.map(
    (l) =>
      `| ${l.what}${l.measuredAt ? ` *(run of ${l.measuredAt.slice(0, 10)})*` : ''} | ${l.api} | ${l.baseline} | ${l.ratio === null ? '—' : `${l.ratio.toFixed(2)}×`} | ${l.target} | ${l.met === null ? '—' : l.met ? 'yes' : '**no**'} | ${l.loadAverage ?? '—'} |`,
  );
  const earlier = run.lines.some((l) => l.measuredAt);
  const notes = run.lines.filter((l) => l.note).map((l) => `- **${l.what}**: ${l.note}`);
  const md = `# Benchmarks

Written by \`npm run bench\` (${run.scale === 1 ? 'default scale' : `\`--scale ${run.scale}\``}) on ${run.date}. Each measure runs the product and a raw
baseline in the same run, on the same data and machine, and the ratio is what the target is set on: a
shared or small machine changes the milliseconds, much less the ratios. The product runs as \`npm start\`
runs it (\`node apps/api/dist/main.js\`, embedded PostgreSQL and S3, its own process); load comes from
\`autocannon\` in the bench's process.

Machine: ${run.cores} cores (${run.cpu}), Node.js ${run.node}, load average ${run.loadAverage} at the end of the run${run.loadAverage > run.cores ? ' (other work shared the machine: every figure is inflated and the ratios under concurrency are noisy)' : ''}; the last column is the 1-minute load average when each line was measured. Dataset: ${run.dataset}.${earlier ? `\n\nThis run measured only \`--only ${run.only?.join(',')}\`; lines marked *(run of …)* are kept from the docs/benchmarks.json it found, with the load average they were measured at.` : ''}

| measure | product | baseline | ratio | target | met | load |
|---|---|---|---|---|---|---|
${rows.join('\n')}

${notes.join('\n')}

${resilience ?? '## Resilience\n\nRun `npm run test:resilience`; its counts are recorded here by the next `npm run bench`.'}
`;
  await fs.writeFile(path.join(docsDir, 'benchmarks.md'), md);
}
