import type { Channel, Segment } from '@vetted/contracts';
import { newItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('channels and segments: the lists admins keep', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  const plan = (overrides: Record<string, unknown>) => t.http(editor.token).post('/api/content-items', { title: 'Plan', format: 'video', plannedAt: '2032-01-06T09:00:00Z', ...overrides });
  const addChannel = async (name: string, colour = '#2A5DB0'): Promise<Channel> => (await t.http(admin.token).post('/api/channels', { name, colour })).body;
  const addSegment = async (body: Record<string, unknown>): Promise<Segment> => (await t.http(admin.token).post('/api/segments', body)).body;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin']);
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  it('keeps a name, a colour (in lower case) and, for a segment, a description, which staff read', async () => {
    const email = await addChannel('e-mail');
    expect(email).toEqual({ id: expect.any(String), name: 'e-mail', colour: '#2a5db0', archived: false, itemCount: 0 });
    const res = await t.http(admin.token).post('/api/segments', { name: 'cardio-science', colour: '#c2410c', description: 'Science-driven cardiologists', channelCaps: [{ channelId: email.id, weeklyCap: 3 }] });
    expect(res.status).toBe(201);
    const readers = await t.http(editor.token).get('/api/segments');
    expect(readers.body.find((s: Segment) => s.id === res.body.id)).toEqual({
      id: res.body.id,
      name: 'cardio-science',
      colour: '#c2410c',
      description: 'Science-driven cardiologists',
      archived: false,
      itemCount: 0,
      channelCaps: [{ channelId: email.id, channel: 'e-mail', weeklyCap: 3 }],
    });
  });

  it('refuses a colour that is not #rrggbb and a second entry of the same name in another case', async () => {
    const colour = await t.http(admin.token).post('/api/channels', { name: 'fax', colour: 'red' });
    expect(colour.status).toBe(400);
    expect(colour.body.message).toMatch(/colour must be #rrggbb/);
    await addChannel('Webinar');
    const twice = await t.http(admin.token).post('/api/channels', { name: 'WEBINAR' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'name_taken', details: { name: 'Webinar' } });
  });

  it('refuses a plan naming a channel or a segment not in the list, naming the value', async () => {
    await addChannel('letter');
    await addSegment({ name: 'gps' });
    const channel = await plan({ channels: ['letter', 'carrier-pigeon'], segments: ['gps'] });
    expect(channel.status).toBe(400);
    expect(channel.body).toMatchObject({ code: 'unknown_channel', details: { field: 'channels', unknown: ['carrier-pigeon'], archived: [] } });
    expect(channel.body.message).toContain('“carrier-pigeon” is not in the list of channels');
    const segment = await plan({ channels: ['letter'], segments: ['astronauts'] });
    expect(segment.status).toBe(400);
    expect(segment.body).toMatchObject({ code: 'unknown_segment', details: { unknown: ['astronauts'] } });
  });

  it('stores the list’s own spelling of a value typed in another case', async () => {
    await addChannel('SMS');
    const res = await plan({ channels: ['sms', 'SMS'], segments: [] });
    expect(res.status).toBe(201);
    expect(res.body.channels).toEqual(['SMS']);
  });

  it('archives rather than deletes an entry items use; they keep it, new plans may not name it', async () => {
    const podcast = await addChannel('podcast-apps');
    await addSegment({ name: 'pharmacists' });
    const item = await plan({ channels: ['podcast-apps'], segments: ['pharmacists'] });
    const removal = await t.http(admin.token).delete(`/api/channels/${podcast.id}`);
    expect(removal.body).toEqual({ outcome: 'archived' });
    const listed = (await t.http(editor.token).get('/api/channels')).body as Channel[];
    expect(listed.find((c) => c.id === podcast.id)).toMatchObject({ archived: true, itemCount: 1 });

    const refused = await plan({ channels: ['podcast-apps'] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'unknown_channel', details: { unknown: [], archived: ['podcast-apps'] } });
    expect(refused.body.message).toContain('“podcast-apps” is archived');
    // The item that already names it stays editable with it.
    const kept = await t.http(editor.token).patch(`/api/content-items/${item.body.id}`, { channels: ['podcast-apps', 'letter'] });
    expect(kept.status).toBe(200);
    expect(kept.body.channels).toEqual(['podcast-apps', 'letter']);

    const unused = await addChannel('telegram');
    expect((await t.http(admin.token).delete(`/api/channels/${unused.id}`)).body).toEqual({ outcome: 'deleted' });
    expect(((await t.http(editor.token).get('/api/channels')).body as Channel[]).some((c) => c.id === unused.id)).toBe(false);
  });

  it('renames an entry no item uses, never one items name (they store the name)', async () => {
    const segment = await addSegment({ name: 'nephro' });
    const renamed = await t.http(admin.token).patch(`/api/segments/${segment.id}`, { name: 'nephrologists', description: 'Kidney specialists' });
    expect(renamed.body).toMatchObject({ name: 'nephrologists', description: 'Kidney specialists' });
    await plan({ segments: ['nephrologists'] });
    const refused = await t.http(admin.token).patch(`/api/segments/${segment.id}`, { name: 'kidney-doctors' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'list_entry_in_use', details: { name: 'nephrologists', itemCount: 1 } });
    // A colour change is fine.
    expect((await t.http(admin.token).patch(`/api/segments/${segment.id}`, { colour: '#15803d' })).body.colour).toBe('#15803d');
  });

  it('refuses caps on a channel that does not exist, and leaves the segment as it was', async () => {
    const segment = await addSegment({ name: 'oncologists' });
    const res = await t.http(admin.token).patch(`/api/segments/${segment.id}`, { description: 'x', channelCaps: [{ channelId: '00000000-0000-4000-8000-000000000000', weeklyCap: 2 }] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('unknown_channel');
    const after = ((await t.http(admin.token).get('/api/segments')).body as Segment[]).find((s) => s.id === segment.id);
    expect(after).toMatchObject({ description: null, channelCaps: [] });
  });

  it('refuses list changes to an editor', async () => {
    expect((await t.http(editor.token).post('/api/channels', { name: 'x' })).status).toBe(403);
  });

  it('records each change in the audit trail', async () => {
    const channel = await addChannel('fax-machine');
    await t.http(admin.token).patch(`/api/channels/${channel.id}`, { colour: '#000000' });
    const trail = await t.http(admin.token).get(`/api/audit?entity=content_channel&entityId=${channel.id}`);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(['channel.created', 'channel.updated']);
  });
});

describe('weekly caps per segment and channel', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let cardio: Segment;
  const weekOf = '2033-03-07';

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin']);
    editor = await t.newUser(['editor']);
    const email: Channel = (await t.http(admin.token).post('/api/channels', { name: 'email' })).body;
    await t.http(admin.token).post('/api/channels', { name: 'rep-visit' });
    cardio = (await t.http(admin.token).post('/api/segments', { name: 'cardiologists', description: 'Science-driven cardiologists', channelCaps: [{ channelId: email.id, weeklyCap: 2 }] })).body;
  });
  afterAll(() => t?.close());

  const plan = (day: string, overrides: Record<string, unknown> = {}) =>
    t.http(editor.token).post('/api/content-items', { title: `Plan ${day}`, format: 'video', plannedAt: `${day}T09:00:00Z`, channels: ['email'], segments: ['cardiologists'], ...overrides });

  it('lets a pair fill up to its cap, then asks the editor to confirm and records the confirmation', async () => {
    expect((await plan('2033-03-07')).status).toBe(201);
    expect((await plan('2033-03-13')).status).toBe(201);
    const over = await plan('2033-03-09');
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'saturation_unconfirmed', details: { weekStart: weekOf, breaches: [{ segment: 'cardiologists', channel: 'email', count: 2, cap: 2 }] } });
    expect(over.body.message).toContain('“cardiologists” already receives 2 of 2 through “email”');
    // Through another channel, or the next week, nothing is over.
    expect((await plan('2033-03-09', { channels: ['rep-visit'] })).status).toBe(201);
    expect((await plan('2033-03-14')).status).toBe(201);

    const confirmed = await plan('2033-03-09', { confirmSaturation: true });
    expect(confirmed.status).toBe(201);
    const trail = await t.http(editor.token).get(`/api/content-items/${confirmed.body.id}/audit`);
    const created = trail.body.events.find((e: { action: string }) => e.action === 'content_item.created');
    expect(created.after.saturationConfirmed).toEqual([{ segment: 'cardiologists', channel: 'email', count: 2, cap: 2 }]);
  });

  it('shows each pair’s count against its cap on the week', async () => {
    const res = await t.http(editor.token).get(`/api/calendar/saturation?from=${weekOf}&to=2033-03-13`);
    expect(res.body.pairs).toEqual([
      { weekStart: weekOf, segment: 'cardiologists', channel: 'email', count: 3, cap: 2, over: true },
      { weekStart: weekOf, segment: 'cardiologists', channel: 'rep-visit', count: 1, cap: null, over: false },
    ]);
    expect(res.body.caps).toEqual([{ segment: 'cardiologists', channel: 'email', weeklyCap: 2 }]);
    expect(res.body.defaultPairCap).toBeNull();
  });

  it('asks again when an edit or a move makes an item join a full pair, not for an edit that leaves its audience as it was', async () => {
    const other = (await plan('2033-03-21', { channels: ['rep-visit'] })).body;
    const join = await t.http(editor.token).patch(`/api/content-items/${other.id}`, { channels: ['rep-visit', 'email'], plannedAt: '2033-03-08T09:00:00Z' });
    expect(join.status).toBe(409);
    expect(join.body.code).toBe('saturation_unconfirmed');
    const moveEmail = (await plan('2033-03-22')).body;
    const move = await t.http(editor.token).patch(`/api/content-items/${moveEmail.id}`, { plannedAt: '2033-03-10T09:00:00Z' });
    expect(move.status).toBe(409);
    expect((await t.http(editor.token).get(`/api/content-items/${moveEmail.id}`)).body.plannedAt).toBe('2033-03-22T09:00:00.000Z');
    expect((await t.http(editor.token).patch(`/api/content-items/${moveEmail.id}`, { plannedAt: '2033-03-10T09:00:00Z', confirmSaturation: true })).status).toBe(200);
    // Already in the over-full week: retitling it, or moving it within the week, asks nothing.
    expect((await t.http(editor.token).patch(`/api/content-items/${moveEmail.id}`, { title: 'Retitled' })).status).toBe(200);
    expect((await t.http(editor.token).patch(`/api/content-items/${moveEmail.id}`, { plannedAt: '2033-03-11T09:00:00Z' })).status).toBe(200);
  });

  it('does not count withdrawn pieces against the cap', async () => {
    const regulatory = await t.newUser(['regulatory_reviewer']);
    const a = await newItem(t, editor, { plannedAt: '2033-05-02T09:00:00Z', segments: ['cardiologists'], channels: ['email'] });
    await newItem(t, editor, { plannedAt: '2033-05-03T09:00:00Z', segments: ['cardiologists'], channels: ['email'] });
    expect((await plan('2033-05-04')).status).toBe(409);
    await t.http(regulatory.token).post(`/api/content-items/${a.id}/withdraw`, { reason: 'Cancelled', password: regulatory.password });
    expect((await plan('2033-05-04')).status).toBe(201);
  });

  it('caps a pair at 0 to keep a channel away from a segment', async () => {
    const sms: Channel = (await t.http(admin.token).post('/api/channels', { name: 'sms' })).body;
    await t.http(admin.token).patch(`/api/segments/${cardio.id}`, { channelCaps: [...cardio.channelCaps.map((c) => ({ channelId: c.channelId, weeklyCap: c.weeklyCap })), { channelId: sms.id, weeklyCap: 0 }] });
    const res = await plan('2033-06-06', { channels: ['sms'] });
    expect(res.status).toBe(409);
    expect(res.body.details.breaches).toEqual([{ segment: 'cardiologists', channel: 'sms', count: 0, cap: 0 }]);
  });
});

describe('the configured default cap of pairs without their own', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEGMENT_CHANNEL_WEEKLY_LIMIT: '1' });
  });
  afterAll(() => t?.close());

  it('applies to every pair an admin set no cap on', async () => {
    const editor = await t.newUser(['editor']);
    await newItem(t, editor, { plannedAt: '2034-01-02T09:00:00Z' });
    const res = await t.http(editor.token).post('/api/content-items', { title: 'Second', format: 'video', plannedAt: '2034-01-03T09:00:00Z', channels: ['email'], segments: ['science-driven'] });
    expect(res.status).toBe(409);
    expect(res.body.details.breaches).toEqual([{ segment: 'science-driven', channel: 'email', count: 1, cap: 1 }]);
    const week = await t.http(editor.token).get('/api/calendar/saturation?from=2034-01-02&to=2034-01-08');
    expect(week.body).toMatchObject({ defaultPairCap: 1, pairs: [{ segment: 'science-driven', channel: 'email', count: 1, cap: 1, over: false }] });
  });
});
