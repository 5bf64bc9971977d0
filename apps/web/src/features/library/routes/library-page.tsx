// The Library (/library): approved, unexpired material reps may use, searchable by title and format.
import { FormatOptions } from '../../../components/format-label';
import type { ContentFormat } from '@vetted/contracts';
import { useDeferredValue, useMemo, useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useLibraryItems } from '../api/get-library-items';
import { LibraryCard } from '../components/library-card';
import { searchLibrary } from '../library-search';

export function LibraryPage() {
  const { t } = useT();
  const query = useLibraryItems();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ContentFormat | undefined>();
  const deferredText = useDeferredValue(text);
  const items = useMemo(() => searchLibrary(query.data ?? [], deferredText, format), [query.data, deferredText, format]);

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('library.title')}</h1>
      </div>
      <form className="filter-bar" role="search" aria-label={t('library.search')} onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="library-text">{t('library.searchTitle')}</label>
          <input id="library-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="library-format">{t('item.format')}</label>
          <select id="library-format" value={format ?? ''} onChange={(e) => setFormat((e.target.value || undefined) as ContentFormat | undefined)}>
            <option value="">{t('filters.all')}</option>
            <FormatOptions />
          </select>
        </div>
      </form>
      {query.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('library.count', { count: items.length })}
          </p>
          {items.length === 0 ? (
            <p className="empty-state">{t('library.empty')}</p>
          ) : (
            <ul className="library-grid">
              {items.map((item) => (
                <LibraryCard key={item.id} item={item} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
