// A fake API at the network edge for component tests: `fetch` answers from a list of routes with
// the bodies the contracts describe, and records every request so a test can check what was sent.
export interface FakeRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeServer {
  requests: FakeRequest[];
  on(method: string, path: string | RegExp, handler: Handler | FakeAnswer): FakeServer;
}

/** Installs the fake as `fetch` for the current test; unknown routes answer 404 like the API would. */
export function fakeServer(): FakeServer {
  const routes: Array<{ method: string; path: string | RegExp; handler: Handler }> = [];
  const requests: FakeRequest[] = [];
  const server: FakeServer = {
    requests,
    on(method, path, handler) {
      // Later routes win, so a test can override what its setup declared.
      routes.unshift({ method, path, handler: typeof handler === 'function' ? handler : () => handler });
      return server;
    },
  };
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : (init.body ?? undefined);
    const request: FakeRequest = { method, path: url.pathname, search: url.searchParams, body };
    requests.push(request);
    const route = routes.find((r) => r.method === method && (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)));
    const answer = route ? await route.handler(request) : { status: 404, body: { statusCode: 404, error: 'Not Found', message: `${method} ${url.pathname} is not faked` } };
    return responseOf(answer);
  }) as typeof fetch;
  return server;
}

function responseOf({ status = 200, body, headers = {} }: FakeAnswer): Response {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower.get(name.toLowerCase()) ?? null },
    json: async () => (body === undefined ? Promise.reject(new SyntaxError('no body')) : structuredClone(body)),
  } as unknown as Response;
}
