import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';

export interface GateCredentials {
  accessKey: string;
  secretKey: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Form fields before the file part: a few KiB in practice. More than this and the request is refused. */
const MAX_FORM_PREFIX_BYTES = 256 * 1024;
/** Form fields that a POST policy does not have to name (AWS rules). */
const UNSIGNED_FORM_FIELDS = new Set(['policy', 'x-amz-signature', 'file']);

/**
 * s3rver checks a signature when a request carries one, but lets a request that carries none through as
 * anonymous, and ignores browser POST policies altogether (key, size, expiry, signature). In front of it:
 * - a request must carry an AWS Signature V4, in the Authorization header or as presigned query
 *   parameters, which s3rver then verifies against the key pair (mismatch, unknown key, expiry: 403);
 * - a browser POST upload (multipart form to the bucket) must carry a POST policy signed with our secret,
 *   not expired, whose conditions hold for every field sent before the file; checked here, before any
 *   byte reaches s3rver;
 * - anything else answers 403 AccessDenied. Only CORS preflights (OPTIONS, which read or write nothing)
 *   pass unsigned.
 */
export function signatureGate(inner: Handler, credentials: GateCredentials): Handler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://embedded-s3');
    if (req.method === 'OPTIONS') return inner(req, res);
    const authorization = req.headers.authorization;
    if (authorization !== undefined || url.searchParams.has('X-Amz-Algorithm') || url.searchParams.has('Signature')) {
      // SigV2 (which s3rver also accepts) is refused: only the scheme the clients use.
      const v4 = authorization !== undefined ? /^AWS4-HMAC-SHA256 /.test(authorization) : url.searchParams.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256' && !url.searchParams.has('Signature');
      if (!v4) return refuse(req, res, 403, 'AccessDenied', 'Only AWS Signature Version 4 is accepted');
      return inner(req, res);
    }
    const bucket = /^\/([^/?]+)\/?$/.exec(url.pathname)?.[1];
    if (req.method === 'POST' && bucket && url.search === '' && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      return postUpload(req, res, inner, credentials, decodeURIComponent(bucket));
    }
    return refuse(req, res, 403, 'AccessDenied', 'Anonymous requests are refused: sign the request (AWS Signature Version 4)');
  };
}

/** Reads the form up to the file part, checks the policy, then hands the whole request on untouched. */
function postUpload(req: IncomingMessage, res: ServerResponse, inner: Handler, credentials: GateCredentials, bucket: string): void {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.headers['content-type'] ?? '');
  const declaredLength = Number(req.headers['content-length']);
  if (!boundary) return refuse(req, res, 400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data');
  if (!Number.isSafeInteger(declaredLength)) return refuse(req, res, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header');
  const marker = boundary[1] ?? boundary[2];
  const chunks: Buffer[] = [];
  let received = 0;
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
    const buffered = Buffer.concat(chunks);
    const form = parseFormPrefix(buffered, marker);
    if (form === 'incomplete') {
      if (received > MAX_FORM_PREFIX_BYTES || received >= declaredLength) finish(() => refuse(req, res, 400, 'MalformedPOSTRequest', 'The form must send its fields, then one part named "file"'));
      return;
    }
    finish(() => {
      // The file part ends with CRLF--boundary-- and an optional CRLF: past the fields, the body's length gives
      // the file's size to within those two bytes (more parts after the file only make it look larger: refused).
      const atLeast = declaredLength - form.fileStart - (marker.length + 8);
      const problem = checkPostPolicy(form.fields, bucket, credentials, { atLeast, atMost: atLeast + 2 }, new Date());
      if (problem) return refuse(req, res, 403, 'AccessDenied', `Invalid according to Policy: ${problem}`);
      inner(replay(req, buffered), res);
    });
  };
  let decided = false;
  const finish = (then: () => void) => {
    decided = true;
    req.off('data', onData);
    req.pause();
    then();
  };
  req.on('data', onData);
  req.once('end', () => {
    if (!decided) finish(() => refuse(req, res, 400, 'MalformedPOSTRequest', 'The form must send its fields, then one part named "file"'));
  });
}

type FormPrefix = { fields: Record<string, string>; fileStart: number } | 'incomplete';

