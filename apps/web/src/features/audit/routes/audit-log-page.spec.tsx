import type { AuditTrail } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aUser } from '../../../testing/content-items';
import { auditLogQueryOptions } from '../api/get-audit-trail';
import { AuditLogPage } from './audit-log-page';

const event = (seq: number, action: string) => ({ seq, at: '2026-11-24T10:00:00.000Z', actorId: null, actorName: 'Alex Admin', action, entity: 'user', entityId: 'u1', before: null, after: { name: 'Someone' }, hash: 'ab'.repeat(32) });

function render(trail: AuditTrail) {
  return renderPage(<AuditLogPage />, { path: '/audit', url: '/audit', user: aUser({ roles: ['admin'] }), data: [[auditLogQueryOptions({}).queryKey, trail]] });
}

describe('AuditLogPage', () => {
  it('lists the latest events newest first, with the chain status and a way back in time', () => {
    const html = render({ events: [event(41, 'user.created'), event(42, 'user.updated')], verified: true, firstBrokenSeq: null });
    const text = textOf(html);
    expect(text).toContain('Chain verified');
    expect(text.indexOf('user.updated')).toBeLessThan(text.indexOf('user.created'));
    expect(text).toContain('Older events');
  });

  it('says where the chain breaks', () => {
    expect(textOf(render({ events: [event(7, 'user.created')], verified: false, firstBrokenSeq: 7 }))).toContain('Chain broken at #7');
  });
});
