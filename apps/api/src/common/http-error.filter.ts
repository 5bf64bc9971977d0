import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError } from '@vetted/contracts';
import type { FastifyReply } from 'fastify';
import { isDatabaseOutage } from '../infra/database/database-outage.js';
import { DomainError, TooManyRequestsError } from './domain-errors.js';

/** Seconds a client should wait after a database outage before trying again (recovery needs no restart). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** One error shape for every failure: {statusCode, error, message, details?}. A 500 means a bug and is logged. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isDatabaseOutage(exception)) {
      // An outage, not a bug: 503 with a stable code, so clients and load balancers retry instead of reporting.
      this.logger.warn(`database unavailable: ${(exception as Error)?.message ?? String(exception)}`);
      void reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      void reply.status(503).send({
        statusCode: 503,
        error: reason(503),
        message: `The database is unavailable right now. Try again in a few seconds; if this was a change, check whether it was saved.`,
        code: 'database_unavailable',
      } satisfies ApiError);
      return;
    }
    const body = this.toBody(exception);
    if (exception instanceof TooManyRequestsError) void reply.header('Retry-After', String(exception.retryAfterSeconds));
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception);
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof DomainError) {
      const body: ApiError = { statusCode: exception.statusCode, error: reason(exception.statusCode), message: exception.message, ...(exception.code ? { code: exception.code } : {}) };
      return withDetails(body, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      // Nest's own pipes (ParseUUIDPipe) refuse bad path segments with a plain 400.
      return { statusCode: status, error: reason(status), message, ...(status === 400 ? { code: 'invalid_input' as const } : {}) };
    }
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type) carry a usable message.
      const code = fastifyStatus === 400 ? 'invalid_input' : fastifyStatus === 415 ? 'unsupported_content_type' : undefined;
      return { statusCode: fastifyStatus, error: reason(fastifyStatus), message: (exception as Error).message, ...(code ? { code } : {}) };
    }
    return { statusCode: 500, error: reason(500), message: 'An unexpected error occurred; it has been logged.' };
  }
}

function reason(status: number): string {
  return REASONS[status] ?? 'Error';
}

function withDetails(body: ApiError, details: unknown): ApiError {
  return details === undefined ? body : { ...body, details };
}
