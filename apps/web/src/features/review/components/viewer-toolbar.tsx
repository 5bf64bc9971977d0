// The viewer's controls: zoom out, in, fit and 100% (with the current zoom), full screen, compare
// versions and the shortcuts help. Icon buttons carry their name for screen readers and as a tooltip.
import { CircleHelp, Columns2, Expand, Maximize, Minimize, Scan, ZoomIn, ZoomOut, type LucideIcon } from 'lucide-react';
import { useT } from '../../../i18n/use-t';

export interface ViewerToolbarProps {
  compare: boolean;
  canCompare: boolean;
  canZoom: boolean;
  fullScreen: boolean;
  scale: number;
  onZoom: (how: 'in' | 'out' | 'fit' | 'actual') => void;
  onToggleFullScreen: () => void;
  onToggleCompare: () => void;
  onHelp: () => void;
}

export function ViewerToolbar(props: ViewerToolbarProps) {
  const { t } = useT();
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
      <div className="toolbar-group">
        <ToolButton icon={ZoomOut} label={t('viewer.zoomOut')} shortcut="-" disabled={!props.canZoom} onClick={() => props.onZoom('out')} />
        <output className="zoom-level" aria-label={t('viewer.zoomLevel')}>
          {Math.round(props.scale * 100)}%
        </output>
        <ToolButton icon={ZoomIn} label={t('viewer.zoomIn')} shortcut="+" disabled={!props.canZoom} onClick={() => props.onZoom('in')} />
        <ToolButton icon={Scan} label={t('viewer.zoomFit')} shortcut="0" disabled={!props.canZoom} onClick={() => props.onZoom('fit')} />
        <ToolButton icon={Expand} label={t('viewer.zoomActual')} shortcut="1" disabled={!props.canZoom} onClick={() => props.onZoom('actual')} />
      </div>
      <div className="toolbar-group">
        {props.canCompare && (
          <button type="button" className="button-secondary button-small" aria-pressed={props.compare} onClick={props.onToggleCompare} title={`${t('viewer.compare')} (c)`}>
            <Columns2 aria-hidden="true" focusable="false" size={16} /> {t('viewer.compare')}
          </button>
        )}
        <ToolButton icon={props.fullScreen ? Minimize : Maximize} label={props.fullScreen ? t('viewer.exitFullScreen') : t('viewer.fullScreen')} shortcut="f" onClick={props.onToggleFullScreen} />
        <ToolButton icon={CircleHelp} label={t('viewer.shortcuts')} shortcut="?" onClick={props.onHelp} />
      </div>
    </div>
  );
}

function ToolButton({ icon: Icon, label, shortcut, disabled, onClick }: { icon: LucideIcon; label: string; shortcut: string; disabled?: boolean; onClick: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} aria-keyshortcuts={shortcut === '?' ? 'Shift+?' : shortcut} title={`${label} (${shortcut})`} disabled={disabled} onClick={onClick}>
      <Icon aria-hidden="true" focusable="false" size={18} />
    </button>
  );
}
