// One approved piece in the Library: what it is, where and for whom it is meant, until when it may
// be used, its download, and (for reps) recording that it was shared.
import type { LibraryItem } from '@vetted/contracts';
import { memo, useState } from 'react';
import { FormatLabel } from '../../../components/format-label';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { downloadUrl, thumbnailUrl } from '../api/get-library-items';

export interface LibraryCardProps {
  item: LibraryItem;
  /** Given to reps only: opens the share dialog for this item. */
  onRecordShare?: (item: LibraryItem) => void;
}

export const LibraryCard = memo(function LibraryCard({ item, onRecordShare }: LibraryCardProps) {
  const { t, locale } = useT();
  // Audio and video have no thumbnail (and a fresh approval may not have one yet): show the card without it.
  const [thumbnail, setThumbnail] = useState(item.version.mimeType.startsWith('image/') || item.version.mimeType === 'application/pdf');
  return (
    <li className="library-card" aria-labelledby={`library-${item.id}`}>
      {thumbnail && <img className="library-card-thumbnail" src={thumbnailUrl(item.id)} alt="" loading="lazy" onError={() => setThumbnail(false)} />}
      <div className="library-card-format">
        <FormatLabel format={item.format} />
      </div>
      <h2 id={`library-${item.id}`} className="library-card-title">
        {item.title}
      </h2>
      {item.description && <p className="library-card-description">{item.description}</p>}
      <dl className="library-card-meta">
        {item.channels.length > 0 && (
          <div>
            <dt>{t('item.channels')}</dt>
            <dd>{item.channels.join(', ')}</dd>
          </div>
        )}
        {item.segments.length > 0 && (
          <div>
            <dt>{t('item.segments')}</dt>
            <dd>{item.segments.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('library.validUntil')}</dt>
          <dd>
            <time dateTime={item.expiresAt}>{formatDate(item.expiresAt, locale)}</time>
          </dd>
        </div>
      </dl>
      <a className="button-primary library-download" href={downloadUrl(item.id)} download={item.version.filename}>
        {t('library.download')}
        <span className="visually-hidden"> {item.title}</span>
        <span className="download-file"> · {item.version.filename}</span>
      </a>
      {onRecordShare && (
        <button type="button" className="button-secondary" onClick={() => onRecordShare(item)} aria-label={t('library.recordShareOf', { title: item.title })}>
          {t('library.recordShare')}
        </button>
      )}
    </li>
  );
});
