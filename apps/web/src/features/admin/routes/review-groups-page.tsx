// Admin (/admin/groups): the reviewer groups staffing each lane, their members, quorum and scope.
import type { ReviewGroup } from '@vetted/contracts';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useUsers } from '../api/get-users';
import { useReviewGroups } from '../api/review-groups';
import { AdminTabs } from '../components/admin-tabs';
import { ReviewGroupDialog } from '../components/review-group-dialog';

export function ReviewGroupsPage() {
  const { t } = useT();
  const groups = useReviewGroups();
  const users = useUsers();
  const [editing, setEditing] = useState<ReviewGroup | 'new' | null>(null);
  const quorumText = (g: ReviewGroup) => (g.quorum.rule === 'n_of_m' ? t('groups.nOfM', { n: g.quorum.n ?? 1, m: g.members.length }) : t(`groups.rule.${g.quorum.rule}`));
  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('groups.title')}</h1>
        <button type="button" className="button-primary" onClick={() => setEditing('new')} disabled={!users.data}>
          {t('groups.new')}
        </button>
      </div>
      <AdminTabs />
      <p className="field-hint">{t('groups.intro')}</p>
      {groups.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : groups.isError ? (
        <ErrorMessage error={groups.error} />
      ) : groups.data.length === 0 ? (
        <p className="empty-state">{t('groups.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('groups.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('groups.name')}</th>
                <th scope="col">{t('groups.lane')}</th>
                <th scope="col">{t('groups.members')}</th>
                <th scope="col">{t('groups.quorum')}</th>
                <th scope="col">{t('groups.scope')}</th>
                <th scope="col">{t('admin.active')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.data.map((g) => (
                <tr key={g.id}>
                  <td>{g.name}</td>
                  <td>{t(`lane.${g.lane}`)}</td>
                  <td>{g.members.map((m) => m.name).join(', ')}</td>
                  <td>{quorumText(g)}</td>
                  <td>{g.products.length || g.markets.length ? [...g.products, ...g.markets].join(', ') : t('groups.default')}</td>
                  <td>{g.active ? t('common.yes') : t('common.no')}</td>
                  <td>
                    <button type="button" className="button-secondary button-small" disabled={!users.data} onClick={() => setEditing(g)} aria-label={t('admin.editLabel', { name: g.name })}>
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={users.error} />
      {editing && users.data && <ReviewGroupDialog group={editing === 'new' ? null : editing} users={users.data} onClose={() => setEditing(null)} />}
    </section>
  );
}
