// A stage that shows an asset at its fit size and lets the reviewer zoom (wheel, buttons, keys) and
// pan (drag, arrow keys). Whatever is inside is laid out in the asset's own box and transformed with
// it: marks placed in fractions of the asset stay over the same spot at every zoom. The viewport is
// the parent's, so two stages can share one (side-by-side compare).
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode, type RefObject } from 'react';
import { fitRect, panBy, transformOf, wheelFactor, zoomAt, type Rect, type Size, type Viewport } from '../viewport';

export interface StageGeometry {
  stage: Size;
  fit: Rect;
  /** Width of the shown image in its own pixels (for "100%"). */
  naturalWidth: number;
}

export interface ZoomPanStageProps {
  /** The asset's pixel size (a preview's natural size once loaded); null until known. */
  assetSize: Size | null;
  view: Viewport;
  onViewChange: (view: Viewport) => void;
  onGeometry?: (geometry: StageGeometry) => void;
  /** Off while a region is being drawn: the pointer then draws instead of panning. */
  panEnabled: boolean;
  label: string;
  className?: string;
  children: ReactNode;
  /** Drawn over the stage, not transformed (e.g. the wipe line's handle). */
  overlay?: ReactNode;
}

const PAN_STEP = 40;

export function ZoomPanStage({ assetSize, view, onViewChange, onGeometry, panEnabled, label, className, children, overlay }: ZoomPanStageProps) {
  const ref = useRef<HTMLDivElement>(null);
  const stage = useElementSize(ref);
  const fit = fitRect(stage, assetSize ?? stage);
  const latest = useRef({ view, fit, onViewChange });
  latest.current = { view, fit, onViewChange };
  const drag = useRef<{ x: number; y: number; pointerId: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (onGeometry && assetSize) onGeometry({ stage, fit, naturalWidth: assetSize.width });
    // fit derives from stage and assetSize: these four numbers are the whole dependency.
  }, [stage.width, stage.height, assetSize?.width, assetSize?.height]);

  // React's wheel listener is passive (it cannot stop the page scrolling): listen natively.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const { view: current, fit: box, onViewChange: change } = latest.current;
      change(zoomAt(current, wheelFactor(event.deltaY, event.deltaMode, event.ctrlKey), { x: event.clientX - rect.left, y: event.clientY - rect.top }, box));
    };
    element.addEventListener('wheel', wheel, { passive: false });
    return () => element.removeEventListener('wheel', wheel);
  }, []);

  const down = (event: PointerEvent<HTMLDivElement>) => {
    if (!panEnabled || event.button !== 0 || (event.target as HTMLElement).closest('button, a, input, video, audio')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    setDragging(true);
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.pointerId !== event.pointerId) return;
    drag.current = { ...start, x: event.clientX, y: event.clientY };
    onViewChange(panBy(view, event.clientX - start.x, event.clientY - start.y));
  };
  const up = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    drag.current = null;
    setDragging(false);
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] }[event.key];
    if (!step || event.target !== event.currentTarget) return;
    event.preventDefault();
    onViewChange(panBy(view, step[0], step[1]));
  };

  return (
    <div
      ref={ref}
      className={`zoom-stage${panEnabled ? ' zoom-stage-pannable' : ''}${dragging ? ' zoom-stage-dragging' : ''} ${className ?? ''}`}
      role="group"
      aria-label={label}
      tabIndex={0}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onKeyDown={key}
    >
      <div className="zoom-asset" data-testid="zoom-asset" style={{ left: fit.left, top: fit.top, width: fit.width, height: fit.height, transform: transformOf(view), ['--zoom' as string]: view.scale }}>
        {children}
      </div>
      {overlay}
    </div>
  );
}

/** The element's size, kept up to date as the layout changes (window, side panel, full screen). */
function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setSize((old) => (old.width === element.clientWidth && old.height === element.clientHeight ? old : { width: element.clientWidth, height: element.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
