// One agenda date (congress, awareness day…) in a day cell: a reminder of what is on doctors' minds.
import type { AgendaEvent } from '@vetted/contracts';
import { useT } from '../../../i18n/use-t';

export function AgendaChip({ event }: { event: AgendaEvent }) {
  const { t } = useT();
  const kind = t(`agenda.kind.${event.kind}`);
  const where = event.location ? ` — ${event.location}` : '';
  return (
    <li className={`agenda-chip agenda-${event.kind}`} title={`${kind}: ${event.title}${where}`}>
      <span className="visually-hidden">{kind}: </span>
      {event.title}
    </li>
  );
}
