import type { INestApplication } from '@nestjs/common';
import type { CommentAnchor, ContentItem, ReviewLane, SessionUser } from '@vetted/contracts';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ContentService } from '../content/content.service.js';
import { CommentsService } from '../review/comments.service.js';
import { ReviewService } from '../review/review.service.js';
import { demoInstant } from './demo-calendar.js';
import { DEMO_PRODUCT } from './demo-claims.js';
import type { DemoFile } from './demo-media.js';
import type { DemoMediaLibrary } from './demo-media-library.js';
import type { DemoItem, DemoStage } from './demo-plan.js';

const IP = '127.0.0.1';
const APPROVED_STAGES: readonly DemoStage[] = ['approved', 'revision', 'withdrawn', 'expired', 'periodic_review', 'retired'];

/**
 * Takes each demo item as far as its stage through the same services the API uses, so every
 * signature is verified against the reviewer's password and every step is in the audit trail.
 */
export class DemoSeeder {
  private readonly content: ContentService;
  private readonly review: ReviewService;
  private readonly comments: CommentsService;
  private readonly dataSource: DataSource;

  constructor(
    app: INestApplication,
    private readonly users: Record<string, SessionUser>,
    private readonly password: string,
    private readonly media: DemoMediaLibrary,
    private readonly today: Date,
    /** The claims library's ids by code: the plan names claims as people do. */
    private readonly claimIds: Record<string, string>,
  ) {
    this.content = app.get(ContentService);
    this.review = app.get(ReviewService);
    this.comments = app.get(CommentsService);
    this.dataSource = app.get(DataSource);
  }

  async plan(p: DemoItem, links: { seriesId?: string; sourceItemId?: string } = {}): Promise<ContentItem> {
    const editor = this.users.editor;
    const created = await this.content.create(
      {
        title: p.title,
        format: p.format,
        plannedAt: demoInstant(p.when, this.today, p.hour ?? 8),
        channels: p.channels,
        segments: p.segments,
        claimIds: p.claimIds.map((code) => this.claimIds[code]),
        description: p.description,
        product: DEMO_PRODUCT,
        language: 'fr',
        ...(p.market ? { market: p.market } : {}),
        ...links,
      },
      editor,
    );
    const file = p.media ? await this.media.file(p, 1) : null;
    if (p.stage === 'planned' || !file) return created;
    const versionId = await this.upload(created.id, file, 'Première version');
    if (p.stage === 'draft') return created;
    let item = await this.review.submit(created.id, editor);
    const decide = async (lane: ReviewLane, decision: 'approve' | 'request_changes' | 'approve_with_changes', comment?: string) =>
      (item = await this.review.decide(item.id, { lane, decision, versionId, comment, password: this.password }, this.users[lane], IP));
    const lanes = item.requiredLanes;

    if (p.stage === 'in_review' && lanes.includes('marketing')) {
      await decide('marketing', 'approve');
      await this.comment(item, p, 'medical', 'La référence de l’étude doit figurer en toutes lettres sous le graphique.');
    } else if (p.stage === 'changes_requested') {
      await this.comment(item, p, 'medical', 'Le chiffre de 26 % est une réduction relative : le préciser, et donner la réduction absolue.', 'Corrigé dans la prochaine version, merci.');
      await decide('marketing', 'approve');
      await decide('medical', 'request_changes', 'Préciser « réduction relative » et ajouter la réduction absolue du risque (référence CARDIO-FICT).');
    } else if (p.stage === 'approved_with_changes') {
      await decide('marketing', 'approve');
      await decide('medical', 'approve_with_changes', 'Approuvé sous réserve : ajouter la mention « étude fictive » dans le dernier plan.');
      await decide('regulatory', 'approve');
    } else if (APPROVED_STAGES.includes(p.stage)) {
      for (const lane of lanes) await decide(lane, 'approve');
    }
    if (p.stage === 'revision') {
      const v2 = await this.media.file(p, 2);
      if (v2) {
        await this.upload(item.id, v2, 'Version 2 : plan final raccourci, mentions mises à jour');
        item = await this.review.submit(item.id, editor);
      }
    } else if (p.stage === 'withdrawn') {
      item = await this.review.withdraw(item.id, { reason: 'Mise à jour des données de sécurité : ne plus diffuser.', versionId, password: this.password }, this.users.regulatory, IP);
    } else if (p.stage === 'expired') {
      await this.expiresIn(item.id, -3);
      await this.review.expireDue();
    } else if (p.stage === 'periodic_review' || p.stage === 'retired') {
      await this.expiresIn(item.id, p.stage === 'retired' ? 20 : 40);
      await this.review.openDuePeriodicReviews();
      if (p.stage === 'retired') {
        item = await this.review.periodicReview(item.id, { decision: 'retire', versionId, comment: 'Remplacée par la nouvelle fiche tensiomètre.', password: this.password }, this.users.medical, IP);
      }
    }
    return item;
  }

  /**
   * The one thing the demo cannot do through the services is let two years pass: it moves the
   * approval's expiry date, and the real expiry and periodic-review jobs take it from there.
   */
  private async expiresIn(itemId: string, days: number): Promise<void> {
    await this.dataSource.query(`update item_review set expires_at = now() + make_interval(days => $2) where item_id = $1`, [itemId, days]);
  }

  /** A reviewer's comment pinned where it applies (a region of an image, a moment of a recording), with the editor's reply if given. */
  private async comment(item: ContentItem, p: DemoItem, from: ReviewLane, body: string, reply?: string): Promise<void> {
    const anchor: CommentAnchor | undefined =
      p.media === 'video' || p.media === 'podcast' ? { kind: 'time', seconds: p.media === 'video' ? 6 : 3 } : p.media === 'png' ? { kind: 'region', x: 0.08, y: 0.33, width: 0.84, height: 0.36 } : undefined;
    const thread = await this.comments.start(item.id, { versionNumber: item.currentVersion ?? 1, body, anchor }, this.users[from]);
    if (reply) await this.comments.reply(item.id, thread.id, reply, this.users.editor);
  }

  private async upload(itemId: string, file: DemoFile, note: string): Promise<string> {
    const tempPath = path.join(os.tmpdir(), `vetted-demo-${itemId}-${file.filename}`);
    await fs.writeFile(tempPath, file.data);
    try {
      const version = await this.content.addVersion(
        itemId,
        {
          tempPath,
          filename: file.filename,
          declaredMimeType: file.mimeType,
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          fields: {},
          discard: () => fs.rm(tempPath, { force: true }),
        },
        note,
        this.users.editor,
      );
      return version.id;
    } finally {
      await fs.rm(tempPath, { force: true });
    }
  }
}
