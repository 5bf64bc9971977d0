// Where the item's market requires a final release: whether it waits for the responsible pharmacist,
// or who released the version in use, when, with which filing reference.
import type { ItemRelease } from '@vetted/contracts';
import { Stamp } from 'lucide-react';
import { useT } from '../../../i18n/use-t';

/** "France" for FR, in the reader's language. */
export function marketName(market: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(market) ?? market;
  } catch {
    return market;
  }
}

export function ReleaseNote({ release, awaiting }: { release: ItemRelease; awaiting: boolean }) {
  const { t, locale } = useT();
  const market = marketName(release.market, locale);
  return (
    <p className={`notice ${awaiting ? 'notice-info' : ''} release-note`} role="status">
      <Stamp size={16} aria-hidden="true" />{' '}
      {awaiting
        ? t('release.awaiting', { market })
        : release.releasedAt
          ? t('release.released', {
              market,
              name: release.releasedByName ?? '?',
              date: new Date(release.releasedAt).toLocaleDateString(locale),
              version: release.versionNumber ?? '?',
            }) + (release.filingReference ? ` ${t('release.filing', { reference: release.filingReference })}` : '')
          : t('release.required', { market })}
    </p>
  );
}
