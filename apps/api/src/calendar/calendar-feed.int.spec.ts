import ICAL from 'ical.js';
import { approveAllLanes, newItem, newReviewTeam, submittedItem, type ReviewTeam } from '../testing/content-factory.js';
import { capturingLogger, type LogLine } from '../testing/log-capture.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const DAY_MS = 86_400_000;

/** A day `n` days from today, as YYYY-MM-DD (the feed covers the next six months from today). */
function daysFromNow(n: number): string {
  return new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);
}

interface ParsedEvent {
  uid: string;
  summary: string;
  start: ICAL.Time;
  end: ICAL.Time;
  sequence: number;
  lastModified: string | null;
  description: string;
}

/** Fetches a feed as a calendar app does (no cookie, no header) and parses it with ical.js. */
async function fetchFeed(url: string): Promise<{ status: number; contentType: string | null; events: Map<string, ParsedEvent>; body: string }> {
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200) return { status: res.status, contentType: res.headers.get('content-type'), events: new Map(), body };
  const calendar = new ICAL.Component(ICAL.parse(body));
  const events = new Map<string, ParsedEvent>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    events.set(event.uid, {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate,
      end: event.endDate,
      sequence: event.sequence,
      lastModified: (component.getFirstPropertyValue('last-modified') as ICAL.Time | null)?.toJSDate().toISOString() ?? null,
      description: event.description,
    });
  }
  return { status: res.status, contentType: res.headers.get('content-type'), events, body };
}

