// Electronic signature (21 CFR Part 11): states what the signer means, and asks for the password
// again; the request carries it and the API checks it before recording the decision.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from './dialog';
import { DialogActions } from './dialog-actions';
import { ErrorMessage } from './error-message';
import { useT } from '../i18n/use-t';

export interface SignatureDialogProps {
  title: string;
  /** What signing means, in the signer's words, e.g. "I approve this content version (medical review)". */
  meaning: string;
  details?: ReactNode;
  /** An optional or required text sent with the signature (review comment, withdrawal reason). */
  text?: { label: string; required: boolean };
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSign: (input: { password: string; text: string }) => void;
  onClose: () => void;
}

export function SignatureDialog({ title, meaning, details, text, submitLabel, pending, error, onSign, onClose }: SignatureDialogProps) {
  const { t } = useT();
  const [password, setPassword] = useState('');
  const [value, setValue] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSign({ password, text: value.trim() });
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      description={
        <>
          <p className="signature-meaning">{meaning}</p>
          {details}
        </>
      }
    >
      <form onSubmit={submit}>
        {text && (
          <div className="field">
            <label htmlFor="signature-text">
              {text.label}
              {!text.required && <span className="optional"> ({t('common.optional')})</span>}
            </label>
            <textarea id="signature-text" rows={3} maxLength={5000} required={text.required} value={value} onChange={(e) => setValue(e.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor="signature-password">{t('signature.password')}</label>
          <input
            id="signature-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="field-hint">{t('signature.hint')}</p>
        </div>
        <ErrorMessage error={error} />
        <DialogActions submitLabel={submitLabel} onCancel={onClose} pending={pending} pendingLabel={t('signature.signing')} />
      </form>
    </Dialog>
  );
}
