// The Library (/library): approved, unexpired material, searched by the server by words of the title
// or description and by format. Reps download it and record what they shared.
import type { ContentFormat, LibraryItem } from '@vetted/contracts';
import { useCallback, useState } from 'react';
import { useCurrentUser } from '../../../app/session';
import { ErrorMessage } from '../../../components/error-message';
import { FormatOptions } from '../../../components/format-label';
import { useT } from '../../../i18n/use-t';
import { useLibraryItems } from '../api/get-library-items';
import { LibraryCard } from '../components/library-card';
import { FIELD_USE_DAYS, FieldUse } from '../components/field-use';
import { MyShares } from '../components/my-shares';
import { ShareDialog } from '../components/share-dialog';
import { useDebouncedValue } from '../../../app/use-debounced-value';

export function LibraryPage() {
  const { t } = useT();
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ContentFormat | undefined>();
  const [marketText, setMarketText] = useState('');
  const q = useDebouncedValue(text);
  // Only a complete two-letter code filters; anything else shows every market the user may see.
  const market = /^[a-z]{2}$/i.test(marketText.trim()) ? marketText.trim().toUpperCase() : undefined;
  const query = useLibraryItems({ q, format, market });
  const [sharing, setSharing] = useState<LibraryItem | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  // Mirrors library.share in the API's access policy: only reps report shares.
  const canShare = user.roles.includes('rep');
  // Mirrors library.feedback: the committee (editors, admins) sees what the field shares.
  const seesFieldUse = user.roles.includes('editor') || user.roles.includes('admin');
  const [fieldUseSince] = useState(() => new Date(Date.now() - FIELD_USE_DAYS * 86_400_000).toISOString());
  const openShare = useCallback((item: LibraryItem) => {
    setRecorded(null);
    setSharing(item);
  }, []);

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('library.title')}</h1>
      </div>
      <form className="filter-bar" role="search" aria-label={t('library.search')} onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="library-text">{t('library.searchTitle')}</label>
          <input id="library-text" type="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="library-format">{t('item.format')}</label>
          <select id="library-format" value={format ?? ''} onChange={(e) => setFormat((e.target.value || undefined) as ContentFormat | undefined)}>
            <option value="">{t('filters.all')}</option>
            <FormatOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-market">{t('item.market')}</label>
          <input id="library-market" type="text" maxLength={2} size={4} spellCheck={false} value={marketText} onChange={(e) => setMarketText(e.target.value)} aria-describedby="library-market-hint" />
          <p id="library-market-hint" className="field-hint">
            {t('library.marketHint')}
          </p>
        </div>
      </form>
      {recorded && (
        <p role="status" className="notice notice-success">
          {t('library.share.recorded', { title: recorded })}
        </p>
      )}
      {query.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} />
      ) : (
        <>
          <p className="result-count" role="status">
            {query.data.items.length < query.data.total
              ? t('library.countPartial', { shown: query.data.items.length, total: query.data.total })
              : t('library.count', { count: query.data.total })}
          </p>
          {query.data.items.length === 0 ? (
            <p className="empty-state">{t('library.empty')}</p>
          ) : (
            <ul className="library-grid" aria-busy={query.isPlaceholderData || undefined}>
              {query.data.items.map((item) => (
                <LibraryCard key={item.id} item={item} onRecordShare={canShare ? openShare : undefined} />
              ))}
            </ul>
          )}
        </>
      )}
      {canShare && <MyShares />}
      {seesFieldUse && <FieldUse since={fieldUseSince} />}
      {sharing && (
        <ShareDialog
          item={sharing}
          onClose={() => setSharing(null)}
          onRecorded={() => {
            setRecorded(sharing.title);
            setSharing(null);
          }}
        />
      )}
    </section>
  );
}
