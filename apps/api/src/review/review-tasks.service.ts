import { Injectable } from '@nestjs/common';
import { LANE_ROLE, type ReviewDecision, type ReviewLane, type SessionUser, type TaskClosedReason } from '@vetted/contracts';
import { laneOutcome, matchReviewerGroup, quorumShortfall, requiredApprovals } from '@vetted/workflow';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { ConflictError, ForbiddenError } from '../common/domain-errors.js';
import type { ContentItemFacts } from '../content/content-item.facts.js';
import { OutOfOfficeService, type Person } from '../identity/out-of-office.service.js';
import { UsersService } from '../identity/users.service.js';
import { NotificationsOutbox } from '../notifications/notifications.outbox.js';
import { ReviewGroupsService } from './review-groups.service.js';
import { ReviewLaneAssignmentEntity } from './review-lane-assignment.entity.js';
import { ReviewTaskEntity } from './review-task.entity.js';

export interface OpenRoundInput {
  item: ContentItemFacts;
  round: number;
  versionNumber: number;
  /** Who uploaded the version under review: never one of its reviewers. */
  uploaderId: string;
  dueAt: Date | null;
  /** The lanes the machine opened for decisions this round (pending); carried-forward and waived lanes get no task. */
  lanes: readonly ReviewLane[];
}

/** The task a decision is about to close, with the lane's tasks locked until commit. */
export interface ClaimedTask {
  task: ReviewTaskEntity;
  assignment: ReviewLaneAssignmentEntity;
  laneTasks: ReviewTaskEntity[];
  /** The absent member a delegate decides for, or null when the member decides themselves. */
  onBehalfOf: Person | null;
}

export type LaneEvent = 'APPROVE' | 'APPROVE_WITH_CHANGES' | 'REQUEST_CHANGES';

export interface CountedDecision {
  /** The event the lane now sends the review machine, or null while its quorum is not reached. */
  laneEvent: LaneEvent | null;
  approvals: number;
  required: number;
}

/**
 * Review tasks: at submission each pending lane is staffed (its reviewer group, or everyone with the
 * lane's role) and every member who may decide gets a task; each signed decision closes one task,
 * and the lane's event reaches the review machine only when the quorum is counted (or at the first
 * request for changes). The caller holds the item and review locks; the lane's tasks are locked here
 * too, so two members deciding at once are both counted, once, in turn.
 */
@Injectable()
export class ReviewTasksService {
  constructor(
    private readonly groups: ReviewGroupsService,
    private readonly users: UsersService,
    private readonly absences: OutOfOfficeService,
    private readonly notifications: NotificationsOutbox,
  ) {}

  /** Assigns each lane of a new round and opens its members' tasks; 409 naming every lane no one could decide. */
  async openRoundIn(tx: EntityManager, input: OpenRoundInput): Promise<void> {
    const { item } = input;
    // A lane staffed already this round keeps its staffing (an escalation opens the lanes the fast track had waived).
    const staffedAlready = new Set(
      (await tx.getRepository(ReviewLaneAssignmentEntity).find({ where: { itemId: item.id, round: input.round } })).map((a) => a.lane),
    );
    const lanes = input.lanes.filter((lane) => !staffedAlready.has(lane));
    const groups = await this.groups.activeGroupsIn(tx, lanes);
    const mayReview = (id: string) => id !== item.ownerId && id !== input.uploaderId;
    const problems: string[] = [];
    const staffed: Array<{ lane: ReviewLane; group: (typeof groups)[number] | null; required: number; memberIds: string[] }> = [];
    for (const lane of lanes) {
      const group = matchReviewerGroup(groups, lane, { product: item.product, market: item.market });
      const role = LANE_ROLE[lane];
      if (!group) {
        // No group covers the item: today's rule, everyone with the role, any one approves. Nobody yet is fine:
        // whoever gets the role later may decide (their task opens when they do).
        const memberIds = (await this.users.activeWithRole(role, tx)).map((p) => p.id).filter(mayReview);
        staffed.push({ lane, group: null, required: 1, memberIds });
        continue;
      }
      const eligible = (await this.users.people(group.memberIds, tx)).filter((p) => p.active && p.roles.includes(role) && mayReview(p.id)).map((p) => p.id);
      const shortfall = quorumShortfall(group.quorum, eligible.length);
      if (shortfall) problems.push(`the ${lane} lane (group “${group.name}”): ${shortfall}`);
      else staffed.push({ lane, group, required: requiredApprovals(group.quorum, eligible.length), memberIds: eligible });
    }
    if (problems.length) {
      throw new ConflictError(`Cannot submit for review: ${problems.join('; ')}. Ask an admin to change the reviewer group.`, { lanes: problems }, 'no_eligible_reviewer');
    }
    for (const { lane, group, required, memberIds } of staffed) {
      await tx.getRepository(ReviewLaneAssignmentEntity).insert({
        itemId: item.id,
        round: input.round,
        lane,
        versionNumber: input.versionNumber,
        groupId: group?.id ?? null,
        groupName: group?.name ?? null,
        quorumRule: group?.quorum.rule ?? 'any',
        required,
      });
      if (memberIds.length) {
        await tx.getRepository(ReviewTaskEntity).insert(
          memberIds.map((assigneeId) => ({ itemId: item.id, round: input.round, lane, versionNumber: input.versionNumber, assigneeId, dueAt: input.dueAt, status: 'open' as const })),
        );
        await this.notifyAssignedIn(tx, input, lane, memberIds);
      }
    }
  }

