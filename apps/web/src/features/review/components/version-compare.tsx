// Two versions of the item side by side: images on two stages that zoom and pan together, one image
// wiped over the other, or their pixel difference; video and audio in two players that play, pause
// and seek together. Under them, what changed in the file's facts and which threads were resolved.
import type { ContentItem, ContentVersion } from '@vetted/contracts';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { formatBytes, formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useAllCommentThreads } from '../api/comments';
import { previewOf, type VersionPreview } from '../preview-sources';
import { pixelDifference, threadsResolvedBetween, threadsStillOpen, versionChanges, type VersionFieldChange } from '../version-changes';
import type { Size, Viewport } from '../viewport';
import { ZoomPanStage, type StageGeometry } from './zoom-pan-stage';

export const COMPARE_MODES = ['side', 'wipe', 'difference'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface VersionCompareProps {
  item: ContentItem;
  left: number;
  right: number;
  mode: CompareMode;
  onChange: (next: { left: number; right: number; mode: CompareMode }) => void;
  view: Viewport;
  onViewChange: (view: Viewport) => void;
  onGeometry: (geometry: StageGeometry) => void;
}

export function VersionCompare(props: VersionCompareProps) {
  const { t } = useT();
  const { item, left, right, mode } = props;
  const versions = [...item.versions].sort((a, b) => a.number - b.number);
  const a = versions.find((v) => v.number === left) ?? versions[0];
  const b = versions.find((v) => v.number === right) ?? versions[versions.length - 1];
  const pa = previewOf(item.id, a);
  const pb = previewOf(item.id, b);
  const images = isStill(pa) && isStill(pb);
  const media = (pa.kind === 'video' || pa.kind === 'audio') && pa.kind === pb.kind;

  return (
    <div className="version-compare">
      <div className="compare-controls">
        <VersionSelect label={t('compare.left')} versions={versions} value={a.number} onChange={(n) => props.onChange({ left: n, right: b.number, mode })} />
        <VersionSelect label={t('compare.right')} versions={versions} value={b.number} onChange={(n) => props.onChange({ left: a.number, right: n, mode })} />
        {images && (
          <div className="view-switch" role="group" aria-label={t('compare.mode')}>
            {COMPARE_MODES.map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => props.onChange({ left: a.number, right: b.number, mode: m })}>
                {t(`compare.mode.${m}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {images ? (
        mode === 'wipe' ? (
          <WipeCompare a={a} b={b} pa={pa} pb={pb} {...props} />
        ) : mode === 'difference' ? (
          <DifferenceCompare a={a} b={b} pa={pa} pb={pb} {...props} />
        ) : (
          <div className="compare-side">
            {[
              [a, pa],
              [b, pb],
            ].map(([v, p], i) => (
              <figure key={i} className="compare-pane">
                <figcaption>{t('versions.number', { number: (v as ContentVersion).number })}</figcaption>
                <StillStage version={v as ContentVersion} preview={p as VersionPreview} {...props} onGeometry={i === 0 ? props.onGeometry : undefined} />
              </figure>
            ))}
          </div>
        )
      ) : media ? (
        <SyncedPlayers a={a} b={b} pa={pa} pb={pb} />
      ) : (
        <p className="field-hint">{t('compare.cannotShow')}</p>
      )}
      <CompareSummary item={item} a={a} b={b} />
    </div>
  );
}

const isStill = (p: VersionPreview) => p.kind === 'image' || p.kind === 'pages';

function VersionSelect({ label, versions, value, onChange }: { label: string; versions: ContentVersion[]; value: number; onChange: (n: number) => void }) {
  const { t } = useT();
  const id = `compare-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.id} value={v.number}>
            {t('versions.number', { number: v.number })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Natural size of an image once it has loaded (the stage fits and zooms by it). */
function useNaturalSize(version: ContentVersion): [Size | null, (img: HTMLImageElement) => void] {
  const [size, setSize] = useState<Size | null>(null);
  const guess = version.media.width && version.media.height ? { width: version.media.width, height: version.media.height } : null;
  return [size ?? guess, (img) => setSize({ width: img.naturalWidth, height: img.naturalHeight })];
}

function StillStage({ version, preview, view, onViewChange, onGeometry }: { version: ContentVersion; preview: VersionPreview; view: Viewport; onViewChange: (v: Viewport) => void; onGeometry?: (g: StageGeometry) => void }) {
  const { t } = useT();
  const [size, onLoad] = useNaturalSize(version);
  return (
    <ZoomPanStage assetSize={size} view={view} onViewChange={onViewChange} onGeometry={onGeometry} panEnabled label={t('viewer.stageLabel', { name: t('versions.number', { number: version.number }) })}>
      <img className="zoom-image" src={preview.main!.url} alt={t('compare.imageAlt', { number: version.number, name: version.asset.filename })} draggable={false} onLoad={(e) => onLoad(e.currentTarget)} />
    </ZoomPanStage>
  );
}

interface PairProps {
  a: ContentVersion;
  b: ContentVersion;
  pa: VersionPreview;
  pb: VersionPreview;
  view: Viewport;
  onViewChange: (v: Viewport) => void;
  onGeometry: (g: StageGeometry) => void;
}

/** The right version over the left one, shown right of a line the reviewer moves. */
function WipeCompare({ a, b, pa, pb, view, onViewChange, onGeometry }: PairProps) {
  const { t } = useT();
  const [position, setPosition] = useState(50);
  const [size, onLoad] = useNaturalSize(a);
  return (
    <div className="compare-wipe">
      <ZoomPanStage assetSize={size} view={view} onViewChange={onViewChange} onGeometry={onGeometry} panEnabled label={t('compare.wipeStage', { left: a.number, right: b.number })}>
        <img className="zoom-image" src={pa.main!.url} alt={t('compare.imageAlt', { number: a.number, name: a.asset.filename })} draggable={false} onLoad={(e) => onLoad(e.currentTarget)} />
        <img className="zoom-image wipe-top" src={pb.main!.url} alt={t('compare.imageAlt', { number: b.number, name: b.asset.filename })} draggable={false} style={{ clipPath: `inset(0 0 0 ${position}%)` }} />
        <span className="wipe-line" style={{ left: `${position}%` }} aria-hidden="true" />
      </ZoomPanStage>
      <div className="field wipe-slider">
        <label htmlFor="wipe-position">{t('compare.wipePosition')}</label>
        <input
          id="wipe-position"
          type="range"
          min={0}
          max={100}
          step={1}
          value={position}
          aria-valuetext={t('compare.wipeValue', { left: a.number, right: b.number, percent: position })}
          onChange={(e) => setPosition(Number(e.target.value))}
        />
      </div>
    </div>
  );
}

/** The two images drawn at the same size and subtracted pixel by pixel in a canvas. */
function DifferenceCompare({ a, b, pa, pb, view, onViewChange, onGeometry }: PairProps) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<{ size: Size; share: number } | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let cancelled = false;
    setState('loading');
    Promise.all([loadImage(pa.main!.url), loadImage(pb.main!.url)])
      .then(([ia, ib]) => {
        if (cancelled || !canvas.current) return;
        const size = { width: ib.naturalWidth, height: ib.naturalHeight };
        const da = pixelsOf(ia, size);
        const db = pixelsOf(ib, size);
        const context = canvas.current.getContext('2d');
        if (!da || !db || !context) throw new Error('no 2D canvas');
        canvas.current.width = size.width;
        canvas.current.height = size.height;
        const diff = pixelDifference(da, db);
        context.putImageData(new ImageData(diff.pixels as Uint8ClampedArray<ArrayBuffer>, size.width, size.height), 0, 0);
        setState({ size, share: diff.changedShare });
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
    };
  }, [pa.main, pb.main]);
  return (
    <div className="compare-difference">
      <ZoomPanStage assetSize={typeof state === 'object' ? state.size : null} view={view} onViewChange={onViewChange} onGeometry={onGeometry} panEnabled label={t('compare.differenceStage', { left: a.number, right: b.number })}>
        <canvas ref={canvas} className="zoom-image" role="img" aria-label={t('compare.differenceAlt', { left: a.number, right: b.number })} />
      </ZoomPanStage>
      <p className="field-hint" role="status">
        {state === 'loading' ? t('common.loading') : state === 'failed' ? t('compare.differenceFailed') : t('compare.differenceShare', { percent: formatShare(state.share) })}
      </p>
    </div>
  );
}

const formatShare = (share: number) => (share > 0 && share < 0.001 ? '< 0.1' : (Math.round(share * 1000) / 10).toString());

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`cannot load ${url}`));
    img.src = url;
  });
}

