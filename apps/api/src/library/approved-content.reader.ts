import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REVISION_STATUSES, type ContentFormat, type LibraryItem, type LibraryItemList, type LibraryQuery } from '@vetted/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../infra/database/escape-like.js';

/** Where the approved bytes are, and what they must hash to. */
export interface ApprovedFile {
  itemId: string;
  versionNumber: number;
  storageKey: string;
  sha256: string;
  filename: string;
  mimeType: string;
  size: number;
}

// Folds accents without the unaccent extension (managed databases may not offer it): translate()
// is built in, and reps type "medicament" for "médicament".
const ACCENTED = 'áàâäãåçéèêëíìîïñóòôöõúùûüýÿÁÀÂÄÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY';

// The approved version is the one the reviewers signed (the review names it), and its bytes must
// still hash to what they signed. It stays in use while a revision of it is reviewed.
const APPROVED = `
  from item_review r
  join content_item i on i.id = r.item_id
  join content_version v on v.id = r.approved_version_id and v.sha256 = r.approved_sha256
  where r.status in ('approved', ${REVISION_STATUSES.map((s) => `'${s}'`).join(', ')}) and r.expires_at > now()`;

const COLUMNS = `i.id, i.title, i.description, i.format, i.channels, i.segments, i.product, i.market, i.language, r.approved_at, r.expires_at,
  v.number, v.filename, v.mime_type, v.size, v.sha256`;

/**
 * What the library may read: approved, unexpired items with their approved version, and nothing
 * else (no drafts, no review state). Content and review own these tables; this only reads them.
 */
@Injectable()
export class ApprovedContentReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: LibraryQuery, markets: Markets): Promise<LibraryItemList> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (markets) where.push(`(i.market is null or i.market = any(${param(markets)}::text[]))`);
    if (query.market) where.push(`i.market = ${param(query.market)}`);
    for (const word of searchWords(query.q)) {
      const pattern = param(`%${escapeLike(word)}%`);
      where.push(`(translate(i.title, '${ACCENTED}', '${PLAIN}') ilike ${pattern}
                   or translate(coalesce(i.description, ''), '${ACCENTED}', '${PLAIN}') ilike ${pattern})`);
    }
    if (query.format) where.push(`i.format = ${param(query.format)}`);
    if (query.segment) where.push(`${param(query.segment)} = any(i.segments)`);
    if (query.channel) where.push(`${param(query.channel)} = any(i.channels)`);
    const filter = `${APPROVED}${where.map((w) => ` and ${w}`).join('')}`;
    const limit = param(query.limit);
    const offset = param(query.offset);
    const rows = (await this.dataSource.query(
      `select ${COLUMNS}, count(*) over () as total ${filter} order by r.approved_at desc, i.id limit ${limit} offset ${offset}`,
      params,
    )) as Array<ApprovedRow & { total: string }>;
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(filter, params.slice(0, -2));
    return { items: rows.map(toLibraryItem), total };
  }

  /**
   * One approved, unexpired item, or null. Given a transaction, the item row is held FOR SHARE until
   * it ends, so a withdrawal cannot slip in between this check and what the caller records.
   */
  async find(itemId: string, markets: Markets, tx?: EntityManager): Promise<LibraryItem | null> {
    const lock = tx ? ' for share of r' : '';
    const [row] = (await (tx ?? this.dataSource.manager).query(`select ${COLUMNS} ${APPROVED} and i.id = $1 ${MARKET_FILTER}${lock}`, [
      itemId,
      markets,
    ])) as ApprovedRow[];
    return row ? toLibraryItem(row) : null;
  }

  async approvedFile(itemId: string, markets: Markets): Promise<ApprovedFile | null> {
    const [row] = (await this.dataSource.query(
      `select i.id, v.number, v.storage_key, v.sha256, v.filename, v.mime_type, v.size ${APPROVED} and i.id = $1 ${MARKET_FILTER}`,
      [itemId, markets],
    )) as Array<{ id: string; number: number; storage_key: string; sha256: string; filename: string; mime_type: string; size: string }>;
    if (!row) return null;
    return { itemId: row.id, versionNumber: row.number, storageKey: row.storage_key, sha256: row.sha256, filename: row.filename, mimeType: row.mime_type, size: Number(row.size) };
  }

  /** Titles and formats of items whatever their state now: share reports outlive an approval. */
  async describe(itemIds: readonly string[]): Promise<Map<string, { title: string; format: ContentFormat }>> {
    if (itemIds.length === 0) return new Map();
    const rows = (await this.dataSource.query('select id, title, format from content_item where id = any($1::uuid[])', [itemIds])) as Array<{
      id: string;
      title: string;
      format: ContentFormat;
    }>;
    return new Map(rows.map((r) => [r.id, { title: r.title, format: r.format }]));
  }

  private async count(filter: string, params: unknown[]): Promise<number> {
    const [{ total }] = (await this.dataSource.query(`select count(*) as total ${filter}`, params)) as Array<{ total: string }>;
    return Number(total);
  }
}

/** The markets whose material the viewer may see besides market-less material; null: every market (staff). */
export type Markets = readonly string[] | null;

const MARKET_FILTER = `and ($2::text[] is null or i.market is null or i.market = any($2::text[]))`;

interface ApprovedRow {
  id: string;
  title: string;
  description: string | null;
  format: ContentFormat;
  channels: string[];
  segments: string[];
  product: string | null;
  market: string | null;
  language: string | null;
  approved_at: Date;
  expires_at: Date;
  number: number;
  filename: string;
  mime_type: string;
  size: string;
  sha256: string;
}

function toLibraryItem(r: ApprovedRow): LibraryItem {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    format: r.format,
    channels: r.channels,
    segments: r.segments,
    product: r.product,
    market: r.market,
    language: r.language,
    approvedAt: r.approved_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    version: { number: r.number, filename: r.filename, mimeType: r.mime_type, size: Number(r.size), sha256: r.sha256 },
  };
}

/** Words of the search, accents folded the same way as the columns; every word must match. */
function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
}