  /** Each member is told of their task, and so is whoever covers an absent member now (they may decide it). */
  private async notifyAssignedIn(tx: EntityManager, input: OpenRoundInput, lane: ReviewLane, memberIds: string[]): Promise<void> {
    const params = { itemTitle: input.item.title, lane, dueAt: input.dueAt?.toISOString() };
    await this.notifications.notifyIn(tx, { type: 'task_assigned', recipientIds: memberIds, itemId: input.item.id, params });
    const delegates = await this.absences.activeDelegatesOf(memberIds, tx);
    if (delegates.size === 0) return;
    const names = new Map((await this.users.people([...delegates.keys()], tx)).map((p) => [p.id, p.name]));
    for (const [absentId, delegate] of delegates) {
      // A delegate who is a member already has their own task to do.
      if (memberIds.includes(delegate.id)) continue;
      await this.notifications.notifyIn(tx, { type: 'task_assigned', recipientIds: [delegate.id], itemId: input.item.id, params: { ...params, onBehalfOfName: names.get(absentId) } });
    }
  }

  /**
   * Finds (and locks) the task `decider`'s decision on `lane` closes: the one named, else their own,
   * else that of the absent member they cover for. Refuses a decider the lane is not theirs to decide.
   */
  async claimIn(tx: EntityManager, input: { itemId: string; round: number; versionNumber: number; lane: ReviewLane; decider: SessionUser; taskId?: string }): Promise<ClaimedTask> {
    const { itemId, round, lane, decider } = input;
    const assignment = await this.lockAssignment(tx, input);
    // Lock the lane's tasks: concurrent decisions on this lane queue here and each sees the others' counted.
    const laneTasks = await tx.getRepository(ReviewTaskEntity).find({ where: { itemId, round, lane }, order: { createdAt: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const signedByMe = laneTasks.find((t) => t.decidedBy === decider.id);
    if (signedByMe) {
      const forWhom = signedByMe.assigneeId === decider.id ? '' : ' (for a colleague you cover)';
      throw new ConflictError(`You already signed a decision on the ${lane} lane of this version${forWhom}: one person counts once in a lane's quorum`, { taskId: signedByMe.id });
    }
    let task = input.taskId ? laneTasks.find((t) => t.id === input.taskId) : laneTasks.find((t) => t.assigneeId === decider.id);
    if (input.taskId && !task) throw new ForbiddenError(`Task ${input.taskId} is not a task of the ${lane} lane of this round`, undefined, 'not_assigned');
    if (!task) {
      const covered = await this.coveredOpenTasks(tx, decider.id, laneTasks);
      task = covered[0];
    }
    if (!task && assignment.groupId === null) {
      // The default lane is open to everyone with the role, including whoever got it after the submission.
      const repo = tx.getRepository(ReviewTaskEntity);
      task = await repo.save(repo.create({ itemId, round, lane, versionNumber: input.versionNumber, assigneeId: decider.id, dueAt: laneTasks[0]?.dueAt ?? null, status: 'open' }));
      laneTasks.push(task);
    }
    if (!task) {
      throw new ForbiddenError(
        `The ${lane} lane of this item is assigned to the group “${assignment.groupName}”: you are not a member and cover for no member who is away`,
        { groupId: assignment.groupId },
        'not_assigned',
      );
    }
    if (task.status === 'closed') {
      const code = task.closedReason === 'quorum_reached' ? 'quorum_reached' : undefined;
      throw new ConflictError(`This task is closed (${task.closedReason?.replaceAll('_', ' ')}): no decision is taken on it any more`, { taskId: task.id, closedReason: task.closedReason }, code);
    }
    if (task.status === 'done') throw new ConflictError(`This task was decided already (${task.decision})`, { taskId: task.id });
    let onBehalfOf: Person | null = null;
    if (task.assigneeId !== decider.id) {
      if (!(await this.absences.coversNow(tx, decider.id, task.assigneeId))) {
        throw new ForbiddenError('This task is a colleague’s, and you do not cover for them now (they are not out of office, or named someone else)', { taskId: task.id }, 'not_assigned');
      }
      const [absent] = await this.users.people([task.assigneeId], tx);
      onBehalfOf = { id: absent.id, name: absent.name };
    }
    return { task, assignment, laneTasks, onBehalfOf };
  }

  /** Records the signed decision against its task and counts the lane's quorum. */
  async countIn(tx: EntityManager, claimed: ClaimedTask, decision: { decision: ReviewDecision; decisionId: string; deciderId: string; at: Date }): Promise<CountedDecision> {
    const { task, assignment, laneTasks } = claimed;
    const done = { status: 'done' as const, decision: decision.decision, decisionId: decision.decisionId, decidedBy: decision.deciderId, closedAt: decision.at };
    Object.assign(task, done);
    await tx.getRepository(ReviewTaskEntity).update({ id: task.id }, done);
    const decided = laneTasks.filter((t) => t.status === 'done').map((t) => t.decision as ReviewDecision);
    const outcome = laneOutcome(assignment.required, decided);
    const approvals = decided.filter((d) => d !== 'request_changes').length;
    // One statement closes what this decision ends: the round at a request for changes; the lane's other
    // tasks once its quorum is reached; and always the decider's tasks in other lanes (one lane per version).
    const endsRound = outcome === 'changes_requested';
    const endsLane = outcome === 'approved' || outcome === 'approved_with_changes';
    await tx.query(
      `update review_task
          set status = 'closed', closed_at = $4,
              closed_reason = case when $5 then 'changes_requested' when $6 and lane = $3 then 'quorum_reached' else 'other_lane_decided' end
        where item_id = $1 and round = $2 and status = 'open'
          and ($5 or ($6 and lane = $3) or (assignee_id = $7 and lane <> $3))`,
      [task.itemId, task.round, task.lane, decision.at, endsRound, endsLane, decision.deciderId],
    );
    const laneEvent: LaneEvent | null = endsRound ? 'REQUEST_CHANGES' : outcome === 'approved' ? 'APPROVE' : outcome === 'approved_with_changes' ? 'APPROVE_WITH_CHANGES' : null;
    return { laneEvent, approvals, required: assignment.required };
  }

  /** Closes every open task of the item (a withdrawal ends its review). */
  async closeOpenIn(tx: EntityManager, itemId: string, reason: TaskClosedReason): Promise<void> {
    const [{ now }] = (await tx.query('select now() as now')) as Array<{ now: Date }>;
    await this.close(tx, { itemId, status: 'open' }, reason, now);
  }

  private async close(tx: EntityManager, where: FindOptionsWhere<ReviewTaskEntity>, reason: TaskClosedReason, at: Date): Promise<void> {
    await tx.getRepository(ReviewTaskEntity).update(where, { status: 'closed', closedReason: reason, closedAt: at });
  }

  /** Open tasks of the lane whose member `delegateId` covers now, the first member by name first. */
  private async coveredOpenTasks(tx: EntityManager, delegateId: string, laneTasks: ReviewTaskEntity[]): Promise<ReviewTaskEntity[]> {
    const open = laneTasks.filter((t) => t.status === 'open' && t.assigneeId !== delegateId);
    if (open.length === 0) return [];
    const delegates = await this.absences.activeDelegatesOf(open.map((t) => t.assigneeId), tx);
    const covered = new Set([...delegates].filter(([, d]) => d.id === delegateId).map(([absent]) => absent));
    const order = new Map((await this.users.people([...covered], tx)).map((p, i) => [p.id, i]));
    return open.filter((t) => covered.has(t.assigneeId)).sort((a, b) => (order.get(a.assigneeId) ?? 0) - (order.get(b.assigneeId) ?? 0));
  }

  /** The lane's assignment this round, locked; a review opened before tasks existed gets the default one now. */
  private async lockAssignment(tx: EntityManager, input: { itemId: string; round: number; versionNumber: number; lane: ReviewLane }): Promise<ReviewLaneAssignmentEntity> {
    const repo = tx.getRepository(ReviewLaneAssignmentEntity);
    const where = { itemId: input.itemId, round: input.round, lane: input.lane };
    const found = await repo.findOne({ where, lock: { mode: 'pessimistic_write' } });
    if (found) return found;
    await repo.insert({ ...where, versionNumber: input.versionNumber, groupId: null, groupName: null, quorumRule: 'any', required: 1 });
    return repo.findOneOrFail({ where, lock: { mode: 'pessimistic_write' } });
  }
}

