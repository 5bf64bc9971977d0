import { Injectable } from '@nestjs/common';
import type { LaneMember, LaneProgressByLane, QuorumRule, ReviewDecision, ReviewLane, TaskClosedReason, TaskStatus } from '@vetted/contracts';
import type { EntityManager } from 'typeorm';
import { OutOfOfficeService } from '../identity/out-of-office.service.js';

interface Row {
  item_id: string;
  lane: ReviewLane;
  required: number;
  quorum_rule: QuorumRule;
  group_id: string | null;
  group_name: string | null;
  task_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  status: TaskStatus | null;
  decision: ReviewDecision | null;
  closed_at: Date | null;
  closed_reason: TaskClosedReason | null;
  decided_by: string | null;
  decided_by_name: string | null;
}

/**
 * Each lane's quorum in an item's latest round, as the item view shows it: approvals counted,
 * approvals required, and every member with their decision and who covers them now.
 */
@Injectable()
export class LaneProgressReader {
  constructor(private readonly absences: OutOfOfficeService) {}

  async forItems(manager: EntityManager, itemIds: readonly string[]): Promise<Map<string, LaneProgressByLane>> {
    if (itemIds.length === 0) return new Map();
    // Names are identity's; this reads them for display, as reports do.
    const rows = (await manager.query(
      `select a.item_id, a.lane, a.required, a.quorum_rule, a.group_id, a.group_name,
              t.id as task_id, t.assignee_id, u.name as assignee_name, t.status, t.decision, t.closed_at, t.closed_reason,
              t.decided_by, d.name as decided_by_name
         from review_lane_assignment a
         join item_review r on r.item_id = a.item_id and r.round = a.round
         left join review_task t on t.item_id = a.item_id and t.round = a.round and t.lane = a.lane
         left join app_user u on u.id = t.assignee_id
         left join app_user d on d.id = t.decided_by
        where a.item_id = any($1::uuid[])
        order by a.item_id, a.lane, u.name, t.id`,
      [itemIds],
    )) as Row[];
    const open = [...new Set(rows.filter((r) => r.status === 'open' && r.assignee_id).map((r) => r.assignee_id as string))];
    const cover = await this.absences.activeDelegatesOf(open, manager);
    const byItem = new Map<string, LaneProgressByLane>();
    for (const r of rows) {
      const lanes = byItem.get(r.item_id) ?? {};
      byItem.set(r.item_id, lanes);
      const progress = (lanes[r.lane] ??= { approvals: 0, required: r.required, rule: r.quorum_rule, groupId: r.group_id, groupName: r.group_name, members: [] });
      if (!r.task_id || !r.assignee_id || !r.status) continue;
      if (r.decision === 'approve' || r.decision === 'approve_with_changes') progress.approvals += 1;
      const member: LaneMember = {
        id: r.assignee_id,
        name: r.assignee_name ?? '',
        taskId: r.task_id,
        taskStatus: r.status,
        decision: r.decision,
        decidedAt: r.status === 'done' ? (r.closed_at?.toISOString() ?? null) : null,
        decidedBy: r.decided_by && r.decided_by !== r.assignee_id ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
        closedReason: r.closed_reason,
        coveredBy: r.status === 'open' ? (cover.get(r.assignee_id) ?? null) : null,
      };
      progress.members.push(member);
    }
    return byItem;
  }
}
