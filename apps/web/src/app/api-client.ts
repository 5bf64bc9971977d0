// The one way the web talks to the API: JSON over fetch with the session cookie, errors turned
// into ApiRequestError carrying the server's message, and a 401 anywhere sending the user to sign in.
import type { ApiError, ApiErrorCode } from '@vetted/contracts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait before retrying, from Retry-After (login throttling answers 429). */
    readonly retryAfterSeconds?: number,
    /** Set for errors the web explains in the user's language (see components/error-message.tsx). */
    readonly code?: ApiErrorCode,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => undefined;

/** The app registers what a 401 does (forget the session, go to /login); kept here so fetchers stay plain. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export function notifyUnauthorized(): void {
  onUnauthorized();
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** For login and the session probe: a 401 is an answer there, not an expired session. */
  expectUnauthorized?: boolean;
}

export function buildApiUrl(path: string, query?: ApiRequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, expectUnauthorized = false } = options;
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = toApiRequestError(response.status, payload, response.headers.get('Retry-After'));
    if (response.status === 401 && !expectUnauthorized) notifyUnauthorized();
    throw error;
  }
  return payload as T;
}

/** Turns an error answer into ApiRequestError; the server's `message` is what the user reads. */
export function toApiRequestError(status: number, payload: unknown, retryAfter?: string | null): ApiRequestError {
  const body = isApiError(payload) ? payload : undefined;
  const seconds = retryAfter ? Number.parseInt(retryAfter, 10) : Number.NaN;
  return new ApiRequestError(status, body?.message ?? `HTTP ${status}`, body?.details, Number.isFinite(seconds) ? seconds : undefined, body?.code);
}

function isApiError(payload: unknown): payload is ApiError {
  return typeof payload === 'object' && payload !== null && typeof (payload as { message?: unknown }).message === 'string';
}
