// docs/workflow.md as a pure function of the review machine and the policies, so the document
// is regenerated from the code (generate-docs.ts), never edited by hand.
import { REVIEW_LANES, type LaneState } from '@vetted/contracts';
import type { AnyStateMachine } from 'xstate';
import { DEFAULT_REVIEW_DUE_OPTIONS, reviewDueAt } from './due-dates.js';
import { decideReviewPolicy, type ReviewPolicyInput } from './fast-track.policy.js';
import { allStateNodes, transitionsFrom, type AnyStateNode } from './machine-transitions.js';
import { toMermaid } from './mermaid.js';
import { REVIEW_MACHINE_VERSION, reviewMachine } from './review.machine.js';
import { CLAIM_MACHINE_VERSION, claimMachine } from './claim.machine.js';

export const WORKFLOW_DOC_REGENERATE = 'cd libs/workflow && UPDATE_DOCS=1 npm test -- workflow-doc';

// A Record over LaneState: adding a lane state to the contracts fails typecheck until it is explained here.
const LANE_STATE_MEANING: Record<LaneState, string> = {
  not_started: 'no review is open for this lane: before the first submission, or after the review of a version ended without its decision',
  pending: 'the lane must decide on the version under review',
  approved: 'the lane approved the version under review (after a request for changes: the version last reviewed)',
  approved_with_changes: 'the lane approved on condition of the changes it listed; it alone confirms the corrected version',
  carried_forward: 'in a confirmation round: the lane approved the previous version without conditions, and that approval stands for the corrected one',
  changes_requested: 'the lane asked for changes on the version last reviewed',
  waived: 'the lane is not required for this item',
};

const RULES = [
  'A review starts when a version is submitted: the first `SUBMIT` needs a version number of 1 or more.',
  'Each required lane decides once per version, while it is `pending`, and only on the version under review: a decision naming another version (an old one, say) is refused, and so is a second decision on a lane that has decided.',
  'Waived lanes take no decision.',
  'The item is `approved` when every required lane has approved the same version.',
  'One `REQUEST_CHANGES` moves the item to `changes_requested` at once. The lanes still pending have their review ended (they show `not_started`); the lanes that had approved keep showing `approved` for that old version.',
  'When every lane of a round has decided yes and at least one approved with changes (`APPROVE_WITH_CHANGES`, full rounds only), the item is `approved_with_changes`: not in use yet. The corrected version, once submitted, opens a confirmation round: only the lanes that approved with changes decide (`pending`), the others show `carried_forward`. A confirming lane approves (the item is `approved`) or requests changes (the next submission is a full round).',
  'Submitting a new version of an `approved` item starts a revision: a round like any other (its lanes may be re-decided, as a revision is fast-tracked like a reuse), while `servingVersion` keeps the approved version in use until the revision is approved.',
  '`WITHDRAW_REVISION` abandons a revision (from `in_review`, `changes_requested` or `approved_with_changes` while a version is in use): the item is `approved` again with the round that approved the version in use; the withdrawn version is never submitted again.',
  '`RECERTIFY` (a periodic review keeps an `approved` item in use; the API extends its validity) and `RETIRE` (it leaves use for good: `retired`) are possible only from `approved`.',
  'From `changes_requested`, only a new version can be submitted (a version number greater than the one reviewed). Every required lane is then asked again (`pending`), including those that had approved the old version; waived lanes stay waived.',
  '`ESCALATE` (a regulatory reviewer, signed): a fast-tracked round of an item `in_review` becomes a full review; every lane is `pending` again on the same version. It is refused in a full round and in a confirmation round.',
  '`SUSPEND` (a claim the item makes was withdrawn or expired in the claims library): an `approved` item, or a revision whose approved version is in use, is `suspended`: nothing is in use until a corrected version is submitted and approved. New material being reviewed (or approved with changes) has its round ended instead: `changes_requested` with `roundHalted` and no lane asking.',
  'A market policy may require a final release (`releaseRequired`, decided again at every `SUBMIT`: in France, the responsible pharmacist signs it). When every lane of such a round approves, the item is `awaiting_release`: approved by its reviewers, not in use yet (during a revision the approved version stays in use). `RELEASE` puts it in use (`approved`); its validity starts then. A new version, `WITHDRAW`, `WITHDRAW_REVISION` and `SUSPEND` (which ends the wait as it halts a round) are possible meanwhile.',
  '`WITHDRAW` is possible from `draft`, `in_review`, `changes_requested`, `approved_with_changes`, `awaiting_release`, `approved` and `suspended`; pending reviews end and nothing stays in use. `EXPIRE` is possible only from `approved`.',
  '`expired`, `withdrawn` and `retired` are final: they accept no event.',
];

