// The claims library (/claims): every claim a piece may make, searched by words in French or English
// (accents ignored) or by code, filtered by status and product. Editors write new claims here.
import { CLAIM_STATUSES, type ClaimStatus } from '@vetted/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useClaims } from '../api/get-claims';
import { ClaimStatusBadge } from '../components/claim-status';
import { NewClaimDialog } from '../components/new-claim-dialog';

export function ClaimsPage() {
  const { t, locale } = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ClaimStatus | undefined>();
  const [product, setProduct] = useState('');
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(text);
  const productFilter = useDebouncedValue(product);
  const claims = useClaims({ q, status, product: productFilter });
  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('claims.title')}</h1>
        {user.roles.includes('editor') && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            {t('claims.new')}
          </button>
        )}
      </div>
      <form className="filter-bar" role="search" aria-label={t('claims.search')} onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="claims-text">{t('claims.searchLabel')}</label>
          <input id="claims-text" type="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="claims-status">{t('claims.status')}</label>
          <select id="claims-status" value={status ?? ''} onChange={(e) => setStatus((e.target.value || undefined) as ClaimStatus | undefined)}>
            <option value="">{t('filters.all')}</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`claimStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="claims-product">{t('item.product')}</label>
          <input id="claims-product" value={product} maxLength={100} onChange={(e) => setProduct(e.target.value)} />
        </div>
      </form>
      {claims.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : claims.isError ? (
        <ErrorMessage error={claims.error} />
      ) : claims.data.items.length === 0 ? (
        <p className="empty-state">{t('claims.empty')}</p>
      ) : (
        <div className="table-scroll">
          <p className="result-count" role="status">
            {t('claims.count', { count: claims.data.total })}
          </p>
          <table className="data-table" aria-busy={claims.isPlaceholderData || undefined}>
            <caption className="visually-hidden">{t('claims.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('claims.code')}</th>
                <th scope="col">{t('claims.statement')}</th>
                <th scope="col">{t('item.product')}</th>
                <th scope="col">{t('claims.status')}</th>
                <th scope="col">{t('claims.references')}</th>
                <th scope="col">{t('claims.expiresAt')}</th>
              </tr>
            </thead>
            <tbody>
              {claims.data.items.map((claim) => (
                <tr key={claim.id}>
                  <td>
                    <Link to={`/claims/${claim.id}`}>{claim.code}</Link>
                  </td>
                  <td>{claim.statement}</td>
                  <td>{claim.product}</td>
                  <td>
                    <ClaimStatusBadge status={claim.status} />
                  </td>
                  <td>{claim.references.length}</td>
                  <td>{claim.expiresAt ? formatDate(claim.expiresAt, locale) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <NewClaimDialog onClose={() => setCreating(false)} onCreated={(claim) => navigate(`/claims/${claim.id}`)} />}
    </section>
  );
}
