import type { User } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aUser } from '../../../testing/content-items';
import { UserDialog } from './user-dialog';

const admin = aUser({ id: 'admin-1', roles: ['admin'] });
const render = (user: User | null) => renderPage(<UserDialog user={user} onClose={() => undefined} />, { path: '/admin', url: '/admin', user: admin });

describe('UserDialog', () => {
  it('asks for name, email, an initial password and roles for a new user', () => {
    const html = render(null);
    expect(textOf(html)).toContain('New user');
    expect(html).toContain('id="user-email"');
    expect(html).toMatch(/id="user-password"[^>]*minLength="12"|minLength="12"[^>]*id="user-password"/);
    expect(html.match(/type="checkbox"/g)).toHaveLength(7);
    expect(textOf(html)).not.toContain('Active (can sign in)');
  });

  it('edits name, roles and activity of an existing user, never their password or email', () => {
    const html = render({ id: '00000000-0000-4000-8000-00000000000a', email: 'medical@vetted.local', name: 'Dr Claire Martin', roles: ['medical_reviewer'], active: true, markets: [], createdAt: '2026-11-01T00:00:00.000Z', outOfOffice: null, covering: [] });
    expect(textOf(html)).toContain('Edit Dr Claire Martin');
    expect(html).not.toContain('id="user-password"');
    expect(html).not.toContain('id="user-email"');
    expect(html.match(/checked=""/g)).toHaveLength(2); // medical reviewer role + active
    expect(textOf(html)).toContain('Active (can sign in)');
  });

  it('shows a rep the markets they cover, and nobody else a markets field', () => {
    const rep = render({ id: '00000000-0000-4000-8000-00000000000b', email: 'rep@vetted.local', name: 'Rep', roles: ['rep'], active: true, markets: ['FR', 'BE'], createdAt: '2026-11-01T00:00:00.000Z', outOfOffice: null, covering: [] });
    expect(rep).toMatch(/id="user-markets"[^>]*value="FR, BE"|value="FR, BE"[^>]*id="user-markets"/);
    expect(render(null)).not.toContain('id="user-markets"');
  });
});
