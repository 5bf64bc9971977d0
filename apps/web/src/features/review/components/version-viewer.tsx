// The version under review, in the workspace's main area. Images (and document pages) sit on a
// zoom-and-pan stage where a reviewer can draw a region; video and audio play in their players with
// the comments' time codes marked along a track under them. The element comes from the content type
// of what there is to show (preview-sources.ts), so new rendition kinds need no change here.
import type { CommentAnchor, ContentVersion } from '@vetted/contracts';
import { ChevronLeft, ChevronRight, Download } from 'lucide-react';
import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { useT } from '../../../i18n/use-t';
import { formatTimeCode, isMeaningfulRegion, regionBetween, type RegionAnchor } from '../comment-anchor';
import { previewOf, versionBaseUrl, type PreviewFile } from '../preview-sources';
import type { Size, Viewport } from '../viewport';
import { ZoomPanStage, type StageGeometry } from './zoom-pan-stage';

export type MediaKind = 'image' | 'video' | 'audio' | 'other';

export function mediaKindOf(mimeType: string): MediaKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'other';
}

export interface ViewerMark {
  id: string;
  label: string;
  anchor: CommentAnchor;
}

export interface VersionViewerProps {
  itemId: string;
  version: ContentVersion;
  mediaRef: RefObject<HTMLMediaElement | null>;
  marks: ViewerMark[];
  selectedId: string | null;
  drawing: boolean;
  onRegionDrawn: (region: CommentAnchor) => void;
  onSelectMark: (id: string) => void;
  view: Viewport;
  onViewChange: (view: Viewport) => void;
  onGeometry: (geometry: StageGeometry) => void;
}

export function VersionViewer(props: VersionViewerProps) {
  const { t } = useT();
  const { itemId, version, mediaRef, marks, selectedId } = props;
  const preview = previewOf(itemId, version);
  const timeMarks = marks.filter((m): m is ViewerMark & { anchor: { kind: 'time'; seconds: number } } => m.anchor.kind === 'time');
  const regionMarks = marks.filter((m): m is ViewerMark & { anchor: RegionAnchor } => m.anchor.kind === 'region');
  const name = version.asset.filename;

  if (preview.kind === 'video' || preview.kind === 'audio') {
    const media = preview.main!;
    return (
      <div className={`media-stage media-stage-${preview.kind}`}>
        {preview.kind === 'video' ? (
          <video ref={mediaRef as RefObject<HTMLVideoElement>} className="viewer-media" controls preload="metadata" src={media.url} poster={preview.poster?.url} aria-label={name}>
            <source src={media.url} type={media.contentType} />
          </video>
        ) : (
          <>
            {preview.waveform && <img className="waveform" src={preview.waveform.url} alt={t('viewer.waveformAlt', { name })} draggable={false} />}
            <audio ref={mediaRef as RefObject<HTMLAudioElement>} className="viewer-media" controls preload="metadata" src={media.url} aria-label={name} />
          </>
        )}
        <TimeMarks marks={timeMarks} mediaRef={mediaRef} duration={version.media.durationSeconds} selectedId={selectedId} onSelect={props.onSelectMark} />
      </div>
    );
  }
  if (preview.kind === 'none') {
    const pending = version.renditions.status === 'pending' || version.renditions.status === 'processing';
    return (
      <div className="viewer-empty">
        <p className="field-hint">{pending || mediaKindOf(version.asset.mimeType) === 'image' ? t('comments.previewUnavailable') : t('comments.noViewer')}</p>
        <a className="button-secondary button-small" href={`${versionBaseUrl(itemId, version.number)}/original`} download>
          <Download aria-hidden="true" focusable="false" size={16} /> {t('viewer.downloadOriginal', { name })}
        </a>
      </div>
    );
  }
  return <ImageViewer {...props} files={preview.kind === 'pages' ? preview.pages : [preview.main!]} marks={regionMarks} />;
}

