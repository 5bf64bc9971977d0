import type { ContentItemSummary, ListContentItemsQuery } from '@vetted/contracts';
import type { EntityManager } from 'typeorm';
import { unsupportedStatementsCount } from '../detection/unsupported-statements.sql.js';

/**
 * The list of content items as summaries, in two plain statements (a page and, when the page does not
 * tell, a count): the calendar reads a month of these at a time, so no entity hydration, no snapshot,
 * no version list. The review columns are read from review's `item_review` (a read, never a write).
 */
const SUMMARY_COLUMNS = `i.id, i.title, i.format, r.status, i.planned_at, i.channels, i.segments, i.owner_id, i.co_owner_ids,
       i.product, i.market, i.language, i.source_item_id, i.series_id, i.episode_number, i.claim_ids, r.fast_track,
       r.required_lanes, r.due_at, i.current_version, r.round, r.submitted_at, r.approved_at, r.expires_at, i.created_at, i.updated_at,
       ${unsupportedStatementsCount('i.id', 'i.current_version')} as unsupported_statements`;

interface SummaryRow {
  id: string;
  title: string;
  format: ContentItemSummary['format'];
  status: ContentItemSummary['status'];
  planned_at: Date;
  channels: string[];
  segments: string[];
  owner_id: string;
  co_owner_ids: string[];
  product: string | null;
  market: string | null;
  language: string | null;
  source_item_id: string | null;
  series_id: string | null;
  episode_number: number | null;
  claim_ids: string[];
  fast_track: boolean;
  required_lanes: ContentItemSummary['requiredLanes'];
  due_at: Date | null;
  current_version: number | null;
  round: number;
  submitted_at: Date | null;
  approved_at: Date | null;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  unsupported_statements: number;
}

export interface SummaryPage {
  items: ContentItemSummary[];
  total: number;
}

/** The statements of a page of summaries: exported so the bench's raw baseline sends exactly these. */
export function summaryPageStatements(query: ListContentItemsQuery, guestItemIds?: readonly string[]): { page: string; count: string; params: unknown[] } {
  const { where, params } = filtersOf(query, guestItemIds);
  // Every item has its review row (made in the transaction that creates the item): the count needs the join only to filter on status.
  const countFrom = query.status ? 'content_item i join item_review r on r.item_id = i.id' : 'content_item i';
  const offset = (query.page - 1) * query.pageSize;
  return {
    page: `select ${SUMMARY_COLUMNS}
             from content_item i join item_review r on r.item_id = i.id
            ${where}
            order by i.planned_at, i.id
            limit ${query.pageSize} offset ${offset}`,
    count: `select count(*) as n from ${countFrom} ${where}`,
    params,
  };
}

/** A short page that is not past the end says how many match: no count needed (most calendar months). */
export function totalFromPage(query: Pick<ListContentItemsQuery, 'page' | 'pageSize'>, rows: number): number | null {
  const offset = (query.page - 1) * query.pageSize;
  return rows < query.pageSize && (rows > 0 || offset === 0) ? offset + rows : null;
}

/** `guestItemIds`: an agency guest lists the items they are invited to and nothing else. */
export async function listContentItemSummaries(manager: EntityManager, query: ListContentItemsQuery, guestItemIds?: readonly string[]): Promise<SummaryPage> {
  const statements = summaryPageStatements(query, guestItemIds);
  const rows = (await manager.query(statements.page, statements.params)) as SummaryRow[];
  const total = totalFromPage(query, rows.length) ?? Number(((await manager.query(statements.count, statements.params)) as Array<{ n: string }>)[0].n);
  return { items: rows.map(toSummary), total };
}

function filtersOf(query: ListContentItemsQuery, guestItemIds: readonly string[] | undefined): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (guestItemIds) add((p) => `i.id = any(${p}::uuid[])`, guestItemIds);
  if (query.status) add((p) => `r.status = ${p}`, query.status);
  if (query.from) add((p) => `i.planned_at >= ${p}`, query.from);
  if (query.to) add((p) => `i.planned_at < ${p}`, query.to);
  if (query.format) add((p) => `i.format = ${p}`, query.format);
  if (query.segment) add((p) => `${p} = any(i.segments)`, query.segment);
  if (query.channel) add((p) => `${p} = any(i.channels)`, query.channel);
  if (query.seriesId) add((p) => `i.series_id = ${p}`, query.seriesId);
  if (query.product) add((p) => `i.product = ${p}`, query.product);
  if (query.market) add((p) => `i.market = ${p}`, query.market);
  if (query.language) add((p) => `i.language = ${p}`, query.language);
  return { where: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(r: SummaryRow): ContentItemSummary {
  return {
    id: r.id,
    title: r.title,
    format: r.format,
    status: r.status,
    plannedAt: r.planned_at.toISOString(),
    channels: r.channels,
    segments: r.segments,
    ownerId: r.owner_id,
    coOwnerIds: r.co_owner_ids,
    product: r.product,
    market: r.market,
    language: r.language,
    sourceItemId: r.source_item_id,
    seriesId: r.series_id,
    episodeNumber: r.episode_number,
    claimIds: r.claim_ids,
    fastTrack: r.fast_track,
    requiredLanes: r.required_lanes,
    dueAt: iso(r.due_at),
    currentVersion: r.current_version,
    round: r.round,
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
    expiresAt: iso(r.expires_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    unsupportedStatements: r.unsupported_statements,
  };
}
