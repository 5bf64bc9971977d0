// What the create dialog says before saving: the (segment, channel) pairs one more piece planned that
// week would take over their cap, by the same rule the API refuses an unconfirmed plan with.
import type { Saturation } from '@vetted/contracts';
import { saturationBreaches, saturationWeekOf, type SaturationBreach } from '@vetted/workflow';

/** The saturation week (Monday to Sunday, UTC, as the API counts) of a datetime-local value, or null while it is not a date. */
export function saturationWeekRange(plannedAtLocal: string): { from: string; to: string } | null {
  const planned = plannedAtLocal ? new Date(plannedAtLocal) : null;
  if (!planned || Number.isNaN(planned.getTime())) return null;
  const from = saturationWeekOf(planned);
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export function planBreaches(saturation: Saturation | undefined, weekStart: string, plan: { segments: readonly string[]; channels: readonly string[] }): SaturationBreach[] {
  if (!saturation) return [];
  const week = (saturation.pairs ?? []).filter((p) => p.weekStart === weekStart);
  return saturationBreaches({ segments: plan.segments, channels: plan.channels, week, caps: saturation.caps ?? [], defaultCap: saturation.defaultPairCap ?? null });
}