function pixelsOf(img: HTMLImageElement, size: Size): Uint8ClampedArray | null {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(img, 0, 0, size.width, size.height);
  return context.getImageData(0, 0, size.width, size.height).data;
}

/** Two players side by side: playing, pausing, seeking or changing speed in one does the same in the other. */
function SyncedPlayers({ a, b, pa, pb }: { a: ContentVersion; b: ContentVersion; pa: VersionPreview; pb: VersionPreview }) {
  const { t } = useT();
  const left = useRef<HTMLMediaElement>(null);
  const right = useRef<HTMLMediaElement>(null);
  useMediaSync(left, right);
  return (
    <div className="compare-side">
      {[
        [a, pa, left],
        [b, pb, right],
      ].map(([v, p, ref], i) => {
        const version = v as ContentVersion;
        const preview = p as VersionPreview;
        const label = t('compare.playerLabel', { number: version.number, name: version.asset.filename });
        return (
          <figure key={i} className="compare-pane">
            <figcaption>{t('versions.number', { number: version.number })}</figcaption>
            {preview.kind === 'video' ? (
              <video ref={ref as RefObject<HTMLVideoElement>} className="viewer-media" controls preload="metadata" src={preview.main!.url} poster={preview.poster?.url} aria-label={label} />
            ) : (
              <>
                {preview.waveform && <img className="waveform" src={preview.waveform.url} alt={t('viewer.waveformAlt', { name: version.asset.filename })} />}
                <audio ref={ref as RefObject<HTMLAudioElement>} className="viewer-media" controls preload="metadata" src={preview.main!.url} aria-label={label} />
              </>
            )}
          </figure>
        );
      })}
    </div>
  );
}

