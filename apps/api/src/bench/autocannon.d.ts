// autocannon 9 ships no types; only what the bench uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Client extends EventEmitter {
    on(event: 'response', listener: (statusCode: number, resBytes: number, responseTime: number) => void): this;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    setupClient?: (client: Client) => void;
  }
  interface Result {
    requests: { average: number; total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
