// The tabs other features add to the review workspace's side panel. The router hands them to the
// review feature, so features never import each other. The claims tab is a placeholder until the
// claims feature provides its own component: replace `render` with it.
import type { ContentItem } from '@vetted/contracts';
import type { WorkspaceTab } from '../features/review/routes/item-review-tab';
import type { Translate } from '../i18n/i18n-context';

export function workspaceTabs(t: Translate): WorkspaceTab[] {
  return [{ id: 'claims', label: t('workspace.tab.claims'), render: (item: ContentItem) => <ClaimsPlaceholder item={item} t={t} /> }];
}

function ClaimsPlaceholder({ item, t }: { item: ContentItem; t: Translate }) {
  return (
    <section className="panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">{t('workspace.tab.claims')}</h2>
      <p className="field-hint">{t('workspace.claimsPlaceholder')}</p>
      {item.claimIds.length > 0 && (
        <ul className="claim-ids">
          {item.claimIds.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
