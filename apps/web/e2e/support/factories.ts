// Small factories for what a journey needs before its own steps: items planned, uploaded and
// submitted through the public API, as the demo users, so each journey starts from its own data.
import { request, type APIRequestContext } from 'playwright-core';
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { DEMO_PASSWORD, type DemoUser } from './browser';
import { ARTIFACTS_DIR, baseUrl } from './paths';

export interface ApiItem {
  id: string;
  title: string;
  status: string;
  plannedAt: string;
  currentVersion: number | null;
  lanes: Record<string, string>;
  versions: Array<{ id: string; number: number }>;
}

export async function apiAs(who: DemoUser): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl() });
  await ok(api.post('/api/auth/login', { data: { email: `${who}@vetted.local`, password: DEMO_PASSWORD } }));
  return api;
}

/** Signs in through the API as an account a journey created. */
export async function apiAsAccount(email: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl() });
  await ok(api.post('/api/auth/login', { data: { email, password } }));
  return api;
}

export interface JourneyUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** A user of the journey's own, created by the demo admin (who may grant reviewer roles to others). */
export async function aUser(admin: APIRequestContext, name: string, roles: string[]): Promise<JourneyUser> {
  const email = `e2e-${randomUUID().slice(0, 8)}@vetted.local`;
  const password = `journey-${randomUUID()}`;
  const user = await json<{ id: string }>(admin.post('/api/users', { data: { email, name, password, roles } }));
  return { id: user.id, email, name, password };
}

/** A title no other journey (or earlier run against the same product) uses. */
export function uniqueTitle(what: string): string {
  return `${what} ${randomUUID().slice(0, 8)}`;
}

/** "YYYY-MM-DD" of day `day` in the month `monthsAhead` after this one, away from the demo's planned items. */
export function dayAhead(monthsAhead: number, day: number): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, day));
  return month.toISOString().slice(0, 10);
}

/** The ?month= value of a "YYYY-MM-DD" day. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

export interface PngFile {
  path: string;
  name: string;
  sha256: string;
}

/** A real PNG (the upload checks file types) under artifacts/uploads/, coloured so each version differs. */
export async function aPng(name: string, background = '#3366cc'): Promise<PngFile> {
  const dir = path.join(ARTIFACTS_DIR, 'uploads', randomUUID());
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await sharp({ create: { width: 400, height: 300, channels: 3, background } }).png().toFile(file);
  const sha256 = createHash('sha256').update(await fs.readFile(file)).digest('hex');
  return { path: file, name, sha256 };
}

/** A larger PNG, landscape, with a white block at `block` (fractions): versions differ where the block moved. */
export async function aLayoutPng(name: string, block: { x: number; y: number }, size = { width: 1600, height: 1000 }): Promise<PngFile> {
  const dir = path.join(ARTIFACTS_DIR, 'uploads', randomUUID());
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const w = Math.round(size.width / 5);
  const h = Math.round(size.height / 5);
  const white = await sharp({ create: { width: w, height: h, channels: 3, background: '#ffffff' } }).png().toBuffer();
  await sharp({ create: { ...size, channels: 3, background: '#2a5db0' } })
    .composite([{ input: white, left: Math.round(block.x * size.width), top: Math.round(block.y * size.height) }])
    .png()
    .toFile(file);
  const sha256 = createHash('sha256').update(await fs.readFile(file)).digest('hex');
  return { path: file, name, sha256 };
}

export async function uploadVersion(editor: APIRequestContext, itemId: string, png: PngFile, note?: string): Promise<ApiItem> {
  return json<ApiItem>(
    editor.post(`/api/content-items/${itemId}/versions`, {
      multipart: { file: { name: png.name, mimeType: 'image/png', buffer: await fs.readFile(png.path) }, ...(note ? { note } : {}) },
    }),
  );
}

export interface ApiThread {
  id: string;
  versionNumber: number;
}

