// A content format (video, podcast…) as an icon with its name; the icon is decoration only.
import { CONTENT_FORMATS, type ContentFormat } from '@vetted/contracts';
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
