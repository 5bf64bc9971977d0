// Signing a claim decision or withdrawal: the meaning is shown, the password re-entered (21 CFR 11.200).
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';

export interface ClaimSignatureDialogProps {
  title: string;
  meaning: string;
  /** A reason (withdrawal) or a comment (request for changes) must be written. */
  textLabel?: string;
  textRequired?: boolean;
  pending: boolean;
  error: unknown;
  onSign: (password: string, text: string) => void;
  onClose: () => void;
}

export function ClaimSignatureDialog({ title, meaning, textLabel, textRequired = false, pending, error, onSign, onClose }: ClaimSignatureDialogProps) {
  const { t } = useT();
  const [password, setPassword] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSign(password, text);
  };
  return (
    <Dialog title={title} onClose={onClose} description={<span>{t('claims.signMeaning', { meaning })}</span>}>
      <form className="form-grid" onSubmit={submit}>
        {textLabel && (
          <div className="field field-wide">
            <label htmlFor="claim-sign-text">{textLabel}</label>
            <textarea id="claim-sign-text" value={text} onChange={(e) => setText(e.target.value)} required={textRequired} rows={3} maxLength={2000} />
          </div>
        )}
        <div className="field field-wide">
          <label htmlFor="claim-sign-password">{t('signature.password')}</label>
          <input id="claim-sign-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-autofocus />
        </div>
        <ErrorMessage error={error} className="field-wide" />
        <DialogActions submitLabel={t('claims.sign')} onCancel={onClose} pending={pending} wide />
      </form>
    </Dialog>
  );
}
