import type { ApiError, ApiErrorCode } from '@vetted/contracts';
import type { FastifyReply } from 'fastify';

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 415: 'Unsupported Media Type' };

/** For Fastify hooks that refuse a request before Nest sees it: the same body the error filter sends. */
export function replyWithApiError(reply: FastifyReply, statusCode: number, message: string, code: ApiErrorCode): FastifyReply {
  const body: ApiError = { statusCode, error: REASONS[statusCode] ?? 'Error', message, code };
  return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
}
