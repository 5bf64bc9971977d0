// The admin screens' own navigation: users, the reviewer groups that staff the review lanes, the
// channel and segment lists, tokens and webhooks.
import { NavLink } from 'react-router';
import { useT } from '../../../i18n/use-t';

export function AdminTabs() {
  const { t } = useT();
  return (
    <nav className="tabs" aria-label={t('admin.sections')}>
      <NavLink to="/admin" end>
        {t('admin.title')}
      </NavLink>
      <NavLink to="/admin/groups">{t('groups.title')}</NavLink>
      <NavLink to="/admin/lists">{t('lists.title')}</NavLink>
      <NavLink to="/admin/tokens">{t('tokens.title')}</NavLink>
      <NavLink to="/admin/webhooks">{t('webhooks.title')}</NavLink>
    </nav>
  );
}
