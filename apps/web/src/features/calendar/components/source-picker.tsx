// Picks the approved item a new piece reuses, by searching the library (title, thumbnail, product)
// instead of pasting its id. Only approved, unexpired items can be a fast-track source.
import type { LibraryItem } from '@vetted/contracts';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useT } from '../../../i18n/use-t';
import { approvedThumbnailUrl, useApprovedItemSearch } from '../api/pick-reuse';

export function SourcePicker({ value, onChange }: { value: LibraryItem | null; onChange: (item: LibraryItem | null) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text);
  const results = useApprovedItemSearch(q, value === null && q.trim().length > 0);
  if (value) {
    return (
      <div className="picked-source">
        <img src={approvedThumbnailUrl(value.id)} alt="" width={48} height={48} loading="lazy" />
        <span>
          <strong>{value.title}</strong>
          {value.product && <span className="field-hint"> · {value.product}</span>}
        </span>
        <button type="button" className="button-secondary button-small" onClick={() => onChange(null)} aria-label={t('createItem.source.clear', { title: value.title })}>
          {t('createItem.source.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="picker">
      <input id="create-sourceItemId" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('createItem.source.placeholder')} aria-describedby="create-sourceItemId-hint" autoComplete="off" />
      {results.data && q.trim() && (
        <ul className="picker-results" aria-label={t('createItem.source.results')}>
          {results.data.items.length === 0 && <li className="field-hint">{t('createItem.source.none')}</li>}
          {results.data.items.map((item) => (
            <li key={item.id}>
              <button type="button" className="picker-option" onClick={() => onChange(item)}>
                <img src={approvedThumbnailUrl(item.id)} alt="" width={40} height={40} loading="lazy" />
                <span>
                  {item.title}
                  {item.product && <span className="field-hint"> · {item.product}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
