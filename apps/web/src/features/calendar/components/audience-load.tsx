// The week view's audience load: what each segment receives through each channel this week, against
// the committee's cap for the pair, so a full week shows before anyone plans into it.
import type { Channel, Saturation, Segment } from '@vetted/contracts';
import { isAtCap } from '@vetted/workflow';
import { ListChip } from '../../../components/list-chip';
import { useT } from '../../../i18n/use-t';

export function AudienceLoad({ saturation, weekStart, channels, segments }: { saturation: Saturation | undefined; weekStart: string; channels: readonly Channel[]; segments: readonly Segment[] }) {
  const { t } = useT();
  const pairs = (saturation?.pairs ?? []).filter((p) => p.weekStart === weekStart);
  if (pairs.length === 0) return null;
  const colourOf = (list: readonly { name: string; colour: string }[], name: string) => list.find((e) => e.name === name)?.colour;
  return (
    <section className="audience-load" aria-labelledby="audience-load-title">
      <h2 id="audience-load-title">{t('saturation.weekTitle')}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('item.segments')}</th>
              <th scope="col">{t('item.channels')}</th>
              <th scope="col">{t('saturation.planned')}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => {
              const segment = segments.find((s) => s.name === p.segment);
              return (
                <tr key={`${p.segment}-${p.channel}`}>
                  <td>
                    <ListChip name={p.segment} colour={colourOf(segments, p.segment)} title={segment?.description ?? undefined} />
                  </td>
                  <td>
                    <ListChip name={p.channel} colour={colourOf(channels, p.channel)} />
                  </td>
                  <td className={p.over ? 'load-over' : isAtCap(p.count, p.cap) ? 'load-full' : undefined}>
                    {p.cap === null ? t('saturation.countUncapped', { count: p.count }) : t('saturation.countOfCap', { count: p.count, cap: p.cap })}
                    {p.over ? ` · ${t('saturation.over')}` : isAtCap(p.count, p.cap) ? ` · ${t('saturation.full')}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
