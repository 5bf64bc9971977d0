import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { ReviewService } from '../review/review.service.js';
import { waitFor } from '../testing/bucket.js';
import { approveAllLanes, currentVersionId, decide, newReviewTeam, submittedItem, uploadVersion, type ReviewTeam } from '../testing/content-factory.js';
import { capturingLogger, type LogLine } from '../testing/log-capture.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../testing/webhook-receiver.js';
import { IntegrationEventsOutbox } from './integration-events.outbox.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { verifySignatureHeader } from './webhook-signature.js';

const OTHER_PNG = Uint8Array.from(await sharp({ create: { width: 2, height: 2, channels: 3, background: '#993366' } }).png().toBuffer());
const SECRET = 'crm-shared-secret-3f9a1c2b7e4d';

function signedProperly(request: ReceivedRequest, secret = SECRET): boolean {
  return verifySignatureHeader(request.headers['vetted-signature'] as string | undefined, request.body, secret, { nowSeconds: Math.floor(Date.now() / 1000), toleranceSeconds: 300 });
}

async function eventsOf(t: TestApp, itemId: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  return t.dataSource.query(`select type, data from integration_event where data->>'itemId' = $1 order by seq`, [itemId]);
}

describe('webhooks: signed deliveries from a transactional outbox', () => {
  let t: TestApp;
  let lines: LogLine[];
  let receiver: WebhookReceiver;
  let admin: TestUser;
  let team: ReviewTeam;

  beforeAll(async () => {
    const capture = capturingLogger();
    lines = capture.lines;
    t = await createTestApp(
      {
        JOBS_ENABLED: 'true',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_BASE_SECONDS: '1',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_SECRET_KEY: randomBytes(32).toString('hex'),
      },
      undefined,
      capture.logger,
    );
    receiver = await startWebhookReceiver();
    admin = await t.newUser(['admin'], 'Alice Admin');
    team = await newReviewTeam(t);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  async function register(path: string, events: string[], secret = SECRET): Promise<{ id: string }> {
    const res = await t.http(admin.token).post('/api/webhooks', { url: receiver.url(path), events, secret });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function approvedItem(): Promise<string> {
    const item = await submittedItem(t, team.editor);
    await approveAllLanes(t, team, item.id);
    return item.id;
  }

  async function withdraw(itemId: string, user: TestUser = team.regulatory) {
    return t.http(user.token).post(`/api/content-items/${itemId}/withdraw`, { reason: 'Claim no longer supported', versionId: await currentVersionId(t, user, itemId), password: user.password });
  }

  async function deliveries(webhookId: string): Promise<Array<Record<string, unknown>>> {
    const res = await t.http(admin.token).get(`/api/webhooks/${webhookId}/deliveries`);
    expect(res.status).toBe(200);
    return res.body.deliveries;
  }

  const on = (path: string) => receiver.received.filter((r) => r.path === path);

  it('sends item.withdrawn, signed with the webhook’s secret, to a receiver after a withdrawal', async () => {
    const hook = await register('/crm', ['item.withdrawn']);
    const itemId = await approvedItem();
    const approvedVersion = await currentVersionId(t, team.editor, itemId);
    expect((await withdraw(itemId)).status).toBe(200);

    await waitFor(async () => on('/crm').length === 1, 20_000);
    const [request] = on('/crm');
    expect(request.headers['content-type']).toBe('application/json');
    expect(signedProperly(request)).toBe(true);
    expect(signedProperly(request, `${SECRET}-not`)).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toEqual({ id: expect.any(String), type: 'item.withdrawn', createdAt: expect.any(String), data: { itemId, versionId: approvedVersion } });
    expect(request.headers['vetted-event-id']).toBe(body.id);
    expect(request.headers['vetted-event-type']).toBe('item.withdrawn');

    // Subscribed to withdrawals only: the approval before it was not queued for this webhook.
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'delivered');
    expect(await deliveries(hook.id)).toEqual([
      expect.objectContaining({ eventId: body.id, eventType: 'item.withdrawn', status: 'delivered', attempts: 1, lastResponseCode: 200, lastError: null, nextAttemptAt: null }),
    ]);
  });

  it('sends it again after the receiver first answered 500, with the same event id and a fresh valid signature', async () => {
    receiver.answer('/flaky', 500);
    const hook = await register('/flaky', ['item.withdrawn', 'item.expired']);
    const itemId = await approvedItem();
    expect((await withdraw(itemId)).status).toBe(200);

    await waitFor(async () => on('/flaky').length === 2, 30_000);
    const [first, second] = on('/flaky');
    expect(JSON.parse(second.body).id).toBe(JSON.parse(first.body).id);
    expect(JSON.parse(second.body).data.itemId).toBe(itemId);
    expect([signedProperly(first), signedProperly(second)]).toEqual([true, true]);
    // The back-off: WEBHOOK_RETRY_BASE_SECONDS (1 s here; 10 s by default) before the first retry.
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(900);
    expect(second.receivedAt - first.receivedAt).toBeLessThan(30_000);
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'delivered');
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 2, lastResponseCode: 200, lastError: null });
  });

  it('marks a delivery failed after the last attempt, keeps the log, and sends it again on an admin’s retry', async () => {
    receiver.answer('/down', 500, 503, 500);
    const hook = await register('/down', ['item.approved']);
    const itemId = await approvedItem();

    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'failed', 30_000);
    const [failed] = await deliveries(hook.id);
    expect(failed).toMatchObject({ eventType: 'item.approved', status: 'failed', attempts: 3, lastResponseCode: 500, lastError: 'HTTP 500', nextAttemptAt: null, deliveredAt: null });
    expect(on('/down').map((r) => JSON.parse(r.body).data.itemId)).toEqual([itemId, itemId, itemId]);

    const retried = await t.http(admin.token).post(`/api/webhooks/${hook.id}/deliveries/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 3 });
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'delivered', 20_000);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 4, lastResponseCode: 200 });
    expect(on('/down')).toHaveLength(4);
    const trail = await t.http(admin.token).get(`/api/audit?entity=webhook&entityId=${hook.id}`);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(['webhook.created', 'webhook.delivery_retried']);

    expect((await t.http(admin.token).post(`/api/webhooks/${hook.id}/deliveries/${'0'.repeat(8)}-0000-4000-8000-000000000000/retry`)).status).toBe(404);
  });

  it('records approvals, superseding revisions and expiries in the outbox, but no withdrawal of a revision or of a never-approved draft', async () => {
    const itemId = await approvedItem();
    const v1 = await currentVersionId(t, team.editor, itemId);
    const v2 = await uploadVersion(t, team.editor, itemId, OTHER_PNG);
    expect((await t.http(team.editor.token).post(`/api/content-items/${itemId}/submit`)).status).toBe(200);
    expect((await decide(t, team.regulatory, itemId, 'regulatory')).body.status).toBe('approved');
    const events = await eventsOf(t, itemId);
    expect(events.map((e) => e.type)).toEqual(['item.approved', 'item.approved', 'item.superseded']);
    expect(events[0].data).toMatchObject({ itemId, versionId: v1, versionNumber: 1, approvedAt: expect.any(String), expiresAt: expect.any(String) });
    expect(events[1].data).toMatchObject({ itemId, versionId: v2.id, versionNumber: 2, sha256: v2.asset.sha256 });
    expect(events[2].data).toEqual({ itemId, versionId: v1, byVersionId: v2.id, byVersionNumber: 2 });

    await t.dataSource.query(`update item_review set expires_at = now() - interval '1 second' where item_id = $1`, [itemId]);
    await t.app.get(ReviewService).expireDue();
    expect((await eventsOf(t, itemId)).slice(3)).toEqual([{ type: 'item.expired', data: { itemId, versionId: v2.id, expiresAt: expect.any(String) } }]);

    const revised = await approvedItem();
    const revision = await uploadVersion(t, team.editor, revised, OTHER_PNG);
    await t.http(team.editor.token).post(`/api/content-items/${revised}/submit`);
    const revisionOnly = await t.http(team.regulatory.token).post(`/api/content-items/${revised}/withdraw`, {
      reason: 'Revision abandoned',
      scope: 'revision',
      versionId: revision.id,
      password: team.regulatory.password,
    });
    expect(revisionOnly.status).toBe(200);
    expect((await eventsOf(t, revised)).map((e) => e.type)).toEqual(['item.approved']);

    const draft = await submittedItem(t, team.editor);
    expect((await withdraw(draft.id)).status).toBe(200);
    // A CRM never learns that a draft existed.
    expect(await eventsOf(t, draft.id)).toEqual([]);
  });

  it('writes nothing to the outbox when the change is refused or its transaction rolls back', async () => {
    const hook = await register('/rollback', ['item.withdrawn']);
    const itemId = await approvedItem();
    const wrongPassword = await t.http(team.regulatory.token).post(`/api/content-items/${itemId}/withdraw`, {
      reason: 'x',
      versionId: await currentVersionId(t, team.regulatory, itemId),
      password: 'not-the-password',
    });
    expect(wrongPassword.status).toBe(401);
    const stale = await t.http(team.regulatory.token).post(`/api/content-items/${itemId}/withdraw`, { reason: 'x', versionId: hook.id, password: team.regulatory.password });
    expect(stale.status).toBe(409);

    // A failure after the outbox row was written (the audit append, the last step of a withdrawal):
    // the whole change rolls back, the outbox row and its delivery with it.
    await t.dataSource.query(`create function fail_withdrawal() returns trigger language plpgsql as $$
      begin
        if new.action = 'content_item.withdrawn' and new.entity_id = '${itemId}' then raise exception 'injected failure'; end if;
        return new;
      end $$`);
    await t.dataSource.query(`create trigger fail_withdrawal before insert on audit_event for each row execute function fail_withdrawal()`);
    try {
      expect((await withdraw(itemId)).status).toBe(500);
    } finally {
      await t.dataSource.query(`drop trigger fail_withdrawal on audit_event`);
      await t.dataSource.query(`drop function fail_withdrawal()`);
    }
    expect((await t.http(team.editor.token).get(`/api/content-items/${itemId}`)).body.status).toBe('approved');
    expect((await eventsOf(t, itemId)).map((e) => e.type)).toEqual(['item.approved']);
    expect(await deliveries(hook.id)).toEqual([]);

    const outbox = t.app.get(IntegrationEventsOutbox);
    await expect(
      t.dataSource.transaction(async (tx) => {
        await outbox.record(tx, 'item.withdrawn', { itemId, versionId: itemId });
        throw new Error('refused after recording');
      }),
    ).rejects.toThrow('refused after recording');
    expect((await eventsOf(t, itemId)).map((e) => e.type)).toEqual(['item.approved']);
    expect(await deliveries(hook.id)).toEqual([]);

    // The same withdrawal, once nothing fails, is announced.
    expect((await withdraw(itemId)).status).toBe(200);
    expect((await eventsOf(t, itemId)).map((e) => e.type)).toEqual(['item.approved', 'item.withdrawn']);
  });

  it('keeps the secret out of every answer, the log and the database in clear', async () => {
    const secret = `very-secret-${randomBytes(12).toString('hex')}`;
    const created = await t.http(admin.token).post('/api/webhooks', { url: receiver.url('/secretive'), events: ['item.approved'], secret });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), url: receiver.url('/secretive'), events: ['item.approved'], createdAt: expect.any(String), createdBy: { id: admin.id, name: 'Alice Admin' } });
    const list = await t.http(admin.token).get('/api/webhooks');
    expect(list.body.webhooks.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const [row] = await t.dataSource.query(`select sealed_secret from webhook where id = $1`, [created.body.id]);
    expect(row.sealed_secret).toMatch(/^aes-256-gcm:/);
    expect(row.sealed_secret).not.toContain(secret);
    const trail = await t.http(admin.token).get(`/api/audit?entity=webhook&entityId=${created.body.id}`);
    expect(JSON.stringify(trail.body)).not.toContain(secret);

    // The sealed secret still signs.
    await approvedItem();
    await waitFor(async () => on('/secretive').length === 1, 20_000);
    expect(signedProperly(on('/secretive')[0], secret)).toBe(true);
    expect(lines.filter((l) => JSON.stringify(l).includes(secret))).toEqual([]);
  });

  it('refuses malformed registrations with a 400 naming the field, and sends nothing more once deleted', async () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ url: 'ftp://crm.example.com/', events: ['item.approved'], secret: SECRET }, /url: must be an http/],
      [{ url: receiver.url('/x'), events: [], secret: SECRET }, /events: subscribe to at least one event/],
      [{ url: receiver.url('/x'), events: ['item.deleted'], secret: SECRET }, /events\.0/],
      [{ url: receiver.url('/x'), events: ['item.approved'], secret: 'short' }, /secret: secret must be at least 24/],
      [{ url: receiver.url('/x'), events: ['item.approved'] }, /secret/],
    ];
    for (const [body, message] of bad) {
      const res = await t.http(admin.token).post('/api/webhooks', body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'invalid_input' });
      expect(res.body.message).toMatch(message);
    }

    const hook = await register('/deleted', ['item.approved']);
    expect((await t.http(admin.token).delete(`/api/webhooks/${hook.id}`)).status).toBe(204);
    expect((await t.http(admin.token).delete(`/api/webhooks/${hook.id}`)).status).toBe(404);
    expect((await t.http(admin.token).get(`/api/webhooks/${hook.id}/deliveries`)).status).toBe(404);
    const itemId = await approvedItem();
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from webhook_delivery d join integration_event e on e.id = d.event_id where e.data->>'itemId' = $1 and d.webhook_id = $2`, [itemId, hook.id]);
    expect(n).toBe(0);
  });
});

