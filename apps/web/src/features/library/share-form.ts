// The share dialog's fields turned into the request: blanks dropped, checked by the contract's schema.
import { recordShareRequestSchema, type RecordShareRequest, type ShareChannel } from '@vetted/contracts';

export interface ShareForm {
  channel: ShareChannel;
  audienceSegment: string;
  note: string;
}

export type ShareField = keyof ShareForm;

export function toShareRequest(form: ShareForm): { ok: true; request: RecordShareRequest } | { ok: false; invalid: ShareField[] } {
  const result = recordShareRequestSchema.safeParse({
    channel: form.channel,
    audienceSegment: form.audienceSegment.trim() || undefined,
    note: form.note.trim() || undefined,
  });
  if (result.success) return { ok: true, request: result.data };
  return { ok: false, invalid: [...new Set(result.error.issues.map((i) => i.path[0] as ShareField))] };
}
