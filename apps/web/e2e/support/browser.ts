// Chromium for the journeys (the system's /usr/bin/chromium: playwright-core downloads nothing), one
// fresh context per signed-in user, and the few waits a user would make ("until I see …").
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ARTIFACTS_DIR, baseUrl } from './paths';

export const DEMO_PASSWORD = 'vetted-demo-2026';
export type DemoUser = 'editor' | 'marketing' | 'medical' | 'regulatory' | 'rep' | 'admin';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface UserPage {
  page: Page;
  /** Uncaught errors in the page: a journey ends by checking there were none. */
  errors: Error[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
}

/** A fresh browser context (own cookies, storage) in English and Paris time, on the sign-in screen. */
export async function openApp(browser: Browser, { viewport = { width: 1280, height: 900 } }: OpenOptions = {}): Promise<UserPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
    viewport,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto('/login');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await expectAccessible(page);
  return { page, errors };
}

/** Signs in through the form and waits for the role's home screen. */
export async function signIn(browser: Browser, who: DemoUser, options: { screenshot?: string } & OpenOptions = {}): Promise<UserPage> {
  return signInWith(browser, `${who}@vetted.local`, DEMO_PASSWORD, options);
}

/** The same for an account a journey created itself. */
export async function signInWith(browser: Browser, email: string, password: string, options: { screenshot?: string } & OpenOptions = {}): Promise<UserPage> {
  const session = await openApp(browser, options);
  const { page } = session;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  if (options.screenshot) await screenshot(page, options.screenshot);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await expectAccessible(page);
  return session;
}

/**
 * Saves the screen to artifacts/<name>.png (the whole page, or only the viewport while a modal is
 * open: its backdrop covers the viewport only), checks every control on it has an accessible name,
 * and that axe-core finds no serious or critical accessibility violation on it.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const modalOpen = (await page.getByRole('dialog').count()) > 0;
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: !modalOpen });
  expect(unnamedControls(await page.locator('body').ariaSnapshot())).toEqual([]);
  await expectAccessible(page);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.x A and AA rules) in the page; serious and critical violations only. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the product's CSP (script-src 'self') rightly refuses an inline <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${n.target.map(String).join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`.trim()) }));
  });
}

/** Fails the journey on any serious or critical axe finding on the current screen, naming each. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

const CONTROL_ROLES = 'button|link|textbox|searchbox|combobox|listbox|checkbox|radio|switch|slider|spinbutton|tab|menuitem';

/** Lines of an ARIA snapshot that are controls without a name (`- button` instead of `- button "Sign out"`). */
export function unnamedControls(ariaSnapshot: string): string[] {
  const unnamed = new RegExp(`^\\s*- (${CONTROL_ROLES})( \\[[^\\]]*\\])*:?$`);
  return ariaSnapshot.split('\n').filter((line) => unnamed.test(line));
}

/** Waits until the locator shows (Playwright's auto-waiting `expect` lives in @playwright/test, not installed). */
export async function see(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

/** Waits until nothing matches the locator any more. */
export async function stopSeeing(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden' });
}

/** The title row of the item workspace: its heading, format and status. */
export function itemHeader(page: Page, title: string): Locator {
  return page.getByRole('main').locator('.page-title-row').filter({ has: page.getByRole('heading', { level: 1, name: title, exact: true }) });
}

/** One review lane (marketing, medical, regulatory) of the item workspace. */
export function lane(page: Page, name: 'Marketing' | 'Medical' | 'Regulatory'): Locator {
  return page.getByRole('article', { name, exact: true });
}

export const LANES = ['Marketing', 'Medical', 'Regulatory'] as const;

/** The month grid's cell for a day, found by the full date it reads out ("Monday 14 December"). */
export function dayCell(page: Page, day: string): Locator {
  const label = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  return page.getByRole('table').getByRole('cell').filter({ has: page.getByText(label, { exact: true }) });
}
