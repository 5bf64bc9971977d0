// A content format (video, podcast…) as an icon with its name; the icon is decoration only.
import type { ContentFormat } from '@vetted/contracts';
import { useT } from '../i18n/use-t';

export const FORMAT_ICONS: Record<ContentFormat, string> = {
  video: '▶',
  podcast: '🎙',
  infographic: '📊',
  series: '🗂',
};

export function FormatLabel({ format, iconOnly = false }: { format: ContentFormat; iconOnly?: boolean }) {
  const { t } = useT();
  const name = t(`format.${format}`);
  return (
    <span className={`format-label format-${format}`}>
      <span className="format-icon" aria-hidden="true">
        {FORMAT_ICONS[format]}
      </span>
      {iconOnly ? <span className="visually-hidden">{name}</span> : <span>{name}</span>}
    </span>
  );
}
