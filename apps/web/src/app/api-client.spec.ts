import { apiRequest, ApiRequestError, setUnauthorizedHandler } from './api-client';

// Native ESM jest has no global `jest.fn`; plain fakes are enough here.
let requests: Array<{ url: string; init: RequestInit | undefined }> = [];
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  globalThis.fetch = (async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  }) as typeof fetch;
}

describe('apiRequest', () => {
  let unauthorizedCalls = 0;
  beforeEach(() => {
    requests = [];
    unauthorizedCalls = 0;
    setUnauthorizedHandler(() => (unauthorizedCalls += 1));
  });

  it('throws the server message with its status', async () => {
    answer(409, { statusCode: 409, error: 'Conflict', message: 'The item is approved: only its planned date can change now.' });
    await expect(apiRequest('/content-items/x', { method: 'PATCH', body: {} })).rejects.toMatchObject({
      status: 409,
      message: 'The item is approved: only its planned date can change now.',
    });
  });

  it('sends the user to sign in on a 401, except where a 401 is the answer', async () => {
    answer(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' });
    await expect(apiRequest('/content-items')).rejects.toBeInstanceOf(ApiRequestError);
    expect(unauthorizedCalls).toBe(1);
    await expect(apiRequest('/auth/login', { method: 'POST', body: {}, expectUnauthorized: true })).rejects.toMatchObject({ status: 401 });
    expect(unauthorizedCalls).toBe(1);
  });

  it('reads Retry-After on throttled logins', async () => {
    answer(429, { statusCode: 429, error: 'Too Many Requests', message: 'Too many failed sign-ins' }, { 'Retry-After': '120' });
    await expect(apiRequest('/auth/login', { method: 'POST', body: {}, expectUnauthorized: true })).rejects.toMatchObject({ retryAfterSeconds: 120 });
  });

  it('sends query parameters without the empty ones and includes the session cookie', async () => {
    answer(200, { items: [], total: 0 });
    await apiRequest('/content-items', { query: { status: 'approved', format: undefined, segment: '' } });
    expect(requests).toEqual([{ url: '/api/content-items?status=approved', init: expect.objectContaining({ credentials: 'same-origin' }) }]);
  });
});
