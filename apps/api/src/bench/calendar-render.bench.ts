import { chromium } from 'playwright-core';

/**
 * The web line: a month of the calendar in headless Chromium (the system's, as the browser journeys
 * use), on the list line's data. The figure is the page's own work: from the last page of the month's
 * items arriving to the grid painted, so a slow API (measured by its own line) does not hide in it.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;

/** Run in the page (a string: the API's TypeScript has no DOM): two frames, the one React committed in and the one that shows it. */
const PAINTED = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const painted = performance.now();
  const answers = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/content-items'));
  const lastAnswer = Math.max(...answers.map((e) => e.responseEnd));
  const shown = /\\d[\\d,]*/.exec(document.querySelector('p.result-count')?.textContent ?? '');
  resolve({ renderMs: painted - lastAnswer, totalMs: painted, items: Number(shown ? shown[0].replace(/,/g, '') : 0) });
})))`;

export interface CalendarRender {
  items: number;
  /** Median, from the last content-items answer to the grid painted. */
  renderMs: number;
  /** Median, from navigation to the grid painted (fetching included). */
  totalMs: number;
}

export async function measureCalendarRender(options: { base: string; email: string; password: string; month: string; filter: string }): Promise<CalendarRender | null> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] }).catch(() => null);
  if (!browser) return null;
  try {
    const context = await browser.newContext({ baseURL: options.base, locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 1440, height: 1000 } });
    const signedIn = await context.request.post('/api/auth/login', { data: { email: options.email, password: options.password } });
    if (!signedIn.ok()) throw new Error(`calendar bench sign-in: ${signedIn.status()}`);
    const page = await context.newPage();
    const url = `/calendar?month=${options.month}&${options.filter}`;
    const runs: Array<{ renderMs: number; totalMs: number; items: number }> = [];
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(url);
      await page.locator('p.result-count').waitFor({ timeout: 60_000 });
      const run = (await page.evaluate(PAINTED)) as { renderMs: number; totalMs: number; items: number };
      if (i > 0) runs.push(run); // the first load compiles the bundle and warms the caches
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { items: runs[0].items, renderMs: median(runs.map((r) => r.renderMs)), totalMs: median(runs.map((r) => r.totalMs)) };
  } finally {
    await browser.close();
  }
}
