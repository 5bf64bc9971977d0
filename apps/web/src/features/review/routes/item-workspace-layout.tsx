// The item workspace (/items/:id): title and status above, then its sections as tabs (the review
// tab here, the audit trail from the audit feature, composed by the router).
import { NavLink, Outlet, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { FormatLabel } from '../../../components/format-label';
import { StatusBadge } from '../../../components/status-badge';
import { useT } from '../../../i18n/use-t';
import { useContentItem } from '../api/get-content-item';

export function ItemWorkspaceLayout() {
  const { t } = useT();
  const { id = '' } = useParams();
  const item = useContentItem(id);

  if (item.isPending) return <p className="page-status">{t('common.loading')}</p>;
  if (item.isError) return <ErrorMessage error={item.error} />;

  return (
    <section className="page workspace">
      <div className="page-title-row">
        <h1>{item.data.title}</h1>
        <div className="title-tags">
          <FormatLabel format={item.data.format} />
          <StatusBadge status={item.data.status} />
          {item.data.fastTrack && <span className="tag tag-fast-track">{t('item.fastTrack')}</span>}
        </div>
      </div>
      <nav className="tabs" aria-label={t('workspace.sections')}>
        <NavLink to="." end>
          {t('workspace.review')}
        </NavLink>
        <NavLink to="audit">{t('workspace.audit')}</NavLink>
      </nav>
      <Outlet />
    </section>
  );
}