/** Mirrors play, pause, seek and rate between two media elements, without echoing each change back. */
export function useMediaSync(one: RefObject<HTMLMediaElement | null>, two: RefObject<HTMLMediaElement | null>) {
  useEffect(() => {
    const x = one.current;
    const y = two.current;
    if (!x || !y) return;
    let applying = false;
    const mirror = (from: HTMLMediaElement, to: HTMLMediaElement) => (event: Event) => {
      if (applying) return;
      applying = true;
      try {
        if (event.type === 'play' && to.paused) void to.play().catch(() => undefined);
        if (event.type === 'pause' && !to.paused) to.pause();
        if (event.type === 'seeked' || event.type === 'pause' || event.type === 'play') {
          if (Math.abs(to.currentTime - from.currentTime) > 0.05) to.currentTime = from.currentTime;
        }
        if (event.type === 'ratechange') to.playbackRate = from.playbackRate;
      } finally {
        applying = false;
      }
    };
    const events = ['play', 'pause', 'seeked', 'ratechange'];
    const fromX = mirror(x, y);
    const fromY = mirror(y, x);
    for (const e of events) {
      x.addEventListener(e, fromX);
      y.addEventListener(e, fromY);
    }
    return () => {
      for (const e of events) {
        x.removeEventListener(e, fromX);
        y.removeEventListener(e, fromY);
      }
    };
  }, [one, two]);
}

/** What changed in the file's facts, and which threads the newer version settled. */
function CompareSummary({ item, a, b }: { item: ContentItem; a: ContentVersion; b: ContentVersion }) {
  const { t, locale } = useT();
  const threads = useAllCommentThreads(item.id, true).data?.threads ?? [];
  const [older, newer] = a.number <= b.number ? [a, b] : [b, a];
  const numbered = new Map(threads.map((th) => [th.id, th]));
  const resolved = threadsResolvedBetween(threads, older.number, newer.number);
  const open = threadsStillOpen(threads, older.number, newer.number);
  const show = (c: VersionFieldChange, value: string | number | null) => {
    if (value === null || value === '') return '—';
    if (c.field === 'size') return formatBytes(Number(value), locale);
    if (c.field === 'createdAt') return formatDateTime(String(value), locale);
    if (c.field === 'duration') return t('compare.seconds', { seconds: Number(value) });
    if (c.field === 'sha256') return `${String(value).slice(0, 12)}…`;
    return String(value);
  };
  return (
    <div className="compare-summary">
      <section className="panel" aria-labelledby="compare-changes-heading">
        <h2 id="compare-changes-heading">{t('compare.changesTitle', { older: older.number, newer: newer.number })}</h2>
        <table className="data-table compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.field')}</th>
              <th scope="col">{t('versions.number', { number: older.number })}</th>
              <th scope="col">{t('versions.number', { number: newer.number })}</th>
            </tr>
          </thead>
          <tbody>
            {versionChanges(older, newer).map((c) => (
              <tr key={c.field} className={c.changed ? 'compare-changed' : undefined}>
                <th scope="row">
                  {t(`compare.fieldName.${c.field}`)}
                  {c.changed && <span className="tag tag-changed">{t('compare.changed')}</span>}
                </th>
                <td>{show(c, c.before)}</td>
                <td>{show(c, c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="compare-threads-heading">
        <h2 id="compare-threads-heading">{t('compare.resolvedTitle', { count: resolved.length })}</h2>
        {resolved.length === 0 ? (
          <p className="field-hint">{t('compare.noneResolved')}</p>
        ) : (
          <ul className="compare-threads">
            {resolved.map((th) => (
              <li key={th.id}>
                <strong>{t('versions.number', { number: th.versionNumber })}</strong> · {numbered.get(th.id)?.comments[0]?.body ?? ''}{' '}
                <span className="thread-state">{t('comments.resolvedBy', { name: th.resolvedBy ?? '' })}</span>
              </li>
            ))}
          </ul>
        )}
        {open.length > 0 && <p className="field-hint">{t('compare.stillOpen', { count: open.length })}</p>}
      </section>
    </div>
  );
}
