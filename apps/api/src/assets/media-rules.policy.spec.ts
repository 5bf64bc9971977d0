import { assertDurationAllowed } from './media-rules.policy.js';

const limits = { episodeMaxSeconds: 90, podcastMaxSeconds: 3600 };

describe('duration rules', () => {
  it('refuses a 95-second episode naming both durations', () => {
    expect(() => assertDurationAllowed('video', 95, limits)).toThrow('An episode may last at most 90 s; this file lasts 95 s');
    expect(() => assertDurationAllowed('series', 90.4, limits)).toThrow(/at most 90 s/);
  });

  it('accepts an episode of exactly the limit and ignores infographics', () => {
    expect(() => assertDurationAllowed('video', 90, limits)).not.toThrow();
    expect(() => assertDurationAllowed('infographic', null, limits)).not.toThrow();
  });

  it('refuses media whose duration cannot be read', () => {
    expect(() => assertDurationAllowed('podcast', null, limits)).toThrow(/could not be read/);
  });
});
