import fc from 'fast-check';
import { actualSize, FIT, fitRect, MAX_SCALE, parseTransform, stagePointOf, transformOf, wheelFactor, zoomAt, zoomCentre } from './viewport';

const stage = { width: 1000, height: 600 };

describe('the asset viewport', () => {
  it('fits a landscape image to the stage width and centres it vertically', () => {
    expect(fitRect(stage, { width: 1600, height: 800 })).toEqual({ left: 0, top: 50, width: 1000, height: 500 });
    expect(fitRect(stage, { width: 600, height: 1200 })).toEqual({ left: 350, top: 0, width: 300, height: 600 });
  });

  it('keeps the asset point under the pointer in place while zooming', () => {
    const fit = fitRect(stage, { width: 1600, height: 800 });
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (factor, fx, fy) => {
        const before = stagePointOf({ x: fx, y: fy }, FIT, fit);
        const after = stagePointOf({ x: fx, y: fy }, zoomAt(FIT, factor, before, fit), fit);
        expect(after.x).toBeCloseTo(before.x, 6);
        expect(after.y).toBeCloseTo(before.y, 6);
      }),
    );
  });

  it('moves other points away from the zoom centre as it zooms in', () => {
    const fit = fitRect(stage, { width: 1600, height: 800 });
    const zoomed = zoomCentre(FIT, 2, stage, fit);
    expect(stagePointOf({ x: 0.5, y: 0.5 }, zoomed, fit)).toEqual({ x: 500, y: 300 });
    expect(stagePointOf({ x: 0, y: 0 }, zoomed, fit)).toEqual({ x: -500, y: -200 });
  });

  it('shows one preview pixel per screen pixel at 100%', () => {
    const fit = fitRect(stage, { width: 1600, height: 800 });
    const view = actualSize(FIT, 1600, stage, fit);
    expect(view.scale * fit.width).toBeCloseTo(1600);
  });

  it('never zooms past its limits', () => {
    const fit = fitRect(stage, { width: 100, height: 100 });
    expect(zoomAt({ scale: 15, x: 0, y: 0 }, 10, { x: 0, y: 0 }, fit).scale).toBe(MAX_SCALE);
  });

  it('writes a CSS transform it can read back', () => {
    expect(parseTransform(transformOf({ scale: 1.5625, x: -120.5, y: 33 }))).toEqual({ scale: 1.5625, x: -120.5, y: 33 });
  });

  it('zooms in on a wheel turned away from the user and out towards them', () => {
    expect(wheelFactor(-100, 0, false)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0, false)).toBeLessThan(1);
  });
});
