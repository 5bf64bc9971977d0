import { onUnhandledRejection } from './outage-rejections.js';

describe('unhandled rejections', () => {
  const logger = () => {
    const lines: string[] = [];
    return { lines, warn: (_context: unknown, line: string) => void lines.push(line) };
  };

  it('logs a database outage left unhandled by a library (pg-boss recording a job outcome) and keeps the process', () => {
    const log = logger();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(() => onUnhandledRejection(refused, log as never)).not.toThrow();
    expect(log.lines).toEqual(['database unavailable in a background task: connect ECONNREFUSED 127.0.0.1:5432']);
  });

  it('rethrows anything else, so a bug still ends the process as Node would', () => {
    const log = logger();
    const bug = new TypeError('x is not a function');
    expect(() => onUnhandledRejection(bug, log as never)).toThrow(bug);
    expect(log.lines).toEqual([]);
  });
});
