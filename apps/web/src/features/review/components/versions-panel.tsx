// The item's versions (each an uploaded file) and, for editors, uploading the next one with progress.
import type { ContentItem, ContentVersion } from '@vetted/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { formatBytes, formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useUploadVersion } from '../api/upload-version';

export function VersionsPanel({ item, canUpload }: { item: ContentItem; canUpload: boolean }) {
  const { t, locale } = useT();
  const upload = useUploadVersion();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const versions = [...item.versions].sort((a, b) => b.number - a.number);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    upload.mutate(
      { itemId: item.id, file, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setFile(null);
          setNote('');
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  }

  const progress = upload.progress;
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('versions.title')}</h2>
      {versions.length === 0 ? (
        <p className="empty-state">{t('versions.none')}</p>
      ) : (
        <ol className="versions-list">
          {versions.map((v) => (
            <li key={v.id} className={item.supersededVersionIds.includes(v.id) ? 'version-superseded' : v.number === item.currentVersion ? 'version-current' : undefined}>
              <div className="version-head">
                <strong>{t('versions.number', { number: v.number })}</strong>
                {v.number === item.currentVersion && <span className="tag">{t('versions.current')}</span>}
                {item.approvedVersion?.id === v.id && <span className="tag tag-in-use">{t('versions.inUse')}</span>}
                {item.supersededVersionIds.includes(v.id) && <span className="tag">{t('versions.superseded')}</span>}
              </div>
              <div>
                {v.asset.filename} · {formatBytes(v.asset.size, locale)} · {formatDateTime(v.createdAt, locale)}
              </div>
              {v.note && <div className="version-note">{v.note}</div>}
              <VersionRenditions itemId={item.id} version={v} />
              <div className="version-hash" title={t('versions.sha256')}>
                SHA-256 <code>{v.asset.sha256.slice(0, 16)}…</code>
              </div>
            </li>
          ))}
        </ol>
      )}
      {canUpload && (
        <form className="upload-form" onSubmit={submit}>
          <h3>{t('versions.upload')}</h3>
          <div className="field">
            <label htmlFor="version-file">{t('versions.file')}</label>
            <input id="version-file" ref={fileInput} type="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={upload.isPending} />
          </div>
          <div className="field">
            <label htmlFor="version-note">
              {t('versions.note')} <span className="optional">({t('common.optional')})</span>
            </label>
            <input id="version-note" type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} disabled={upload.isPending} />
          </div>
          {progress && (
            <div className="upload-progress">
              <progress id="upload-progress" max={progress.total || 1} value={progress.loaded} aria-label={t('versions.progress')} />
              <span>
                {t('versions.progressText', { loaded: formatBytes(progress.loaded, locale), total: formatBytes(progress.total, locale), percent })}
              </span>
            </div>
          )}
          <ErrorMessage error={upload.error} />
          <button type="submit" className="button-primary" disabled={!file || upload.isPending}>
            {upload.isPending ? t('versions.uploading') : t('versions.uploadButton')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Rendition status, and the thumbnail (linking to the preview) once the background job has made it. */
function VersionRenditions({ itemId, version }: { itemId: string; version: ContentVersion }) {
  const { t } = useT();
  const { status, error, thumbnail, preview } = version.renditions;
  const base = `/api/content-items/${itemId}/versions/${version.number}`;
  const image = thumbnail && <img className="version-thumbnail" src={`${base}/thumbnail`} alt={t('versions.thumbnailAlt', { number: version.number })} width={160} loading="lazy" />;
  return (
    <div className="version-renditions" role="status">
      {preview ? (
        <a href={`${base}/preview`} target="_blank" rel="noreferrer" aria-label={t('versions.openPreview')}>
          {image}
        </a>
      ) : (
        image
      )}
      {status !== 'ready' && <span>{t(`versions.renditions.${status}`, { error: error ?? '' })}</span>}
    </div>
  );
}

