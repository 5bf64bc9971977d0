// Which reviewer group staffs a lane for an item: the most specific active group of the lane whose
// products and markets cover the item's. A group with no products and no markets is the lane's default.
import type { ReviewLane } from '@vetted/contracts';

export interface ReviewerGroupScope {
  id: string;
  lane: ReviewLane;
  /** Empty: any product. */
  products: readonly string[];
  /** Empty: any market. */
  markets: readonly string[];
  createdAt: Date;
}

export interface ReviewedItemScope {
  product: string | null;
  market: string | null;
}

function covers(listed: readonly string[], value: string | null): boolean {
  return listed.length === 0 || (value !== null && listed.includes(value));
}

/**
 * Naming the product is more specific than naming the market (a product's medical experts review it
 * in every market), and naming both is the most specific. Ties go to the narrower lists, then to the
 * older group, so the choice never depends on the order rows come back in.
 */
function specificity(group: ReviewerGroupScope): number {
  return (group.products.length > 0 ? 2 : 0) + (group.markets.length > 0 ? 1 : 0);
}

/**
 * The group for `lane` on an item, or null when no group covers it (the lane then falls back to
 * "everyone with the lane's role, any one approves"). Pass active groups only.
 */
export function matchReviewerGroup<G extends ReviewerGroupScope>(groups: readonly G[], lane: ReviewLane, item: ReviewedItemScope): G | null {
  const candidates = groups.filter((g) => g.lane === lane && covers(g.products, item.product) && covers(g.markets, item.market));
  const ranked = [...candidates].sort(
    (a, b) =>
      specificity(b) - specificity(a) ||
      a.products.length + a.markets.length - (b.products.length + b.markets.length) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return ranked[0] ?? null;
}
