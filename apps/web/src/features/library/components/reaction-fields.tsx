// The doctor's reaction (useful or not, a 1–5 rating, a short comment): in the share dialog, and in
// the dialog that adds it later.
import { useT } from '../../../i18n/use-t';
import type { ReactionForm } from '../share-form';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

export function ReactionFields({ idPrefix, value, onChange, invalid }: { idPrefix: string; value: ReactionForm; onChange: (next: ReactionForm) => void; invalid: boolean }) {
  const { t } = useT();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-useful`}>{t('library.share.useful')}</label>
        <select id={`${idPrefix}-useful`} value={value.useful} onChange={(e) => onChange({ ...value, useful: e.target.value as ReactionForm['useful'] })}>
          <option value="">{t('library.share.useful.unknown')}</option>
          <option value="yes">{t('common.yes')}</option>
          <option value="no">{t('common.no')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-rating`}>{t('library.share.rating')}</label>
        <select id={`${idPrefix}-rating`} value={value.rating} onChange={(e) => onChange({ ...value, rating: e.target.value as ReactionForm['rating'] })}>
          <option value="">{t('library.share.rating.none')}</option>
          {RATINGS.map((r) => (
            <option key={r} value={r}>
              {r} / 5
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-comment`}>
          {t('library.share.feedbackComment')} <span className="optional">({t('common.optional')})</span>
        </label>
        <textarea
          id={`${idPrefix}-comment`}
          rows={2}
          maxLength={500}
          value={value.comment}
          onChange={(e) => onChange({ ...value, comment: e.target.value })}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${idPrefix}-comment-error` : undefined}
        />
        {invalid && (
          <p id={`${idPrefix}-comment-error`} className="field-error">
            {t('library.share.invalidFeedbackComment')}
          </p>
        )}
      </div>
    </>
  );
}
