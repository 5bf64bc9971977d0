// Accessible modal dialog on the native <dialog>: the page behind is inert, Tab stays inside,
// Esc closes, and focus returns to whatever opened it.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { useT } from '../i18n/use-t';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Short text under the title, read out with it (aria-describedby). */
  description?: ReactNode;
  className?: string;
}

/** Render it only while open: mounting opens it, unmounting closes it. */
export function Dialog({ title, onClose, children, description, className }: DialogProps) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  const closingOnUnmount = useRef(false);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closingOnUnmount.current = false;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus fires before showModal() and is lost, so the dialog picks the field itself:
    // the one marked data-autofocus, else the first control of the body (not the close button).
    const body = dialog.querySelector('.dialog-body');
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? body?.querySelector<HTMLElement>(FOCUSABLE) ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      closingOnUnmount.current = true;
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={trapTab}
      onCancel={(event) => {
        // Esc: let React unmount us instead of the browser closing the element on its own.
        event.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        // The browser may still close it on its own (a second Esc without user activation): follow it.
        // Not when we closed it (unmount), nor when StrictMode has already reopened it.
        if (!closingOnUnmount.current && !ref.current?.open) onCloseRef.current();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => onCloseRef.current()}>
          <X aria-hidden="true" focusable="false" size={18} />
        </button>
      </div>
      {description && (
        <div id={descriptionId} className="dialog-description">
          {description}
        </div>
      )}
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
