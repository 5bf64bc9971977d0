// Admin (/admin): the users and their roles. Creating and editing users comes next.
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useUsers } from '../api/get-users';

export function UsersPage() {
  const { t, locale } = useT();
  const users = useUsers();
  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('admin.title')}</h1>
      </div>
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
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                  <td>{u.active ? t('common.yes') : t('common.no')}</td>
                  <td>{formatDate(u.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
