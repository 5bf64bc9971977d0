// One approved piece in the Library: what it is, until when it may be used, and its download.
import type { ContentItem } from '@vetted/contracts';
import { memo } from 'react';
import { FormatLabel } from '../../../components/format-label';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { downloadUrl } from '../api/get-library-items';

export const LibraryCard = memo(function LibraryCard({ item }: { item: ContentItem }) {
  const { t, locale } = useT();
  const version = item.versions.find((v) => v.number === item.currentVersion);
  const headingId = `library-${item.id}`;
  return (
    <li className="library-card">
      <div className="library-card-format">
        <FormatLabel format={item.format} />
      </div>
      <h2 id={headingId} className="library-card-title">
        {item.title}
      </h2>
      {item.description && <p className="library-card-description">{item.description}</p>}
      <dl className="library-card-meta">
        {item.approvedAt && (
          <div>
            <dt>{t('item.approvedAt')}</dt>
            <dd>{formatDate(item.approvedAt, locale)}</dd>
          </div>
        )}
        {item.expiresAt && (
          <div>
            <dt>{t('library.validUntil')}</dt>
            <dd>{formatDate(item.expiresAt, locale)}</dd>
          </div>
        )}
        {item.segments.length > 0 && (
          <div>
            <dt>{t('item.segments')}</dt>
            <dd>{item.segments.join(', ')}</dd>
          </div>
        )}
      </dl>
      <a className="button-primary library-download" href={downloadUrl(item.id)} download={version?.asset.filename ?? true}>
        {t('library.download')}
        <span className="visually-hidden"> {item.title}</span>
        {version && <span className="download-file"> · {version.asset.filename}</span>}
      </a>
    </li>
  );
});