export async function aThread(reviewer: APIRequestContext, itemId: string, body: { versionNumber: number; body: string; anchor?: unknown }): Promise<ApiThread> {
  return json<ApiThread>(reviewer.post(`/api/content-items/${itemId}/comments`, { data: body }));
}

export async function resolveThread(api: APIRequestContext, itemId: string, threadId: string): Promise<void> {
  await ok(api.post(`/api/content-items/${itemId}/comments/${threadId}/resolve`));
}

/** Waits (polling as the workspace does) until every version's preview has been rendered by the background job. */
export async function previewsReady(api: APIRequestContext, itemId: string, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const item = await json<{ versions: Array<{ renditions: { status: string; preview: boolean } }> }>(api.get(`/api/content-items/${itemId}`));
    if (item.versions.every((v) => v.renditions.preview)) return;
    if (item.versions.some((v) => v.renditions.status === 'failed')) throw new Error(`a rendition failed: ${JSON.stringify(item.versions.map((v) => v.renditions))}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`previews of ${itemId} not ready within ${timeoutMs / 1000} s`);
}

/** A draft infographic planned at 09:00 (Paris) on `day`, by the demo editor. */
export async function aDraftInfographic(editor: APIRequestContext, title: string, day: string, extra: Record<string, unknown> = {}): Promise<ApiItem> {
  return json<ApiItem>(
    editor.post('/api/content-items', {
      data: { title, format: 'infographic', plannedAt: parisNineAm(day), channels: ['email'], segments: ['science-driven'], claimIds: [], ...extra },
    }),
  );
}

/** The same, with a first version uploaded and submitted: the three lanes wait for decisions. */
export async function anInfographicInReview(editor: APIRequestContext, title: string, day: string, extra: Record<string, unknown> = {}): Promise<ApiItem> {
  const item = await aDraftInfographic(editor, title, day, extra);
  const png = await aPng('version-1.png');
  await ok(editor.post(`/api/content-items/${item.id}/versions`, { multipart: { file: { name: png.name, mimeType: 'image/png', buffer: await fs.readFile(png.path) } } }));
  return json<ApiItem>(editor.post(`/api/content-items/${item.id}/submit`));
}

/** Approves `lane` on the version the reviewer sees now, as the workspace would. */
export async function approveLane(reviewer: APIRequestContext, itemId: string, lane: 'marketing' | 'medical' | 'regulatory'): Promise<ApiItem> {
  const item = await getItem(reviewer, itemId);
  const versionId = item.versions.find((v) => v.number === item.currentVersion)?.id;
  return json<ApiItem>(reviewer.post(`/api/content-items/${itemId}/reviews`, { data: { lane, decision: 'approve', versionId, password: DEMO_PASSWORD } }));
}

export async function getItem(api: APIRequestContext, id: string): Promise<ApiItem> {
  return json<ApiItem>(api.get(`/api/content-items/${id}`));
}

export async function getDecisions(api: APIRequestContext, id: string): Promise<unknown[]> {
  return (await json<{ decisions: unknown[] }>(api.get(`/api/content-items/${id}/reviews`))).decisions;
}

function parisNineAm(day: string): string {
  // 09:00 in Paris is 08:00 UTC in winter and 07:00 in summer; ask Intl which one applies that day.
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const parisNoon = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Paris' }).format(noonUtc));
  return new Date(new Date(`${day}T09:00:00Z`).getTime() - (parisNoon - 12) * 3_600_000).toISOString();
}

type Answer = Awaited<ReturnType<APIRequestContext['get']>>;

async function ok(pending: Promise<Answer>): Promise<Answer> {
  const answer = await pending;
  if (!answer.ok()) throw new Error(`${answer.url()} answered ${answer.status()}: ${await answer.text()}`);
  return answer;
}

async function json<T>(pending: Promise<Answer>): Promise<T> {
  return (await (await ok(pending)).json()) as T;
}
