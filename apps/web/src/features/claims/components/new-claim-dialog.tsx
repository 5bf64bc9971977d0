// An editor writes a claim: its code, product, statement (and English wording), and its first reference.
import type { Claim } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useCreateClaim } from '../api/change-claim';

export function NewClaimDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (claim: Claim) => void }) {
  const { t } = useT();
  const create = useCreateClaim();
  const [form, setForm] = useState({ code: '', product: '', statement: '', english: '', citation: '', doi: '', locator: '' });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const references = form.citation.trim() ? [{ citation: form.citation, doi: form.doi.trim() || undefined, locator: form.locator.trim() || undefined }] : [];
    create.mutate(
      { code: form.code, product: form.product, statement: form.statement, translations: form.english.trim() ? { en: form.english } : {}, references },
      { onSuccess: onCreated },
    );
  };
  const field = (name: keyof typeof form, label: string, opts: { required?: boolean; multiline?: boolean; hint?: string } = {}) => (
    <div className={`field${opts.multiline ? ' field-wide' : ''}`}>
      <label htmlFor={`claim-${name}`}>{label}</label>
      {opts.multiline ? (
        <textarea id={`claim-${name}`} value={form[name]} onChange={set(name)} required={opts.required} rows={3} maxLength={2000} />
      ) : (
        <input id={`claim-${name}`} value={form[name]} onChange={set(name)} required={opts.required} maxLength={200} aria-describedby={opts.hint ? `claim-${name}-hint` : undefined} spellCheck={name === 'code' || name === 'doi' ? false : undefined} />
      )}
      {opts.hint && (
        <p id={`claim-${name}-hint`} className="field-hint">
          {opts.hint}
        </p>
      )}
    </div>
  );
  return (
    <Dialog title={t('claims.new')} onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        {field('code', t('claims.code'), { required: true, hint: t('claims.codeHint') })}
        {field('product', t('item.product'), { required: true })}
        {field('statement', t('claims.statement'), { required: true, multiline: true })}
        {field('english', t('claims.statementEn'), { multiline: true })}
        {field('citation', t('claims.citation'), { multiline: true })}
        {field('doi', t('claims.doi'), { hint: t('claims.doiHint') })}
        {field('locator', t('claims.locator'), { hint: t('claims.locatorHint') })}
        <ErrorMessage error={create.error} className="field-wide" />
        <DialogActions submitLabel={t('claims.create')} onCancel={onClose} pending={create.isPending} wide />
      </form>
    </Dialog>
  );
}
