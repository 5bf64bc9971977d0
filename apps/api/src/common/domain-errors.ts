import type { ApiErrorCode } from '@vetted/contracts';

/** Domain errors: services throw these; the HTTP error filter maps them to status codes. */
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
}
export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
}
export class NotFoundError extends DomainError {
  readonly statusCode = 404;
  constructor(what: string, id: string, details?: unknown, code?: ApiErrorCode) {
    super(`${what} ${id} was not found`, details, code);
  }
}
export class ConflictError extends DomainError {
  readonly statusCode = 409;
}
export class PayloadTooLargeError extends DomainError {
  readonly statusCode = 413;
}
export class UnsupportedMediaTypeError extends DomainError {
  readonly statusCode = 415;
}
export class UnprocessableError extends DomainError {
  readonly statusCode = 422;
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
}
