// For the regulatory reviewer of a fast-tracked item: the source's approved version beside the new
// one (nothing else checks that the new file really derives from the source), and the signed
// escalation to full review when it does not.
import type { ContentItem, ContentVersion } from '@vetted/contracts';
import { useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useEscalateItem } from '../api/claims-of-item';
import { useContentItem } from '../api/get-content-item';
import { SignatureDialog } from '../../../components/signature-dialog';

export function EscalationPanel({ item, version }: { item: ContentItem; version: ContentVersion }) {
  const { t } = useT();
  // A revision is fast-tracked against the item's own approved version.
  const source = useContentItem(item.sourceItemId ?? item.id);
  const escalate = useEscalateItem();
  const [signing, setSigning] = useState(false);
  const sourceVersion = source.data?.versions.find((v) => v.id === source.data?.approvedVersion?.id);
  const preview = (itemId: string, v: ContentVersion) => `/api/content-items/${encodeURIComponent(itemId)}/versions/${v.number}/preview?${v.renditions.previewWatermarked ? 'draft' : 'approved'}`;
  return (
    <section className="panel escalation-panel" aria-labelledby="escalation-title">
      <h2 id="escalation-title">{t('escalation.title')}</h2>
      <p className="field-hint">{item.fastTrackReason}</p>
      <div className="side-by-side">
        <figure>
          <figcaption>{t('escalation.source', { title: source.data?.title ?? '…' })}</figcaption>
          {source.data && sourceVersion?.renditions.preview ? <img src={preview(source.data.id, sourceVersion)} alt={t('escalation.sourceAlt', { title: source.data.title })} /> : <p className="field-hint">{t('comments.previewUnavailable')}</p>}
        </figure>
        <figure>
          <figcaption>{t('escalation.reuse', { number: version.number })}</figcaption>
          {version.renditions.preview ? <img src={preview(item.id, version)} alt={t('escalation.reuseAlt', { number: version.number })} /> : <p className="field-hint">{t('comments.previewUnavailable')}</p>}
        </figure>
      </div>
      <button type="button" className="button-secondary" onClick={() => (escalate.reset(), setSigning(true))}>
        {t('escalation.action')}
      </button>
      {signing && (
        <SignatureDialog
          title={t('escalation.signTitle')}
          meaning={t('escalation.meaning', { number: version.number })}
          text={{ label: t('escalation.reason'), required: true }}
          submitLabel={t('escalation.submit')}
          pending={escalate.isPending}
          error={escalate.error}
          onSign={({ password, text }) => escalate.mutate({ itemId: item.id, body: { reason: text, password, versionId: version.id } }, { onSuccess: () => setSigning(false) })}
          onClose={() => setSigning(false)}
        />
      )}
    </section>
  );
}
