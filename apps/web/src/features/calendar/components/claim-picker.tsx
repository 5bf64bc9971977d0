// Picks the claims a piece makes from the claims library (search by words or code), shown as chips
// with their status, instead of typing ids. A claim that is not approved may be attached to a draft.
import type { Claim } from '@vetted/contracts';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useT } from '../../../i18n/use-t';
import { useClaimSearch } from '../api/pick-reuse';

export type PickedClaim = Pick<Claim, 'id' | 'code' | 'statement' | 'status'>;

export function ClaimPicker({ value, onChange }: { value: readonly PickedClaim[]; onChange: (claims: PickedClaim[]) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text);
  const results = useClaimSearch(q, q.trim().length > 0);
  const picked = new Set(value.map((c) => c.id));
  return (
    <div className="picker">
      {value.length > 0 && (
        <ul className="chips" aria-label={t('createItem.claims.picked')}>
          {value.map((claim) => (
            <li key={claim.id} className={`chip status-${claim.status}`} title={claim.statement}>
              <span>
                {claim.code} · {t(`claimStatus.${claim.status}`)}
              </span>
              <button type="button" className="chip-remove" onClick={() => onChange(value.filter((c) => c.id !== claim.id))} aria-label={t('createItem.claims.remove', { code: claim.code })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input id="create-claimIds" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('createItem.claims.placeholder')} aria-describedby="create-claimIds-hint" autoComplete="off" />
      {results.data && q.trim() && (
        <ul className="picker-results" aria-label={t('createItem.claims.results')}>
          {results.data.items.length === 0 && <li className="field-hint">{t('createItem.claims.none')}</li>}
          {results.data.items
            .filter((claim) => !picked.has(claim.id))
            .map((claim) => (
              <li key={claim.id}>
                <button
                  type="button"
                  className="picker-option"
                  onClick={() => {
                    onChange([...value, { id: claim.id, code: claim.code, statement: claim.statement, status: claim.status }]);
                    setText('');
                  }}
                >
                  <strong>{claim.code}</strong> <span className={`status-badge status-${claim.status}`}>{t(`claimStatus.${claim.status}`)}</span> <span>{claim.statement}</span>
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
