import { z } from 'zod';
import { INT32_MAX, queryInt, text } from './input-primitives.js';

const fraction = z.number().min(0).max(1);

/** Where on a version a comment points: a rectangle of an image (fractions of its size) or a time in audio/video. */
export const commentAnchorSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('region'), x: fraction, y: fraction, width: fraction, height: fraction })
    .refine((r) => r.x + r.width <= 1 && r.y + r.height <= 1, 'the region must lie inside the image'),
  z.object({ kind: z.literal('time'), seconds: z.number().min(0).max(24 * 3600) }),
]);
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

const body = text({ min: 1, minMessage: 'the comment is empty', max: 5000, multiline: true });

export const startThreadRequestSchema = z.object({
  versionNumber: z.number().int().positive().max(INT32_MAX),
  body,
  anchor: commentAnchorSchema.optional(),
});
export type StartThreadRequest = z.infer<typeof startThreadRequestSchema>;

export const replyRequestSchema = z.object({ body });
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

export const commentThreadsQuerySchema = z.strictObject({ version: queryInt({ min: 1, name: 'version' }).optional() });

export const commentSchema = z.object({ id: z.uuid(), authorId: z.string(), authorName: z.string(), body: z.string(), createdAt: z.string() });
export type Comment = z.infer<typeof commentSchema>;

export const commentThreadSchema = z.object({
  id: z.uuid(),
  versionNumber: z.number().int(),
  anchor: commentAnchorSchema.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  comments: z.array(commentSchema),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const commentThreadListSchema = z.object({ threads: z.array(commentThreadSchema) });
export type CommentThreadList = z.infer<typeof commentThreadListSchema>;
