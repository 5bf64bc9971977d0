import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newItem, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

function directives(csp: string | null): Record<string, string> {
  return Object.fromEntries((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('security headers on every response', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    // A stand-in for apps/web/dist, so `/` and client-side routes are served as in production.
    webDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-web-'));
    await fs.writeFile(path.join(webDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    t = await createTestApp({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(webDir, { recursive: true, force: true });
  });

  it('sends a strict CSP (no inline script, never framed), nosniff, X-Frame-Options and Referrer-Policy on the web app, the API and errors', async () => {
    const editor = await t.newUser(['editor']);
    const responses = {
      web: await fetch(`${t.baseUrl}/`),
      clientRoute: await fetch(`${t.baseUrl}/calendar`),
      api: await fetch(`${t.baseUrl}/api/health`),
      apiError: await fetch(`${t.baseUrl}/api/content-items`),
      unknownApi: await fetch(`${t.baseUrl}/api/nope`),
      signedIn: await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${editor.token}` } }),
    };
    for (const [name, res] of Object.entries(responses)) {
      const csp = directives(res.headers.get('content-security-policy'));
      expect({ name, scriptSrc: csp['script-src'], frameAncestors: csp['frame-ancestors'], objectSrc: csp['object-src'], defaultSrc: csp['default-src'] }).toEqual({
        name,
        scriptSrc: "'self'",
        frameAncestors: "'none'",
        objectSrc: "'none'",
        defaultSrc: "'self'",
      });
      expect({ name, nosniff: res.headers.get('x-content-type-options'), frame: res.headers.get('x-frame-options'), referrer: res.headers.get('referrer-policy') }).toEqual({
        name,
        nosniff: 'nosniff',
        frame: 'DENY',
        referrer: 'no-referrer',
      });
    }
    expect(responses.web.status).toBe(200);
    expect(responses.apiError.status).toBe(401);
  });

  it('sends nosniff and the CSP on file streams under /versions/* (a file must never be sniffed into HTML)', async () => {
    const editor = await t.newUser(['editor']);
    const item = await newItem(t, editor);
    await uploadVersion(t, editor, item.id);
    const res = await fetch(`${t.baseUrl}/api/content-items/${item.id}/versions/1/original`, { headers: { authorization: `Bearer ${editor.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(directives(res.headers.get('content-security-policy'))['frame-ancestors']).toBe("'none'");
  });

  it('gives Swagger UI at /api/docs only the relaxation it needs (inline styles), still no inline script and never framed', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['style-src']).toBe("'self' 'unsafe-inline'");
    expect(csp['script-src']).toBe("'self'");
    expect(csp['frame-ancestors']).toBe("'none'");
    const html = await res.text();
    // Every script of the docs page is a file, so script-src 'self' lets it run.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
    expect((await fetch(`${t.baseUrl}/api/docs-json`)).headers.get('x-content-type-options')).toBe('nosniff');
  });
});
