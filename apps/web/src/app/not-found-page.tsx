import { Link } from 'react-router';
import { useT } from '../i18n/use-t';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
