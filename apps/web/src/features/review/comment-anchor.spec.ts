import { formatTimeCode, isMeaningfulRegion, regionBetween } from './comment-anchor';

describe('comment anchors', () => {
  it('formats time codes like a player does', () => {
    expect(formatTimeCode(0)).toBe('0:00');
    expect(formatTimeCode(65.4)).toBe('1:05');
    expect(formatTimeCode(89.99)).toBe('1:29');
  });

  it('turns a drag in any direction into a region inside the image', () => {
    const box = { width: 400, height: 200 };
    expect(regionBetween({ x: 300, y: 150 }, { x: 100, y: 50 }, box)).toEqual({ kind: 'region', x: 0.25, y: 0.25, width: 0.5, height: 0.5 });
    expect(regionBetween({ x: -50, y: 10 }, { x: 600, y: 20 }, box)).toEqual({ kind: 'region', x: 0, y: 0.05, width: 1, height: 0.05 });
  });

  it('treats a click as no region', () => {
    expect(isMeaningfulRegion(regionBetween({ x: 10, y: 10 }, { x: 11, y: 11 }, { width: 400, height: 200 }))).toBe(false);
  });
});
