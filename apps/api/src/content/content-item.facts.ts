// What other modules may know of an item and its versions: plain facts, never content's entities.

export interface ContentItemFacts {
  id: string;
  title: string;
  ownerId: string;
  coOwnerIds: readonly string[];
  currentVersion: number | null;
  claimIds: readonly string[];
  /** The approved item this one reuses, or null. */
  sourceItemId: string | null;
  /** Reviewer groups are matched on these. */
  product: string | null;
  market: string | null;
}

export interface ContentVersionFacts {
  id: string;
  itemId: string;
  number: number;
  sha256: string;
  /** Who uploaded it: segregation of duties keeps them from reviewing it. */
  createdBy: string;
}
