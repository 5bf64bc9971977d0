import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  /** Answers other than 2xx, and connection errors. */
  failures: number;
}

/** `connections` clients hitting `url` for `seconds`; percentiles from every response's own time (autocannon reports no p95). */
export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const times: number[] = [];
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    setupClient: (client) => client.on('response', (_status, _bytes, time) => times.push(time)),
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    connections: options.connections,
    requests: times.length,
    perSecond: times.length / result.duration,
    p50: at(0.5),
    p95: at(0.95),
    failures: result.non2xx + result.errors,
  };
}
