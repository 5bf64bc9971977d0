import { z } from 'zod';

const fraction = z.number().min(0).max(1);

/** Where on a version a comment points: a rectangle of an image (fractions of its size) or a time in audio/video. */
export const commentAnchorSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('region'), x: fraction, y: fraction, width: fraction, height: fraction })
    .refine((r) => r.x + r.width <= 1 && r.y + r.height <= 1, 'the region must lie inside the image'),
  z.object({ kind: z.literal('time'), seconds: z.number().min(0).max(24 * 3600) }),
]);
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

const body = z.string().trim().min(1, 'the comment is empty').max(5000);

export const startThreadRequestSchema = z.object({
  versionNumber: z.number().int().positive(),
  body,
  anchor: commentAnchorSchema.optional(),
});
export type StartThreadRequest = z.infer<typeof startThreadRequestSchema>;

export const replyRequestSchema = z.object({ body });
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

export const commentThreadsQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });

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