const approvedClaim = (id: string) => ({ id, code: id.toUpperCase(), status: 'approved' as const });

const FAST_TRACK_EXAMPLES: Array<{ title: string; input: ReviewPolicyInput }> = [
  {
    title: 'reuses an approved item; its claims are approved in the library and were on the source',
    input: { sourceItem: { id: 'item-A', status: 'approved', claimIds: ['hf-1', 'hf-2', 'hf-3'] }, claims: [approvedClaim('hf-1'), approvedClaim('hf-3')] },
  },
  {
    title: 'reuses an approved item; neither makes a claim',
    input: { sourceItem: { id: 'item-A', status: 'approved', claimIds: [] }, claims: [] },
  },
  {
    title: 'reuses an approved item but drops its claims',
    input: { sourceItem: { id: 'item-A', status: 'approved', claimIds: ['hf-1'] }, claims: [] },
  },
  {
    title: 'adds a claim the source did not make',
    input: { sourceItem: { id: 'item-A', status: 'approved', claimIds: ['hf-1'] }, claims: [approvedClaim('hf-1'), approvedClaim('hf-4')] },
  },
  {
    title: 'makes a claim not approved in the library',
    input: { sourceItem: { id: 'item-A', status: 'approved', claimIds: ['hf-1'] }, claims: [{ id: 'hf-1', code: 'HF-1', status: 'withdrawn' }] },
  },
  {
    title: 'reuses an item that is not approved (withdrawn since the reuse was created, say)',
    input: { sourceItem: { id: 'item-B', status: 'withdrawn', claimIds: ['hf-1'] }, claims: [approvedClaim('hf-1')] },
  },
  {
    title: 'escalated by regulatory in an earlier round',
    input: { sourceItem: { id: 'item-A', status: 'approved', claimIds: [] }, claims: [], escalation: { reason: 'new layout' } },
  },
  { title: 'new content', input: { sourceItem: null, claims: [approvedClaim('hf-1')] } },
];

function statePath(node: AnyStateNode): string {
  return node.path.join('.');
}

function stateTable(machine: AnyStateMachine = reviewMachine): string[] {
  const rows = allStateNodes(machine.root).map(
    (node) => `| \`${statePath(node)}\` | ${node.type} | ${node.description ?? ''} |`,
  );
  return ['| state | kind | meaning |', '| --- | --- | --- |', ...rows];
}

function transitionTable(): string[] {
  const rows = allStateNodes(reviewMachine.root).flatMap((node) =>
    transitionsFrom(node).map(
      ({ source, target, event, guard }) =>
        `| \`${statePath(source)}\` | ${event === undefined ? '(on entry)' : `\`${event}\``} | ${guard === undefined ? '' : `\`${guard}\``} | \`${statePath(target)}\` |`,
    ),
  );
  return ['| from | event | guard | to |', '| --- | --- | --- | --- |', ...rows];
}

function laneStateTable(): string[] {
  const rows = Object.entries(LANE_STATE_MEANING).map(([state, meaning]) => `| \`${state}\` | ${meaning} |`);
  return ['| lane state | meaning |', '| --- | --- |', ...rows];
}

