import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The web app's policy: scripts, styles and fonts only from our own origin (the Vite build has no
 * inline script), media and images from our origin (plus data:/blob: for previews), no plugins,
 * never framed (clickjacking a signature dialog is the attack this stops).
 */
const APP_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI's page carries an inline <style> and data: icons; its scripts are still files of ours. */
const DOCS_CSP = serialize({ ...APP_CSP, 'style-src': ["'self'", "'unsafe-inline'"] });

/**
 * Security headers on every response (API JSON, file streams, the web app, errors, 404s): a strict
 * CSP, frame-ancestors 'none' and X-Frame-Options DENY, nosniff, no referrer leaving the product.
 */
export async function installSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    // Plain http on localhost is a supported set-up: helmet's default upgrade-insecure-requests would break it.
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      // helmet wrote its headers on the raw response; this replaces only the CSP, for the docs pages.
      const path = request.url.split('?')[0];
      if (path === '/api/docs' || path.startsWith('/api/docs/')) reply.raw.setHeader('Content-Security-Policy', DOCS_CSP);
      done();
    });
}

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
