/**
 * Saturation: the editorial committee caps how many pieces one audience segment receives through one
 * channel per week (doctors in some specialties get hundreds of industry messages a week). These
 * rules decide, from counts the API reads in SQL, whether a plan goes over a cap; the API refuses an
 * unconfirmed plan with them and the web warns with them before saving.
 */

/** Pieces planned for one segment through one channel in one week. */
export interface PairCount {
  segment: string;
  channel: string;
  count: number;
}

/** A cap an admin set on a (segment, channel) pair. */
export interface PairCapRule {
  segment: string;
  channel: string;
  weeklyCap: number;
}

/** A pair a new plan would take over its cap: `count` pieces are already planned that week (without it). */
export interface SaturationBreach {
  segment: string;
  channel: string;
  count: number;
  cap: number;
}

/** The pair's own cap, else the default (null: the pair is not capped). */
export function pairCap(caps: readonly PairCapRule[], segment: string, channel: string, defaultCap: number | null): number | null {
  return caps.find((c) => c.segment === segment && c.channel === channel)?.weeklyCap ?? defaultCap;
}

/** Over the cap: more pieces than agreed (exactly the cap is full, not over). */
export function isOverCap(count: number, cap: number | null): boolean {
  return cap !== null && count > cap;
}

/** Full: one more piece would go over. */
export function isAtCap(count: number, cap: number | null): boolean {
  return cap !== null && count >= cap;
}

export interface PlannedAudience {
  segments: readonly string[];
  channels: readonly string[];
  /** What the week already holds, without the piece being planned. */
  week: readonly PairCount[];
  caps: readonly PairCapRule[];
  defaultCap: number | null;
}

/** Every (segment, channel) pair of a piece that one more piece would take over its cap, in the order given. */
export function saturationBreaches(plan: PlannedAudience): SaturationBreach[] {
  const breaches: SaturationBreach[] = [];
  for (const segment of plan.segments) {
    for (const channel of plan.channels) {
      const cap = pairCap(plan.caps, segment, channel, plan.defaultCap);
      const count = plan.week.find((p) => p.segment === segment && p.channel === channel)?.count ?? 0;
      if (isOverCap(count + 1, cap)) breaches.push({ segment, channel, count, cap: cap! });
    }
  }
  return breaches;
}

/** The Monday (UTC) of the week an instant falls in, as YYYY-MM-DD: the weeks saturation counts in. */
export function saturationWeekOf(instant: string | Date): string {
  const d = new Date(instant);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}