function fastTrackTable(): string[] {
  const rows = FAST_TRACK_EXAMPLES.map(({ title, input }) => {
    const policy = decideReviewPolicy(input);
    return `| ${title} | ${policy.requiredLanes.join(', ')} | ${policy.reason} |`;
  });
  return ['| case | required lanes | reason given |', '| --- | --- | --- |', ...rows];
}

function dueDateExamples(): string[] {
  const friday = new Date('2025-01-03T15:00:00.000Z');
  const examples: Array<[string, boolean]> = [
    ['standard', false],
    ['fast-track', true],
  ];
  return examples.map(
    ([kind, fastTrack]) => `- ${kind}: submitted Friday ${friday.toISOString()}, due ${reviewDueAt(friday, fastTrack).toISOString()}`,
  );
}

export function renderWorkflowDoc(): string {
  const { standardBusinessDays, fastTrackBusinessDays } = DEFAULT_REVIEW_DUE_OPTIONS;
  return [
    `<!-- Generated by libs/workflow/src/generate-docs.ts from libs/workflow: do not edit. Regenerate with: ${WORKFLOW_DOC_REGENERATE} -->`,
    '# Review workflow',
    '',
    `How a content item is reviewed before promotional use. The rules live in \`libs/workflow\` (review machine version ${REVIEW_MACHINE_VERSION}); the API runs them and stores each item's persisted machine snapshot with that version, and the web asks the machine which actions are possible before showing a button.`,
    '',
    '## States',
    '',
    ...stateTable(),
    '',
    '## Lanes',
    '',
    `Inside \`in_review\`, the ${REVIEW_LANES.join(', ')} reviews run in parallel, one region per lane. On each submission a lane becomes \`pending\` when the item requires it and \`waived\` otherwise. What each lane shows:`,
    '',
    ...laneStateTable(),
    '',
    '## Rules',
    '',
    ...RULES.map((rule, index) => `${index + 1}. ${rule}`),
    '',
    '## Fast-track',
    '',
    'Decided again at every submission, on the claims library as it is then (under a row lock on the source). An item that reuses an approved, unexpired item, and whose every claim is approved in the claims library and was made by the source, is fast-tracked: only the regulatory lane reviews it, and its review is due sooner. A reuse that makes no claim qualifies only when its source made none either. Anything else gets the full review by all three lanes, and so does an item a regulatory reviewer escalated. Claims are referenced by id; the examples name them by code.',
    '',
    ...fastTrackTable(),
    '',
    '## Due dates',
    '',
    `A review is due ${standardBusinessDays} business days after submission, or ${fastTrackBusinessDays} when fast-tracked. Business days are Monday to Friday in UTC, the time of day is kept, and public holidays are not counted out. A review is overdue once the due instant has passed.`,
    '',
    ...dueDateExamples(),
    '',
    '## Transitions',
    '',
    ...transitionTable(),
    '',
    '`(on entry)` transitions are taken as soon as the state is entered, the first whose guard passes. `onDone` is taken when every lane region has reached a final state (approved or waived). Events a state does not list are refused, and so are events whose guard fails: the review is left as it was.',
    '',
    '## Statechart',
    '',
    '```mermaid',
    toMermaid(reviewMachine),
    '```',
    '',
    '## Claims',
    '',
    `A claim in the claims library has its own, smaller statechart (claim machine version ${CLAIM_MACHINE_VERSION}): medical and regulatory approve it in parallel, each with an e-signature on the SHA-256 of its canonical content (code, statement, translations, references); one request for changes sends it back to its author. An item can only be approved while every claim it makes is approved. Withdrawing a claim, or its expiry, suspends every item that makes it in the same transaction.`,
    '',
    ...stateTable(claimMachine),
    '',
    '```mermaid',
    toMermaid(claimMachine),
    '```',
    '',
  ].join('\n');
}
