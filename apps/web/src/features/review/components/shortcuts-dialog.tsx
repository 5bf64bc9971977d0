// The workspace's keyboard shortcuts, opened with `?`: read from the same table the keys obey.
import { Dialog } from '../../../components/dialog';
import { useT } from '../../../i18n/use-t';
import { WORKSPACE_SHORTCUTS } from '../workspace-shortcuts';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} description={<p>{t('shortcuts.description')}</p>}>
      <dl className="shortcut-list">
        {WORKSPACE_SHORTCUTS.map((s) => (
          <div key={s.command}>
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="shortcut-or"> {t('shortcuts.or')} </span>}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`shortcuts.${s.command}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
