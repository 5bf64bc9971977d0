// Picks channels or segments from the admins' list: every active entry is a chip in its colour that
// toggles (a button with aria-pressed, so keyboard and screen readers get it), instead of free text.
import { chipStyle } from '../../../components/list-chip';
import { useT } from '../../../i18n/use-t';

export interface ChipOption {
  name: string;
  colour: string;
  description?: string | null;
  archived: boolean;
}

export interface ChipPickerProps {
  id: string;
  /** The id of the element that names the group (its visible label). */
  labelledBy: string;
  describedBy?: string;
  options: readonly ChipOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  invalid?: boolean;
}

export function ChipPicker({ id, labelledBy, describedBy, options, value, onChange, invalid }: ChipPickerProps) {
  const { t } = useT();
  // An archived entry is offered only while the item already holds it (to take it off).
  const shown = options.filter((o) => !o.archived || value.includes(o.name));
  const toggle = (name: string) => onChange(value.includes(name) ? value.filter((v) => v !== name) : [...value, name]);
  return (
    <div id={id} role="group" aria-labelledby={labelledBy} aria-describedby={describedBy} aria-invalid={invalid || undefined} className="chip-picker">
      {shown.length === 0 && <p className="field-hint">{t('lists.pickerEmpty')}</p>}
      {shown.map((option) => {
        const picked = value.includes(option.name);
        return (
          <button
            key={option.name}
            type="button"
            className={picked ? 'chip-toggle chip-toggle-on' : 'chip-toggle'}
            style={picked ? chipStyle(option.colour) : { borderColor: option.colour }}
            aria-pressed={picked}
            title={option.description ?? undefined}
            onClick={() => toggle(option.name)}
          >
            <span className="chip-dot" style={{ background: option.colour }} aria-hidden="true" />
            {option.name}
          </button>
        );
      })}
    </div>
  );
}
