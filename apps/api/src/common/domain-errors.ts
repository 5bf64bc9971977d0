import type { ApiErrorCode } from '@vetted/contracts';

/**
 * Domain errors: services throw these; the HTTP error filter maps them to status codes. Each carries
 * a stable code (contracts' API_ERROR_CODES) so clients can explain it in the user's language: the
 * thrower's precise one, else the default of its kind below.
 */
export abstract class DomainError extends Error {
  abstract readonly statusCode: number;
  constructor(
    message: string,
    readonly details?: unknown,
    readonly code?: ApiErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input is always a 400 with a stable code (`invalid_input` unless a more precise one applies). */
export class BadInputError extends DomainError {
  readonly statusCode = 400;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'invalid_input') {
    super(message, details, code);
  }
}
export class UnauthenticatedError extends DomainError {
  readonly statusCode = 401;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'session_required') {
    super(message, details, code);
  }
}
export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'forbidden') {
    super(message, details, code);
  }
}
export class NotFoundError extends DomainError {
  readonly statusCode = 404;
  constructor(what: string, id: string, details?: unknown, code: ApiErrorCode = 'not_found') {
    // `resource` names what was looked for in a stable form ("Content item" → content_item).
    super(`${what} ${id} was not found`, details ?? { resource: what.toLowerCase().replace(/\s+/g, '_'), id }, code);
  }
}
export class ConflictError extends DomainError {
  readonly statusCode = 409;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'state_conflict') {
    super(message, details, code);
  }
}
export class PayloadTooLargeError extends DomainError {
  readonly statusCode = 413;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'file_too_large') {
    super(message, details, code);
  }
}
export class UnsupportedMediaTypeError extends DomainError {
  readonly statusCode = 415;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'file_type_refused') {
    super(message, details, code);
  }
}
export class UnprocessableError extends DomainError {
  readonly statusCode = 422;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'file_rejected') {
    super(message, details, code);
  }
}
export class TooManyRequestsError extends DomainError {
  readonly statusCode = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds }, 'too_many_attempts');
  }
}
export class ServiceUnavailableError extends DomainError {
  readonly statusCode = 503;
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'storage_unavailable') {
    super(message, details, code);
  }
}
