import { waitFor } from '../testing/bucket.js';
import { currentVersionId, newReviewTeam, submittedItem, type ReviewTeam } from '../testing/content-factory.js';
import { startSmtpReceiver, type ReceivedEmail, type SmtpReceiver } from '../testing/smtp-receiver.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { NotificationEmailService } from './notification-email.service.js';

describe('notification e-mail through a real SMTP server', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let team: ReviewTeam;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await createTestApp({
      JOBS_ENABLED: 'true',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Vetted <vetted@test.local>',
      NOTIFICATION_EMAIL_RETRY_BASE_SECONDS: '1',
      NOTIFICATION_EMAIL_MAX_ATTEMPTS: '5',
      PUBLIC_URL: 'https://vetted.example.com',
    });
    team = await newReviewTeam(t);
  });
  afterAll(async () => {
    // Let the last send be recorded before the app (and its pg-boss workers) stop.
    if (t) await waitFor(async () => (await t.dataSource.query(`select 1 from notification_email where status = 'pending'`)).length === 0, 20_000).catch(() => undefined);
    await t?.close();
    await smtp?.close();
  });

  const settings = (user: TestUser, body: object) => t.http(user.token).send<any>('PUT', '/api/users/me/notification-settings', body);
  const to = (user: TestUser, title: string): ReceivedEmail[] => smtp.received.filter((m) => m.to.includes(user.email) && m.text.includes(title));

  it('e-mails each reviewer of a submission in their own language, with a link to the item', async () => {
    expect((await settings(team.medical, { locale: 'fr' })).status).toBe(200);
    const title = 'Courriel bilingue';
    const item = await submittedItem(t, team.editor, { title });
    await waitFor(async () => to(team.medical, title).length === 1 && to(team.marketing, title).length === 1 && to(team.regulatory, title).length === 1);
    const [fr] = to(team.medical, title);
    expect(fr.from).toBe('vetted@test.local');
    expect(fr.subject).toContain(`Relire « ${title} »`);
    expect(fr.text).toContain('Bonjour Dr Claire Martin,');
    expect(fr.text).toContain(`https://vetted.example.com/items/${item.id}`);
    expect(fr.html).toContain(`href="https://vetted.example.com/items/${item.id}"`);
    const [en] = to(team.marketing, title);
    expect(en.subject).toContain(`Review “${title}” (marketing lane)`);
    expect(en.text).toContain('Hello Marc Lefèvre,');
    expect(to(team.editor, title)).toEqual([]);
  });

  it('never fails a decision when the mail server refuses, and sends the e-mail on a later attempt', async () => {
    const title = 'Serveur récalcitrant';
    const item = await submittedItem(t, team.editor, { title });
    await waitFor(async () => (['marketing', 'medical', 'regulatory'] as const).every((lane) => to(team[lane], title).length === 1));
    smtp.refuseNext(2);
    const refusalsBefore = smtp.refusals;
    const res = await t.http(team.medical.token).post(`/api/content-items/${item.id}/reviews`, {
      lane: 'medical',
      decision: 'request_changes',
      versionId: await currentVersionId(t, team.medical, item.id),
      password: team.medical.password,
      comment: 'Ajouter la référence',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('changes_requested');
    await waitFor(async () => to(team.editor, title).length === 1, 20_000);
    expect(smtp.refusals - refusalsBefore).toBe(2);
    const [mail] = to(team.editor, title);
    expect(mail.subject).toContain('requested changes');
    expect(mail.text).toContain('Ajouter la référence');
    // Recorded just after the server's answer.
    const latest = async () => (await t.dataSource.query(`select status, attempts from notification_email where recipient_id = $1 order by created_at desc limit 1`, [team.editor.id]))[0];
    await waitFor(async () => (await latest()).status !== 'pending');
    expect(await latest()).toEqual({ status: 'sent', attempts: 3 });
  }, 30_000);

  it('sends no instant e-mail to users who chose the digest or none, and one digest a day of what is unread', async () => {
    const daily = await t.newUser(['regulatory_reviewer'], 'Régine Quotidienne');
    const off = await t.newUser(['regulatory_reviewer'], 'Octave Silence');
    await settings(daily, { email: 'daily', locale: 'fr' });
    await settings(off, { email: 'off' });
    const title = 'Résumé du jour';
    await submittedItem(t, team.editor, { title });
    await submittedItem(t, team.editor, { title: `${title} (2)` });
    await waitFor(async () => to(team.regulatory, title).length === 2);
    expect(to(daily, title)).toEqual([]);
    expect(to(off, title)).toEqual([]);
    const emails = t.app.get(NotificationEmailService);
    expect(await emails.queueDigests()).toBeGreaterThanOrEqual(1);
    expect(await emails.queueDigests()).toBe(0);
    await waitFor(async () => to(daily, title).length === 1);
    const [digest] = to(daily, title);
    expect(digest.subject).toBe('Vetted : 2 notifications non lues');
    expect(digest.text).toContain(`« ${title} (2) »`);
    expect(to(off, title)).toEqual([]);
  });
});