/** An image preview (or a document's page images, one at a time) on the zoom stage, with its regions. */
function ImageViewer(props: Omit<VersionViewerProps, 'marks'> & { files: PreviewFile[]; marks: Array<{ id: string; label: string; anchor: RegionAnchor }> }) {
  const { t } = useT();
  const { version, files } = props;
  const [page, setPage] = useState(0);
  const file = files[Math.min(page, files.length - 1)];
  const [natural, setNatural] = useState<Size | null>(null);
  const [broken, setBroken] = useState(false);
  const guess = version.media.width && version.media.height ? { width: version.media.width, height: version.media.height } : null;
  useEffect(() => {
    setNatural(null);
    setBroken(false);
  }, [file.url]);

  if (broken) return <p className="field-hint viewer-empty">{t('comments.previewUnavailable')}</p>;
  return (
    <div className="image-viewer">
      {files.length > 1 && (
        <div className="page-nav" role="group" aria-label={t('viewer.pages')}>
          <button type="button" className="icon-button" aria-label={t('viewer.previousPage')} disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            <ChevronLeft aria-hidden="true" focusable="false" size={18} />
          </button>
          <span aria-live="polite">{t('viewer.pageOf', { page: page + 1, pages: files.length })}</span>
          <button type="button" className="icon-button" aria-label={t('viewer.nextPage')} disabled={page >= files.length - 1} onClick={() => setPage((p) => p + 1)}>
            <ChevronRight aria-hidden="true" focusable="false" size={18} />
          </button>
        </div>
      )}
      <ZoomPanStage
        assetSize={natural ?? guess}
        view={props.view}
        onViewChange={props.onViewChange}
        onGeometry={props.onGeometry}
        panEnabled={!props.drawing}
        label={t('viewer.stageLabel', { name: version.asset.filename })}
      >
        <img
          className="zoom-image"
          src={file.url}
          alt={files.length > 1 ? t('viewer.pageAlt', { name: version.asset.filename, page: page + 1 }) : version.asset.filename}
          draggable={false}
          onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          onError={() => setBroken(true)}
        />
        {/* Regions belong to the version's image; on other pages of a document they would mislead. */}
        {page === 0 && <RegionLayer marks={props.marks} selectedId={props.selectedId} drawing={props.drawing} onRegionDrawn={props.onRegionDrawn} />}
      </ZoomPanStage>
    </div>
  );
}

/** The marks over the image, and drawing a new one: positions are fractions of the (transformed) asset box. */
function RegionLayer(props: { marks: Array<{ id: string; label: string; anchor: RegionAnchor }>; selectedId: string | null; drawing: boolean; onRegionDrawn: (r: RegionAnchor) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<RegionAnchor | null>(null);

  const point = (e: PointerEvent) => {
    const rect = box.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top, size: { width: rect.width, height: rect.height } };
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (!props.drawing) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    setStart(point(e));
    setDraft(null);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (!start) return;
    const p = point(e);
    setDraft(regionBetween(start, p, p.size));
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    if (!start) return;
    const p = point(e);
    const region = regionBetween(start, p, p.size);
    setStart(null);
    setDraft(null);
    if (isMeaningfulRegion(region)) props.onRegionDrawn(region);
  };

  return (
    <div ref={box} className={`region-layer${props.drawing ? ' region-drawing' : ''}`} onPointerDown={down} onPointerMove={move} onPointerUp={up}>
      {props.marks.map((m) => (
        <RegionBox key={m.id} region={m.anchor} label={m.label} selected={m.id === props.selectedId} />
      ))}
      {draft && <RegionBox region={draft} label="" selected />}
    </div>
  );
}

function RegionBox({ region, label, selected }: { region: RegionAnchor; label: string; selected: boolean }) {
  const style = { left: pct(region.x), top: pct(region.y), width: pct(region.width), height: pct(region.height) };
  return (
    <span className={`region-box${selected ? ' region-selected' : ''}`} style={style} aria-hidden="true" data-mark={label || undefined}>
      {label && <span className="region-label">{label}</span>}
    </span>
  );
}

/** The comments' time codes along the media's timeline; each one seeks the player to its moment. */
function TimeMarks(props: { marks: Array<{ id: string; label: string; anchor: { kind: 'time'; seconds: number } }>; mediaRef: RefObject<HTMLMediaElement | null>; duration: number | null; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useT();
  const [measured, setMeasured] = useState<number | null>(null);
  useEffect(() => {
    const media = props.mediaRef.current;
    if (!media) return;
    const read = () => Number.isFinite(media.duration) && media.duration > 0 && setMeasured(media.duration);
    read();
    media.addEventListener('loadedmetadata', read);
    return () => media.removeEventListener('loadedmetadata', read);
  }, [props.mediaRef]);
  const duration = measured ?? props.duration;
  if (props.marks.length === 0) return null;
  return (
    <ol className="time-marks" aria-label={t('viewer.timeMarks')}>
      {props.marks.map((m) => {
        const at = duration ? Math.min(100, (m.anchor.seconds / duration) * 100) : 0;
        return (
          <li key={m.id} style={{ left: `${at}%` }} className={m.id === props.selectedId ? 'time-mark time-mark-selected' : 'time-mark'}>
            <button
              type="button"
              aria-label={t('viewer.seekTo', { label: m.label, time: formatTimeCode(m.anchor.seconds) })}
              onClick={() => {
                if (props.mediaRef.current) props.mediaRef.current.currentTime = m.anchor.seconds;
                props.onSelect(m.id);
              }}
            >
              {m.label}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

const pct = (v: number) => `${v * 100}%`;
