import http, { type IncomingHttpHeaders } from 'node:http';
import { freePort } from './global-setup.js';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what the signature covers). */
  body: string;
  receivedAt: number;
}

export interface WebhookReceiver {
  port: number;
  url(path: string): string;
  received: ReceivedRequest[];
  /** The next statuses `path` answers with, in order; 200 once they are used up. */
  answer(path: string, ...statuses: number[]): void;
  close(): Promise<void>;
}

/** A CRM's webhook endpoint, started by the test on a free loopback port (plain node:http). */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const scripted = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
      const status = scripted.get(path)?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver says no');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (path, ...statuses) => scripted.set(path, statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
