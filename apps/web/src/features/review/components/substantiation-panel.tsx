// The medical reviewer's substantiation panel: each claim the item makes, its status in the claims
// library, its references (open the reference document) and where the asset makes it; choosing a
// claim with an anchor shows the spot on the asset (a rectangle, a PDF page or a time code).
import { type ClaimAnchor, type ContentItem, type ContentVersion, type ItemClaim } from '@vetted/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { referenceFileUrl, useClaimReferences } from '../api/claims-of-item';

export function SubstantiationPanel({ item, version }: { item: ContentItem; version: ContentVersion | undefined }) {
  const { t } = useT();
  const [shown, setShown] = useState<ItemClaim | null>(null);
  if (item.claims.length === 0) return null;
  return (
    <section className="panel substantiation-panel" aria-labelledby="substantiation-title">
      <h2 id="substantiation-title">{t('substantiation.title')}</h2>
      <ul className="substantiation-list">
        {item.claims.map((claim) => (
          <ClaimRow key={claim.id} claim={claim} shown={shown?.id === claim.id} onShow={() => setShown(shown?.id === claim.id ? null : claim)} />
        ))}
      </ul>
      {shown?.anchor && version && <AnchorOnAsset itemId={item.id} version={version} anchor={shown.anchor} label={shown.code} />}
    </section>
  );
}

function ClaimRow({ claim, shown, onShow }: { claim: ItemClaim; shown: boolean; onShow: () => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const detail = useClaimReferences(claim.id, open);
  return (
    <li className="substantiation-claim">
      <div className="substantiation-head">
        <Link to={`/claims/${claim.id}`}>
          <strong>{claim.code}</strong>
        </Link>{' '}
        <span className={`status-badge status-${claim.status}`}>{t(`claimStatus.${claim.status}`)}</span>
        <p>{claim.statement}</p>
      </div>
      <div className="button-row">
        <button type="button" className="button-secondary button-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('substantiation.references')}
        </button>
        {claim.anchor && (
          <button type="button" className="button-secondary button-small" aria-pressed={shown} onClick={onShow}>
            {t('substantiation.showAnchor', { where: describeAnchor(claim.anchor, t) })}
          </button>
        )}
      </div>
      {open && (
        <ol className="reference-list">
          {detail.isPending && <li>{t('common.loading')}</li>}
          {detail.data?.references.length === 0 && <li>{t('substantiation.noReference')}</li>}
          {detail.data?.references.map((reference) => (
            <li key={reference.id}>
              {reference.citation}
              {reference.locator && ` — ${reference.locator}`}
              {reference.document && (
                <>
                  {' · '}
                  <a href={referenceFileUrl(claim.id, reference.id)} target="_blank" rel="noreferrer" className="reference-open">
                    {t('substantiation.openReference', { name: reference.document.filename })}
                  </a>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function describeAnchor(anchor: ClaimAnchor, t: ReturnType<typeof useT>['t']): string {
  if (anchor.kind === 'page') return t('substantiation.page', { page: anchor.page });
  if (anchor.kind === 'time') return t('substantiation.time', { time: `${Math.floor(anchor.seconds / 60)}:${String(Math.floor(anchor.seconds % 60)).padStart(2, '0')}` });
  return t('substantiation.region');
}

/** The version's preview with the claim's rectangle drawn over it (other anchors are named, not drawn). */
function AnchorOnAsset({ itemId, version, anchor, label }: { itemId: string; version: ContentVersion; anchor: ClaimAnchor; label: string }) {
  const { t } = useT();
  if (anchor.kind !== 'rect' || !version.renditions.preview) return <p className="field-hint" role="status">{t('substantiation.anchorElsewhere', { where: describeAnchor(anchor, t), code: label })}</p>;
  const src = `/api/content-items/${encodeURIComponent(itemId)}/versions/${version.number}/preview?${version.renditions.previewWatermarked ? 'draft' : 'approved'}`;
  const pct = (v: number) => `${v * 100}%`;
  return (
    <figure className="region-viewer anchor-preview" role="status" aria-label={t('substantiation.anchorShown', { code: label })}>
      <img src={src} alt={version.asset.filename} draggable={false} />
      <span className="region-box region-selected" style={{ left: pct(anchor.x), top: pct(anchor.y), width: pct(anchor.width), height: pct(anchor.height) }}>
        <span className="region-label">{label}</span>
      </span>
    </figure>
  );
}
