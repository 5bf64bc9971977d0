// The foot of a dialog form: Cancel, and the submit button that says what it does (and when it is busy).
import { useT } from '../i18n/use-t';

export interface DialogActionsProps {
  submitLabel: string;
  onCancel: () => void;
  pending?: boolean;
  /** Shown while pending; "Saving…" unless the action has its own word ("Signing…"). */
  pendingLabel?: string;
  wide?: boolean;
}

export function DialogActions({ submitLabel, onCancel, pending = false, pendingLabel, wide = false }: DialogActionsProps) {
  const { t } = useT();
  return (
    <div className={wide ? 'dialog-actions field-wide' : 'dialog-actions'}>
      <button type="button" className="button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? (pendingLabel ?? t('common.saving')) : submitLabel}
      </button>
    </div>
  );
}
