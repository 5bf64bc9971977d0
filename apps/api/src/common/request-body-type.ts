import type { FastifyInstance } from 'fastify';
import { replyWithApiError } from './api-error-reply.js';

/** The only bodies the API reads. A form post (urlencoded, text/plain) is what a cross-site page can send without asking. */
const ACCEPTED_BODY_TYPES = new Set(['application/json', 'multipart/form-data']);

/**
 * 415 for a request body that is neither JSON nor multipart, before any parser reads it (Nest's Fastify
 * adapter parses urlencoded bodies too, which is how a plain HTML form created an admin). Body-less
 * requests (POST …/submit) stay valid whatever Content-Type they name.
 */
export function installBodyTypeCheck(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const length = request.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return done();
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (ACCEPTED_BODY_TYPES.has(type)) return done();
    void replyWithApiError(
      reply,
      415,
      `A request body must be application/json or multipart/form-data, not ${type ? `"${type.slice(0, 100)}"` : 'an unnamed type'}`,
      'unsupported_content_type',
    );
  });
}
