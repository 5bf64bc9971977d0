import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renditions for every accepted type: a video's poster and MP4 preview, an audio file's waveform,
 * a PDF's page images. Versions stored before are queued again, so their previews appear too.
 */
export class MediaRenditions1796288749563 implements MigrationInterface {
  name = 'MediaRenditions1796288749563';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table asset_rendition add column poster_key text`);
    await q.query(`alter table asset_rendition add column preview_mime_type text`);
    await q.query(`alter table asset_rendition add column page_keys text[] not null default '{}'`);
    await q.query(`alter table asset_rendition add column page_count int check (page_count >= 0)`);
    await q.query(`update asset_rendition set preview_mime_type = 'image/webp' where preview_key is not null`);
    await q.query(`
      update asset_rendition set status = 'pending', attempts = 0, error = null, updated_at = now()
       where (status = 'not_applicable' and (mime_type like 'video/%' or mime_type like 'audio/%'))
          or (mime_type = 'application/pdf' and status in ('ready', 'failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`update asset_rendition set status = 'not_applicable', thumbnail_key = null, preview_key = null where mime_type like 'video/%' or mime_type like 'audio/%'`);
    await q.query(`update asset_rendition set preview_key = null where mime_type = 'application/pdf'`);
    await q.query(`alter table asset_rendition drop column page_count, drop column page_keys, drop column preview_mime_type, drop column poster_key`);
  }
}
