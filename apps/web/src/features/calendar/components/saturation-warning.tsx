// Warns the committee when a segment would receive more pieces in a week than it agreed to send.
import type { Saturation } from '@vetted/contracts';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';

export function SaturationWarning({ saturation }: { saturation: Saturation | undefined }) {
  const { t, locale } = useT();
  const over = saturation?.weeks.filter((w) => w.over) ?? [];
  if (!saturation || over.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status">
      <p>{t('saturation.title', { limit: saturation.weeklyLimit })}</p>
      <ul>
        {over.map((w) => (
          <li key={`${w.weekStart}-${w.segment}`}>
            {t('saturation.line', { segment: w.segment, count: w.count, week: formatDate(`${w.weekStart}T12:00:00Z`, locale) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
