import { newItem, submittedItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('review comments on a version', () => {
  let t: TestApp;
  let editor: TestUser, medical: TestUser, rep: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    medical = await t.newUser(['medical_reviewer'], 'Dr Claire Martin');
    rep = await t.newUser(['rep']);
  });
  afterAll(() => t?.close());

  it('threads comments pinned to a region, replies, resolves and reopens them, all audited', async () => {
    const item = await submittedItem(t, editor);
    const started = await t.http(medical.token).post(`/api/content-items/${item.id}/comments`, {
      versionNumber: 1,
      body: 'La référence de l’étude manque sous le graphique.',
      anchor: { kind: 'region', x: 0.1, y: 0.6, width: 0.5, height: 0.2 },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ versionNumber: 1, anchor: { kind: 'region', x: 0.1 }, resolvedAt: null, comments: [{ authorName: 'Dr Claire Martin' }] });
    const threadId = started.body.id;

    const reply = await t.http(editor.token).post(`/api/content-items/${item.id}/comments/${threadId}/replies`, { body: 'Ajoutée dans la version 2.' });
    expect(reply.body.comments.map((c: { body: string }) => c.body)).toEqual(['La référence de l’étude manque sous le graphique.', 'Ajoutée dans la version 2.']);

    const resolved = await t.http(medical.token).post(`/api/content-items/${item.id}/comments/${threadId}/resolve`);
    expect(resolved.body).toMatchObject({ resolvedBy: 'Dr Claire Martin' });
    expect((await t.http(medical.token).post(`/api/content-items/${item.id}/comments/${threadId}/resolve`)).status).toBe(409);
    expect((await t.http(editor.token).post(`/api/content-items/${item.id}/comments/${threadId}/replies`, { body: 'encore' })).status).toBe(409);
    const reopened = await t.http(editor.token).post(`/api/content-items/${item.id}/comments/${threadId}/reopen`);
    expect(reopened.body.resolvedAt).toBeNull();

    const listed = await t.http(medical.token).get(`/api/content-items/${item.id}/comments?version=1`);
    expect(listed.body.threads).toHaveLength(1);
    expect((await t.http(medical.token).get(`/api/content-items/${item.id}/comments?version=2`)).body.threads).toEqual([]);
    const trail = await t.http(editor.token).get(`/api/content-items/${item.id}/audit`);
    const actions = trail.body.events.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('comment.'));
    expect(actions).toEqual(['comment.thread_started', 'comment.replied', 'comment.thread_resolved', 'comment.thread_reopened']);
  });

  it('pins a comment to a time code and refuses anchors outside the file or versions that do not exist', async () => {
    const item = await submittedItem(t, editor);
    const timed = await t.http(medical.token).post(`/api/content-items/${item.id}/comments`, { versionNumber: 1, body: 'Mention légale trop courte à l’écran', anchor: { kind: 'time', seconds: 42.5 } });
    expect(timed.body.anchor).toEqual({ kind: 'time', seconds: 42.5 });
    const outside = await t.http(medical.token).post(`/api/content-items/${item.id}/comments`, { versionNumber: 1, body: 'x', anchor: { kind: 'region', x: 0.8, y: 0, width: 0.5, height: 0.1 } });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toMatch(/inside the image/);
    const noVersion = await t.http(medical.token).post(`/api/content-items/${item.id}/comments`, { versionNumber: 3, body: 'x' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.message).toMatch(/no version 3 \(latest: 1\)/);
    const draft = await newItem(t, editor);
    expect((await t.http(medical.token).post(`/api/content-items/${draft.id}/comments`, { versionNumber: 1, body: 'x' })).status).toBe(400);
  });

  it('keeps reps out of review discussions', async () => {
    const item = await submittedItem(t, editor);
    expect((await t.http(rep.token).get(`/api/content-items/${item.id}/comments`)).status).toBe(403);
    expect((await t.http(rep.token).post(`/api/content-items/${item.id}/comments`, { versionNumber: 1, body: 'x' })).status).toBe(403);
  });
});
