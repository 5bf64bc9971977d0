import { z } from 'zod';

/** Where the text check read a piece of text: a PDF page, a video time code, a box (fractions of the page or image). */
export const textAnchorSchema = z.object({
  page: z.number().int().nullable(),
  seconds: z.number().nullable(),
  box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
});
export type TextAnchor = z.infer<typeof textAnchorSchema>;

/** pending: not read yet; done: read and matched; failed: could not be read (reason given); nothing_to_read: audio. */
export const TEXT_CHECK_STATUSES = ['pending', 'done', 'failed', 'nothing_to_read'] as const;
export const textCheckStatusSchema = z.enum(TEXT_CHECK_STATUSES);
export type TextCheckStatus = z.infer<typeof textCheckStatusSchema>;

export const TEXT_CHECK_LINK_KINDS = ['auto', 'suggested', 'accepted', 'rejected'] as const;
export const textCheckLinkKindSchema = z.enum(TEXT_CHECK_LINK_KINDS);
export type TextCheckLinkKind = z.infer<typeof textCheckLinkKindSchema>;

export const textCheckLinkSchema = z.object({
  id: z.uuid(),
  claimId: z.uuid(),
  code: z.string(),
  kind: textCheckLinkKindSchema,
  /** The words as read in the file. */
  text: z.string(),
  anchor: textAnchorSchema,
  similarity: z.number(),
});
export type TextCheckLink = z.infer<typeof textCheckLinkSchema>;

export const unsupportedStatementSchema = z.object({ id: z.uuid(), text: z.string(), anchor: textAnchorSchema });
export type UnsupportedStatement = z.infer<typeof unsupportedStatementSchema>;

export const textCheckSchema = z.object({
  status: textCheckStatusSchema,
  /** Why it failed, why there is nothing to read, or (done) what was left unread, e.g. a video past its frame cap; null otherwise. */
  reason: z.string().nullable(),
  links: z.array(textCheckLinkSchema),
  unsupported: z.array(unsupportedStatementSchema),
});
export type TextCheck = z.infer<typeof textCheckSchema>;

/** A medical reviewer's answer to a suggested link (or a change of mind on one already answered). */
export const decideTextCheckLinkSchema = z.object({ decision: z.enum(['accept', 'reject']) }).strict();
export type DecideTextCheckLinkRequest = z.infer<typeof decideTextCheckLinkSchema>;

/** What an item's views show of the latest version's text check: counts only (the detail has its own route). */
export const textCheckSummarySchema = z.object({
  status: textCheckStatusSchema,
  /** Automatic and accepted links. */
  links: z.number().int(),
  suggested: z.number().int(),
  unsupported: z.number().int(),
});
export type TextCheckSummary = z.infer<typeof textCheckSummarySchema>;