describe('calendar feeds (ICS)', () => {
  let t: TestApp;
  let lines: LogLine[];
  let team: ReviewTeam;
  let editor: TestUser;

  beforeAll(async () => {
    const capture = capturingLogger();
    lines = capture.lines;
    // Market visibility is under test, not France's final release: approved is in use here.
    t = await createTestApp({ RELEASE_MARKETS: 'none' }, undefined, capture.logger);
    team = await newReviewTeam(t);
    editor = team.editor;
  });
  afterAll(() => t?.close());

  async function newFeed(user: TestUser, name?: string): Promise<{ id: string; url: string }> {
    const res = await t.http(user.token).post('/api/calendar/feeds', name ? { name } : {});
    expect(res.status).toBe(201);
    return res.body;
  }

  it('gives staff the planned items and the HCP agenda of the next six months, parsed by a standard iCalendar parser', async () => {
    const timedDay = daysFromNow(10);
    const timed = await newItem(t, editor, { title: 'Webinaire insuffisance cardiaque', plannedAt: `${timedDay}T09:00:00+01:00` });
    const allDayDate = daysFromNow(20);
    const allDay = await newItem(t, editor, { title: 'Infographie du mois', plannedAt: allDayDate });
    const tooLate = await newItem(t, editor, { title: 'Trop loin', plannedAt: daysFromNow(200) });
    const past = await newItem(t, editor, { title: 'Déjà passé', plannedAt: daysFromNow(-3) });
    const withdrawn = await newItem(t, editor, { title: 'Retiré', plannedAt: daysFromNow(12) });
    expect((await t.http(team.regulatory.token).post(`/api/content-items/${withdrawn.id}/withdraw`, { reason: 'Cancelled', password: team.regulatory.password })).status).toBe(200);
    const congress = await t.http(editor.token).post('/api/agenda', { title: 'Congrès ESC', kind: 'congress', startsOn: daysFromNow(30), endsOn: daysFromNow(33), location: 'Paris' });
    expect(congress.status).toBe(201);

    const feed = await newFeed(editor, 'Outlook');
    expect(feed.url).toMatch(new RegExp(`^${t.baseUrl}/api/calendar\\.ics\\?token=vcal_[A-Za-z0-9_-]{43}$`));
    const { status, contentType, events } = await fetchFeed(feed.url);
    expect(status).toBe(200);
    expect(contentType).toBe('text/calendar; charset=utf-8');

    const timedEvent = events.get(`content-item-${timed.id}@vetted`)!;
    expect(timedEvent.summary).toBe('Webinaire insuffisance cardiaque');
    // 09:00 in Paris (UTC+1 in winter) is 08:00 UTC, written as UTC so every calendar app shows the right local time.
    expect(timedEvent.start.isDate).toBe(false);
    expect(timedEvent.start.toJSDate().toISOString()).toBe(`${timedDay}T08:00:00.000Z`);
    expect(timedEvent.start.zone?.tzid).toBe('UTC');
    expect(timedEvent.end.toJSDate().toISOString()).toBe(`${timedDay}T08:30:00.000Z`);
    expect(timedEvent.sequence).toBe(0);
    expect(timedEvent.description).toContain('Review status: draft');

    const allDayEvent = events.get(`content-item-${allDay.id}@vetted`)!;
    expect(allDayEvent.start.isDate).toBe(true);
    expect(allDayEvent.start.toString()).toBe(allDayDate);

    const congressEvent = events.get(`agenda-event-${congress.body.id}@vetted`)!;
    expect(congressEvent.summary).toBe('Congrès ESC');
    expect(congressEvent.start.isDate).toBe(true);
    expect(congressEvent.start.toString()).toBe(daysFromNow(30));
    // DTEND of an all-day event is exclusive: the congress ends on its fourth day.
    expect(congressEvent.end.toString()).toBe(daysFromNow(34));

    for (const gone of [tooLate, past, withdrawn]) expect(events.has(`content-item-${gone.id}@vetted`)).toBe(false);
  });

  it('keeps the UID and raises SEQUENCE and LAST-MODIFIED when an item is rescheduled or an agenda date moves', async () => {
    const item = await newItem(t, editor, { title: 'Podcast à déplacer', plannedAt: `${daysFromNow(40)}T10:00:00Z` });
    const event = (await t.http(editor.token).post('/api/agenda', { title: 'Journée du cœur', kind: 'awareness_day', startsOn: daysFromNow(50), endsOn: daysFromNow(50) })).body;
    const feed = await newFeed(editor);
    const before = (await fetchFeed(feed.url)).events;
    const uid = `content-item-${item.id}@vetted`;
    expect(before.get(uid)!.sequence).toBe(0);

    expect((await t.http(editor.token).patch(`/api/content-items/${item.id}`, { plannedAt: `${daysFromNow(42)}T14:30:00Z` })).status).toBe(200);
    expect((await t.http(editor.token).send('PUT', `/api/agenda/${event.id}`, { title: 'Journée du cœur', kind: 'awareness_day', startsOn: daysFromNow(51), endsOn: daysFromNow(51) })).status).toBe(200);
    const after = (await fetchFeed(feed.url)).events;
    expect(after.get(uid)).toMatchObject({ sequence: 1 });
    expect(after.get(uid)!.start.toJSDate().toISOString()).toBe(`${daysFromNow(42)}T14:30:00.000Z`);
    expect(Date.parse(after.get(uid)!.lastModified!)).toBeGreaterThanOrEqual(Date.parse(before.get(uid)!.lastModified!));
    expect(after.get(`agenda-event-${event.id}@vetted`)).toMatchObject({ sequence: 1 });
    expect(after.get(`agenda-event-${event.id}@vetted`)!.start.toString()).toBe(daysFromNow(51));

    expect((await t.http(editor.token).patch(`/api/content-items/${item.id}`, { plannedAt: `${daysFromNow(43)}T14:30:00Z` })).status).toBe(200);
    expect((await fetchFeed(feed.url)).events.get(uid)!.sequence).toBe(2);
  });

  it('gives a rep only the approved material of their markets, and no agenda or drafts', async () => {
    const plannedAt = `${daysFromNow(15)}T09:00:00Z`;
    const approvedFr = await submittedItem(t, editor, { title: 'Approuvé FR', plannedAt, market: 'FR' });
    await approveAllLanes(t, team, approvedFr.id);
    const approvedDe = await submittedItem(t, editor, { title: 'Approved DE', plannedAt, market: 'DE' });
    await approveAllLanes(t, team, approvedDe.id);
    const draft = await newItem(t, editor, { title: 'Draft', plannedAt });
    const admin = await t.newUser(['admin']);
    const rep = await t.newUser(['rep']);
    expect((await t.http(admin.token).patch(`/api/users/${rep.id}`, { markets: ['FR'] })).status).toBe(200);

    const { events } = await fetchFeed((await newFeed(rep)).url);
    expect([...events.values()].map((e) => e.summary)).toEqual(['Approuvé FR']);
    expect(events.get(`content-item-${approvedFr.id}@vetted`)!.description).not.toContain('Review status');
    expect(events.has(`content-item-${draft.id}@vetted`)).toBe(false);
  });

  it('answers 401 for a revoked or unknown token and for a deactivated owner, and lists only the caller’s own feeds', async () => {
    const reviewer = team.medical;
    const feed = await newFeed(reviewer, 'Phone');
    const other = await newFeed(editor, 'Not yours');
    const mine = await t.http(reviewer.token).get('/api/calendar/feeds');
    expect(mine.body.feeds).toEqual([{ id: feed.id, name: 'Phone', createdAt: expect.any(String), lastUsedAt: null }]);
    expect(JSON.stringify(mine.body)).not.toContain('vcal_');

    expect((await fetchFeed(feed.url)).status).toBe(200);
    expect(Date.parse((await t.http(reviewer.token).get('/api/calendar/feeds')).body.feeds[0].lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Someone else's feed is not theirs to revoke: 404, and it keeps working.
    expect((await t.http(reviewer.token).delete(`/api/calendar/feeds/${other.id}`)).status).toBe(404);
    expect((await fetchFeed(other.url)).status).toBe(200);

    expect((await t.http(reviewer.token).delete(`/api/calendar/feeds/${feed.id}`)).status).toBe(204);
    const revoked = await fetchFeed(feed.url);
    expect(revoked.status).toBe(401);
    expect(JSON.parse(revoked.body)).toMatchObject({ statusCode: 401, code: 'feed_token_invalid' });
    expect((await t.http(reviewer.token).delete(`/api/calendar/feeds/${feed.id}`)).status).toBe(404);
    expect((await fetchFeed(`${t.baseUrl}/api/calendar.ics?token=vcal_${'A'.repeat(43)}`)).status).toBe(401);
    expect((await fetchFeed(`${t.baseUrl}/api/calendar.ics`)).status).toBe(400);

    const leaver = await t.newUser(['editor']);
    const leaverFeed = await newFeed(leaver);
    const admin = await t.newUser(['admin']);
    expect((await t.http(admin.token).patch(`/api/users/${leaver.id}`, { active: false })).status).toBe(200);
    expect((await fetchFeed(leaverFeed.url)).status).toBe(401);
  });

  it('stores only a hash of the token, never logs it, and does not accept it as a Bearer token', async () => {
    const feed = await newFeed(editor);
    const token = new URL(feed.url).searchParams.get('token')!;
    expect((await fetchFeed(feed.url)).status).toBe(200);
    const [row] = await t.dataSource.query(`select row_to_json(calendar_feed)::text as everything from calendar_feed where id = $1`, [feed.id]);
    expect(row.everything).not.toContain(token.slice(5));
    expect(lines.filter((l) => JSON.stringify(l).includes(token.slice(5)))).toEqual([]);
    expect((await t.http(token).get('/api/auth/me')).status).toBe(401);
    // A session cookie on the feed URL changes nothing: the token alone decides.
    expect((await fetch(`${t.baseUrl}/api/calendar.ics?token=nope`, { headers: { cookie: `vetted_session=${editor.token}` } })).status).toBe(401);
  });
});
