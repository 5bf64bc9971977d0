// One agenda date (congress, awareness day…) as a bar across the days it spans in a week row: a
// reminder of what is on doctors' minds. Cut at the week's edges when it goes on before or after.
import type { AgendaEvent } from '@vetted/contracts';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import type { AgendaSpan } from '../month';

export function AgendaBar({ span }: { span: AgendaSpan<AgendaEvent> }) {
  const { t, locale } = useT();
  const { event } = span;
  const kind = t(`agenda.kind.${event.kind}`);
  const where = event.location ? ` — ${event.location}` : '';
  const days = event.startsOn === event.endsOn ? formatDate(event.startsOn, locale) : t('agenda.days', { from: formatDate(event.startsOn, locale), to: formatDate(event.endsOn, locale) });
  const classes = ['agenda-chip', `agenda-${event.kind}`, span.continuesBefore ? 'agenda-continues-before' : '', span.continuesAfter ? 'agenda-continues-after' : ''];
  return (
    <div className={classes.join(' ')} title={`${kind}: ${event.title}${where} (${days})`}>
      <span className="visually-hidden">{kind}: </span>
      {event.title}
      <span className="visually-hidden"> ({days})</span>
    </div>
  );
}