describe('webhooks without WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestApp;
  let admin: TestUser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin']);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'https://10.0.0.5/hook',
    'http://192.168.1.20/hook',
    'http://172.20.0.3/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fe80::1]/hook',
    'http://0.0.0.0/hook',
    'http://2130706433/hook',
  ])('refuses %s with 400 webhook_destination_refused and stores nothing', async (url) => {
    const res = await t.http(admin.token).post('/api/webhooks', { url, events: ['item.approved'], secret: SECRET });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'webhook_destination_refused' });
    expect((await t.http(admin.token).get('/api/webhooks')).body.webhooks).toEqual([]);
  });

  it('checks the destination again when it delivers: a host that now resolves to a private address gets nothing', async () => {
    // As if registered while its name pointed to a public address, then rebound to this machine.
    const [hook] = await t.dataSource.query(
      `insert into webhook (url, events, sealed_secret, created_by, created_by_name) values ($1, '{item.withdrawn}', 'plain:${SECRET}', $2, 'Admin') returning id`,
      [receiver.url('/rebound'), admin.id],
    );
    const itemId = '11111111-1111-4111-8111-111111111111';
    await t.dataSource.transaction((tx) => t.app.get(IntegrationEventsOutbox).record(tx, 'item.withdrawn', { itemId, versionId: itemId }));
    expect(await t.app.get(WebhookDeliveryService).sendDue()).toBe(1);
    const [delivery] = (await t.http(admin.token).get(`/api/webhooks/${hook.id}/deliveries`)).body.deliveries;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastResponseCode: null, lastError: expect.stringMatching(/^destination refused: 127\.0\.0\.1 is .*loopback/) });
    expect(Date.parse(delivery.nextAttemptAt)).toBeGreaterThan(Date.now());
    expect(receiver.received).toEqual([]);
  });
});
