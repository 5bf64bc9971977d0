// The version under discussion: an image preview on which a reviewer can draw a region, or an
// audio/video player whose time code a comment can pin. Marks of open threads are drawn over the image.
import type { CommentAnchor, ContentVersion } from '@vetted/contracts';
import { useRef, useState, type PointerEvent, type RefObject } from 'react';
import { useT } from '../../../i18n/use-t';
import { isMeaningfulRegion, regionBetween, type RegionAnchor } from '../comment-anchor';

export type MediaKind = 'image' | 'video' | 'audio' | 'other';

export function mediaKindOf(mimeType: string): MediaKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'other';
}

export interface VersionViewerProps {
  itemId: string;
  version: ContentVersion;
  mediaRef: RefObject<HTMLMediaElement | null>;
  marks: Array<{ id: string; label: string; anchor: RegionAnchor }>;
  selectedId: string | null;
  drawing: boolean;
  onRegionDrawn: (region: CommentAnchor) => void;
}

export function VersionViewer({ itemId, version, mediaRef, marks, selectedId, drawing, onRegionDrawn }: VersionViewerProps) {
  const { t } = useT();
  const base = `/api/content-items/${encodeURIComponent(itemId)}/versions/${version.number}`;
  const kind = mediaKindOf(version.asset.mimeType);
  if (kind === 'video') return <video ref={mediaRef as RefObject<HTMLVideoElement>} className="viewer-media" controls preload="metadata" src={`${base}/original`} aria-label={version.asset.filename} />;
  if (kind === 'audio') return <audio ref={mediaRef as RefObject<HTMLAudioElement>} className="viewer-media" controls preload="metadata" src={`${base}/original`} aria-label={version.asset.filename} />;
  if (kind === 'other') return <p className="field-hint">{t('comments.noViewer')}</p>;
  if (!version.renditions.preview) return <p className="field-hint">{t('comments.previewUnavailable')}</p>;
  // The clean preview replaces the watermarked one at approval: a different address, so no cache serves the old one.
  return <ImageWithRegions src={`${base}/preview?${version.renditions.previewWatermarked ? 'draft' : 'approved'}`} alt={version.asset.filename} marks={marks} selectedId={selectedId} drawing={drawing} onRegionDrawn={onRegionDrawn} />;
}

function ImageWithRegions(props: { src: string; alt: string; marks: VersionViewerProps['marks']; selectedId: string | null; drawing: boolean; onRegionDrawn: (r: RegionAnchor) => void }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<RegionAnchor | null>(null);
  const [broken, setBroken] = useState(false);

  const point = (e: PointerEvent) => {
    const rect = box.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top, size: { width: rect.width, height: rect.height } };
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (!props.drawing) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    setStart(p);
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

  if (broken) return <p className="field-hint">{t('comments.previewUnavailable')}</p>;
  return (
    <div ref={box} className={`region-viewer${props.drawing ? ' region-drawing' : ''}`} onPointerDown={down} onPointerMove={move} onPointerUp={up}>
      <img src={props.src} alt={props.alt} draggable={false} onError={() => setBroken(true)} />
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
    <span className={`region-box${selected ? ' region-selected' : ''}`} style={style} aria-hidden="true">
      {label && <span className="region-label">{label}</span>}
    </span>
  );
}

const pct = (v: number) => `${v * 100}%`;
