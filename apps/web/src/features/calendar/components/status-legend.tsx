// What each calendar colour means.
import { ITEM_STATUSES } from '@vetted/contracts';
import { useT } from '../../../i18n/use-t';

export function StatusLegend() {
  const { t } = useT();
  return (
    <ul className="status-legend" aria-label={t('calendar.legend')}>
      {ITEM_STATUSES.map((status) => (
        <li key={status}>
          <span className={`legend-swatch status-${status}`} aria-hidden="true" />
          {t(`status.${status}`)}
        </li>
      ))}
    </ul>
  );
}
