// Warns the committee when a segment would receive more pieces in a week than it agreed to send,
// overall or through one channel (the pair's cap).
import type { Saturation } from '@vetted/contracts';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';

export function SaturationWarning({ saturation }: { saturation: Saturation | undefined }) {
  const { t, locale } = useT();
  const over = saturation?.weeks.filter((w) => w.over) ?? [];
  const overPairs = saturation?.pairs?.filter((p) => p.over) ?? [];
  if (!saturation || (over.length === 0 && overPairs.length === 0)) return null;
  return (
    <div className="notice notice-warning" role="status">
      {over.length > 0 && (
        <>
          <p>{t('saturation.title', { limit: saturation.weeklyLimit })}</p>
          <ul>
            {over.map((w) => (
              <li key={`${w.weekStart}-${w.segment}`}>
                {t('saturation.line', { segment: w.segment, count: w.count, week: formatDate(`${w.weekStart}T12:00:00Z`, locale) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {overPairs.length > 0 && (
        <>
          <p>{t('saturation.pairsTitle')}</p>
          <ul>
            {overPairs.map((p) => (
              <li key={`${p.weekStart}-${p.segment}-${p.channel}`}>
                {t('saturation.pairLine', { segment: p.segment, channel: p.channel, count: p.count, cap: p.cap ?? 0, week: formatDate(`${p.weekStart}T12:00:00Z`, locale) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
