// Admin (/admin): who has access, with which roles, who is away and who covers for them; admins add
// users, change roles and deactivate.
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import type { User } from '@vetted/contracts';
import { useState } from 'react';
import { useUsers } from '../api/get-users';
import { AdminTabs } from '../components/admin-tabs';
import { UserDialog } from '../components/user-dialog';

export function UsersPage() {
  const { t, locale } = useT();
  const users = useUsers();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('admin.title')}</h1>
        <button type="button" className="button-primary" onClick={() => setEditing('new')}>
          {t('admin.newUser')}
        </button>
      </div>
      <AdminTabs />
      {users.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : users.isError ? (
        <ErrorMessage error={users.error} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('admin.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.email')}</th>
                <th scope="col">{t('admin.roles')}</th>
                <th scope="col">{t('admin.active')}</th>
                <th scope="col">{t('admin.createdAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>
                    {u.roles.map((r) => t(`role.${r}`)).join(', ')}
                    {u.outOfOffice && <span className="tag tag-covering">{t('admin.awayCoveredBy', { date: formatDate(u.outOfOffice.to, locale), name: u.outOfOffice.delegateName })}</span>}
                    {u.covering.map((c) => (
                      <span key={c.id} className="tag tag-covering">
                        {t('admin.covering', { name: c.name })}
                      </span>
                    ))}
                  </td>
                  <td>{u.active ? t('common.yes') : t('common.no')}</td>
                  <td>{formatDate(u.createdAt, locale)}</td>
                  <td>
                    <button type="button" className="button-secondary button-small" onClick={() => setEditing(u)} aria-label={t('admin.editLabel', { name: u.name })}>
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <UserDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
