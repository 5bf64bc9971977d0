// A content format (video, podcast…) as an icon with its name; the icon is decoration only.
// SVG icons (lucide), never emoji: emoji glyphs render as empty boxes on systems without an emoji font.
import { CONTENT_FORMATS, type ContentFormat } from '@vetted/contracts';
import { ChartColumn, ListVideo, Podcast, Video, type LucideIcon } from 'lucide-react';
import { useT } from '../i18n/use-t';

export const FORMAT_ICONS: Record<ContentFormat, LucideIcon> = {
  video: Video,
  podcast: Podcast,
  infographic: ChartColumn,
  series: ListVideo,
};

export function FormatLabel({ format, iconOnly = false }: { format: ContentFormat; iconOnly?: boolean }) {
  const { t } = useT();
  const name = t(`format.${format}`);
  const Icon = FORMAT_ICONS[format];
  return (
    <span className={`format-label format-${format}`}>
      <Icon className="format-icon" aria-hidden="true" focusable="false" size={16} strokeWidth={2} />
      {iconOnly ? <span className="visually-hidden">{name}</span> : <span>{name}</span>}
    </span>
  );
}

/** The <option>s of a format <select>, in the contracts' order and the user's language. */
export function FormatOptions() {
  const { t } = useT();
  return (
    <>
      {CONTENT_FORMATS.map((f) => (
        <option key={f} value={f}>
          {t(`format.${f}`)}
        </option>
      ))}
    </>
  );
}