/** The fields of a multipart form up to its first part named `file` (where S3 stops reading fields). */
export function parseFormPrefix(body: Buffer, boundary: string): FormPrefix {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const headersStart = at + delimiter.length + 2;
    if (body.length < headersStart) return 'incomplete';
    if (body.subarray(at + delimiter.length, headersStart).toString('latin1') === '--') return 'incomplete';
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd === -1) return 'incomplete';
    const headers = body.subarray(headersStart, headersEnd).toString('utf8');
    const name = /^content-disposition:.*?;\s*name="([^"]*)"/im.exec(headers)?.[1];
    const dataStart = headersEnd + 4;
    if (name === 'file') return { fields, fileStart: dataStart };
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), dataStart);
    if (next === -1) return 'incomplete';
    // Field names are case-insensitive in S3 POST forms; the first of a repeated field counts, like s3rver.
    if (name !== undefined && !(name.toLowerCase() in fields)) fields[name.toLowerCase()] = body.subarray(dataStart, next).toString('utf8');
    at = next + 2;
  }
  return 'incomplete';
}

type Condition = Record<string, unknown> | unknown[];

/** Why the form does not satisfy its signed policy, or null when it does (AWS POST policy, Signature V4). */
export function checkPostPolicy(fields: Record<string, string>, bucket: string, credentials: GateCredentials, fileBytes: { atLeast: number; atMost: number }, now: Date): string | null {
  const { policy, 'x-amz-signature': signature, 'x-amz-credential': credential, 'x-amz-algorithm': algorithm } = fields;
  if (!policy || !signature || !credential || algorithm !== 'AWS4-HMAC-SHA256') return 'the form carries no Signature V4 policy';
  const [accessKey, date, region, service, terminal] = credential.split('/');
  if (accessKey !== credentials.accessKey || !date || !region || service !== 's3' || terminal !== 'aws4_request') return 'unknown credential';
  const expected = createHmac('sha256', signingKey(credentials.secretKey, date, region, service)).update(policy).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'the policy signature does not match';
  let document: { expiration?: unknown; conditions?: unknown };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof document;
  } catch {
    return 'the policy is not JSON';
  }
  const expiration = typeof document.expiration === 'string' ? Date.parse(document.expiration) : NaN;
  if (!(expiration > now.getTime())) return 'the policy has expired';
  if (!Array.isArray(document.conditions)) return 'the policy has no conditions';
  const values: Record<string, string> = { ...fields, bucket };
  const covered = new Set<string>(['bucket']);
  for (const condition of document.conditions as Condition[]) {
    const problem = checkCondition(condition, values, fileBytes, covered);
    if (problem) return problem;
  }
  const extra = Object.keys(fields).find((f) => !covered.has(f) && !UNSIGNED_FORM_FIELDS.has(f) && !f.startsWith('x-ignore-'));
  return extra ? `extra input field: ${extra}` : null;
}

function checkCondition(condition: Condition, values: Record<string, string>, fileBytes: { atLeast: number; atMost: number }, covered: Set<string>): string | null {
  if (Array.isArray(condition)) {
    const [op, subject, expected] = condition as [unknown, unknown, unknown];
    if (op === 'content-length-range') {
      const [min, max] = [Number(subject), Number(expected)];
      return fileBytes.atLeast > max ? `the file is larger than ${max} bytes` : fileBytes.atMost < min ? `the file is smaller than ${min} bytes` : null;
    }
    if (typeof subject !== 'string' || !subject.startsWith('$') || typeof expected !== 'string') return 'unreadable condition';
    const field = subject.slice(1).toLowerCase();
    covered.add(field);
    const actual = values[field];
    if (op === 'eq') return actual === expected ? null : `${field} must equal the signed value`;
    if (op === 'starts-with') return actual !== undefined && actual.startsWith(expected) ? null : `${field} must start with "${expected}"`;
    return `unknown condition ${String(op)}`;
  }
  for (const [name, expected] of Object.entries(condition)) {
    const field = name.toLowerCase();
    covered.add(field);
    if (values[field] !== expected) return `${field} must equal the signed value`;
  }
  return null;
}

function signingKey(secretKey: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secretKey}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

/** The request again, from its first byte: what was read for the check, then the rest as it arrives. */
function replay(req: IncomingMessage, alreadyRead: Buffer): IncomingMessage {
  const body = new PassThrough();
  body.write(alreadyRead);
  req.pipe(body);
  req.on('error', (error) => body.destroy(error));
  // s3rver (Koa) reads the request line, headers and socket from the request object, and the body as a stream.
  return Object.assign(body, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
  }) as unknown as IncomingMessage;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<&>]/g, '')}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  // Read the rest of the body (and keep the connection): closing it while the client still sends makes the
  // client see a broken pipe instead of this answer.
  req.resume();
}
