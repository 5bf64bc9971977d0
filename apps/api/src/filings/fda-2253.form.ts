// The fields of Form FDA 2253 (Transmittal of Advertisements and Promotional Labeling for Drugs and
// Biologics for Human Use) that Vetted knows, filled from an approved item. What it cannot know (the
// application number, the established name) is left for the regulatory reviewer to complete.
import type { ContentItem } from '@vetted/contracts';
import type { SignedLaneDecision } from '../review/signed-review-records.js';

export const FDA_2253_FORMAT = 'vetted-fda-2253/1';

export interface Fda2253Form {
  format: typeof FDA_2253_FORMAT;
  preparedAt: string;
  applicant: { name: string | null };
  /** NDA, ANDA or BLA number: not held by Vetted. */
  applicationNumber: null;
  product: { proprietaryName: string | null; establishedName: null };
  material: {
    id: string;
    title: string;
    description: string | null;
    format: ContentItem['format'];
    /** Professional (HCPs) or consumer material, from the audience segments. */
    audience: 'professional' | 'consumer';
    /** Promotional labeling or an advertisement, from the channels (broadcast and social are advertising). */
    type: 'promotional_labeling' | 'advertisement';
    channels: string[];
    segments: string[];
    language: string | null;
    dateOfInitialDissemination: string;
  };
  version: { number: number; filename: string; mimeType: string; size: number; sha256: string; approvedAt: string | null; expiresAt: string | null };
  /** The signed approvals of the version filed, one per lane decision (a quorum lists each member). */
  approvals: Array<{ lane: string; decision: string; reviewer: string; onBehalfOf: string | null; decidedAt: string; signatureId: string }>;
}

const CONSUMER_SEGMENTS = /patient|consumer|grand[- ]public/i;
const ADVERTISING_CHANNELS = /social|tv|radio|broadcast|display|print-ad|banner/i;

/** Null when the item has no approved version: nothing can be filed. */
export function fda2253FormOf(item: ContentItem, decisions: readonly SignedLaneDecision[], applicantName: string | null, now: Date): Fda2253Form | null {
  const approved = item.approvedVersion;
  const version = approved ? item.versions.find((v) => v.id === approved.id) : undefined;
  if (!approved || !version) return null;
  const approvals = decisions
    .filter((d) => d.versionNumber === version.number && d.decision !== 'request_changes')
    .map((d) => ({ lane: d.lane, decision: d.decision, reviewer: d.reviewerName, onBehalfOf: d.onBehalfOfName, decidedAt: d.decidedAt, signatureId: d.signatureId }));
  return {
    format: FDA_2253_FORMAT,
    preparedAt: now.toISOString(),
    applicant: { name: applicantName },
    applicationNumber: null,
    product: { proprietaryName: item.product, establishedName: null },
    material: {
      id: `${item.id}/v${version.number}`,
      title: item.title,
      description: item.description,
      format: item.format,
      audience: item.segments.length > 0 && item.segments.every((s) => CONSUMER_SEGMENTS.test(s)) ? 'consumer' : 'professional',
      type: item.channels.some((c) => ADVERTISING_CHANNELS.test(c)) ? 'advertisement' : 'promotional_labeling',
      channels: item.channels,
      segments: item.segments,
      language: item.language,
      dateOfInitialDissemination: item.plannedAt.slice(0, 10),
    },
    version: { number: version.number, filename: version.asset.filename, mimeType: version.asset.mimeType, size: version.asset.size, sha256: version.asset.sha256, approvedAt: item.approvedAt, expiresAt: item.expiresAt },
    approvals,
  };
}
