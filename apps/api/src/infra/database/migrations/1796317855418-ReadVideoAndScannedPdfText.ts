import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The text check now reads video frames and OCRs scanned PDF pages: versions it could not read before
 * (videos marked nothing_to_read, PDFs in which no line was found) are queued again; the job reads them.
 */
export class ReadVideoAndScannedPdfText1796317855418 implements MigrationInterface {
  name = 'ReadVideoAndScannedPdfText1796317855418';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      update version_text set status = 'pending', reason = null, attempts = 0, claimed_at = null, updated_at = now()
      where (status = 'nothing_to_read' and mime_type like 'video/%')
         or (status = 'done' and mime_type = 'application/pdf' and jsonb_array_length(coalesce(lines, '[]'::jsonb)) = 0)`);
  }

  async down(): Promise<void> {
    // Re-reading is harmless and its findings are kept: nothing to undo.
  }
}
