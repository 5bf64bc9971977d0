// The share dialog's fields turned into the request: blanks dropped, checked by the contract's schema.
import { recordShareRequestSchema, shareFeedbackSchema, type RecordShareRequest, type ShareFeedback, type ShareFeedbackRequest, type ShareChannel } from '@vetted/contracts';

/** The doctor's reaction as the form holds it: blank means "not said". */
export interface ReactionForm {
  useful: '' | 'yes' | 'no';
  rating: '' | '1' | '2' | '3' | '4' | '5';
  comment: string;
}

export const NO_REACTION: ReactionForm = { useful: '', rating: '', comment: '' };

export interface ShareForm {
  channel: ShareChannel;
  audienceSegment: string;
  note: string;
  reaction?: ReactionForm;
}

export type ShareField = 'channel' | 'audienceSegment' | 'note' | 'feedback';

/** What was said of the reaction, or undefined when nothing was. */
export function toFeedback(reaction: ReactionForm | undefined): ShareFeedbackRequest | undefined {
  if (!reaction) return undefined;
  const feedback = {
    ...(reaction.useful ? { useful: reaction.useful === 'yes' } : {}),
    ...(reaction.rating ? { rating: Number(reaction.rating) } : {}),
    ...(reaction.comment.trim() ? { comment: reaction.comment.trim() } : {}),
  };
  return Object.keys(feedback).length ? feedback : undefined;
}

/** A recorded reaction back into the form, to correct it. */
export function reactionFormOf(feedback: ShareFeedback | null): ReactionForm {
  if (!feedback) return NO_REACTION;
  return {
    useful: feedback.useful === null ? '' : feedback.useful ? 'yes' : 'no',
    rating: feedback.rating === null ? '' : (String(feedback.rating) as ReactionForm['rating']),
    comment: feedback.comment ?? '',
  };
}

export function toShareRequest(form: ShareForm): { ok: true; request: RecordShareRequest } | { ok: false; invalid: ShareField[] } {
  const result = recordShareRequestSchema.safeParse({
    channel: form.channel,
    audienceSegment: form.audienceSegment.trim() || undefined,
    note: form.note.trim() || undefined,
    feedback: toFeedback(form.reaction),
  });
  if (result.success) return { ok: true, request: result.data };
  return { ok: false, invalid: [...new Set(result.error.issues.map((i) => i.path[0] as ShareField))] };
}

/** The reaction added later: at least one thing said, a comment within 500 characters. */
export function toFeedbackRequest(reaction: ReactionForm): { ok: true; request: ShareFeedbackRequest } | { ok: false } {
  const result = shareFeedbackSchema.safeParse(toFeedback(reaction) ?? {});
  return result.success ? { ok: true, request: result.data } : { ok: false };
}
