// The frame around every signed-in screen: navigation, who is signed in (and, for reviewers, their
// out-of-office setting), language, sign out.
import { NavLink, Outlet } from 'react-router';
import { OutOfOfficeButton } from '../features/account/components/out-of-office';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './language-switch';
import { useLogout } from './logout';
import { canReadContent, canReadDashboard, isAdmin, isGuestRole, reviewerLanes } from './permissions';
import { useCurrentUser } from './session';

export function AppLayout() {
  const { t } = useT();
  const user = useCurrentUser();
  const logout = useLogout();
  const guest = isGuestRole(user.roles);
  const reviewer = reviewerLanes(user.roles).length > 0;
  const links = [
    guest && { to: '/shared', label: t('nav.shared') },
    canReadContent(user.roles) && { to: '/calendar', label: t('nav.calendar') },
    reviewer && { to: '/reviews', label: t('nav.reviews') },
    canReadContent(user.roles) && { to: '/claims', label: t('nav.claims') },
    !guest && { to: '/library', label: t('nav.library') },
    canReadDashboard(user.roles) && { to: '/dashboard', label: t('nav.dashboard') },
    !guest && { to: '/calendar-feeds', label: t('nav.feeds') },
    isAdmin(user.roles) && { to: '/audit', label: t('nav.audit') },
    isAdmin(user.roles) && { to: '/admin', label: t('nav.admin') },
  ].filter((l): l is { to: string; label: string } => Boolean(l));

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">Vetted</span>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-links">
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-user">
          <span className="user-name">{user.name}</span>
          <span className="user-roles">{user.roles.map((r) => t(`role.${r}`)).join(', ')}</span>
        </div>
        {!guest && <NotificationBell />}
        {reviewer && <OutOfOfficeButton />}
        <LanguageSwitch />
        <button type="button" className="button-secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('nav.logout')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
