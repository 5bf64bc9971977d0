import type { CommentThread } from '@vetted/contracts';
import { aVersion } from '../../testing/content-items';
import { pixelDifference, threadsResolvedBetween, threadsStillOpen, versionChanges } from './version-changes';

const thread = (versionNumber: number, resolved: boolean): CommentThread => ({
  id: `00000000-0000-4000-8000-00000000000${versionNumber}${resolved ? 1 : 0}`.slice(0, 36),
  versionNumber,
  anchor: null,
  resolvedAt: resolved ? '2026-11-25T10:00:00.000Z' : null,
  resolvedBy: resolved ? 'Eda Editor' : null,
  comments: [],
});

describe('comparing two versions', () => {
  it('marks the facts that changed between them and keeps the others', () => {
    const v1 = aVersion({ number: 1, note: null });
    const v2 = aVersion({ number: 2, note: 'Reference added', asset: { ...v1.asset, size: 43_000_000, sha256: 'cd'.repeat(32) } });
    const changes = Object.fromEntries(versionChanges(v1, v2).map((c) => [c.field, c]));
    expect(changes.size).toEqual({ field: 'size', before: 42_000_000, after: 43_000_000, changed: true });
    expect(changes.note.changed).toBe(true);
    expect(changes.filename.changed).toBe(false);
    expect(changes.dimensions).toMatchObject({ before: '1920 × 1080', changed: false });
  });

  it('lists threads of the older versions resolved by the time of the newer one, and those still open', () => {
    const threads = [thread(1, true), thread(1, false), thread(2, true), thread(3, true)];
    expect(threadsResolvedBetween(threads, 1, 3).map((t) => t.versionNumber)).toEqual([1, 2]);
    expect(threadsResolvedBetween(threads, 3, 1).map((t) => t.versionNumber)).toEqual([1, 2]);
    expect(threadsStillOpen(threads, 1, 3)).toHaveLength(1);
    expect(threadsResolvedBetween(threads, 2, 2)).toEqual([]);
  });

  it('lights up the pixels that differ and counts them', () => {
    const a = new Uint8ClampedArray([0, 0, 0, 255, 10, 10, 10, 255]);
    const b = new Uint8ClampedArray([0, 0, 0, 255, 200, 10, 10, 255]);
    const { pixels, changedShare } = pixelDifference(a, b);
    expect(changedShare).toBe(0.5);
    expect(Array.from(pixels.slice(4, 8))).toEqual([255, 0, 200, 255]);
    expect(pixels[0]).toBe(pixels[1]);
  });
});
