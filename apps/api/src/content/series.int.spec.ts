import { newItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('series and their episodes', () => {
  let t: TestApp;
  let editor: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  it('numbers episodes in order, also when several are planned at the same instant', async () => {
    const series = await newItem(t, editor, { format: 'series', title: 'Insuffisance cardiaque en 90 secondes' });
    const episodes = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => newItem(t, editor, { format: 'video', title: `Épisode ${n}`, seriesId: series.id, plannedAt: `2031-01-0${n}T08:00:00Z` })),
    );
    expect(episodes.map((e) => e.episodeNumber).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(episodes.every((e) => e.seriesId === series.id)).toBe(true);
    const listed = await t.http(editor.token).get(`/api/content-items?seriesId=${series.id}`);
    expect(listed.body.total).toBe(5);
    expect(series).toMatchObject({ seriesId: null, episodeNumber: null });
  });

  it('refuses an episode of something that is not a series, and a series inside a series', async () => {
    const video = await newItem(t, editor, { format: 'video' });
    const notSeries = await t.http(editor.token).post('/api/content-items', { title: 'x', format: 'video', plannedAt: '2031-01-01T08:00:00Z', seriesId: video.id });
    expect(notSeries.status).toBe(400);
    expect(notSeries.body.message).toMatch(/seriesId: .* is a video, not a series/);
    const series = await newItem(t, editor, { format: 'series' });
    const nested = await t.http(editor.token).post('/api/content-items', { title: 'x', format: 'series', plannedAt: '2031-01-01T08:00:00Z', seriesId: series.id });
    expect(nested.status).toBe(400);
    expect(nested.body.message).toMatch(/cannot be an episode of another series/);
  });
});
