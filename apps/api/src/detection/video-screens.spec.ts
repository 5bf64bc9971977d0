import { checkText, type ExtractedLine } from './text-matching.js';
import { screenLines, type FrameText } from './video-screens.js';

const line = (text: string, y = 0.1): ExtractedLine => ({ text, page: null, seconds: null, box: { x: 0.1, y, width: 0.8, height: 0.05 } });
const frame = (seconds: number, ...texts: string[]): FrameText => ({ seconds, lines: texts.map((t, i) => line(t, 0.1 + i * 0.1)) });
const CLAIM = { id: 'c1', code: 'HF-001', texts: ['Cardiovel réduit de 21 % les hospitalisations pour insuffisance cardiaque.'] };

describe('video screens', () => {
  it('reads text that stays on screen once, at the time code of its first frame', () => {
    const lines = screenLines([frame(0, 'Cardiovel réduit de 21 %'), frame(2, 'Cardiovel réduit de 21 %'), frame(4, 'CARDIOVEL  réduit de 21 % '), frame(6, 'Réduction de 37 % des crises.'), frame(8, 'Réduction de 37 % des crises.')]);
    expect(lines.map((l) => [l.text, l.seconds])).toEqual([
      ['Cardiovel réduit de 21 %', 0],
      ['Réduction de 37 % des crises.', 6],
    ]);
  });

  it('sorts frames by time and treats text shown again after a blank as a new appearance', () => {
    const lines = screenLines([frame(4, 'Plus efficace.'), frame(0, 'Plus efficace.'), frame(2), frame(6, 'Plus efficace.')]);
    expect(lines.map((l) => l.seconds)).toEqual([0, 4]);
  });

  it('reads again a screen where only a figure changed', () => {
    const lines = screenLines([frame(0, 'Réduction de 21 % des crises en 12 semaines.'), frame(2, 'Réduction de 37 % des crises en 12 semaines.')]);
    expect(lines.map((l) => [l.text, l.seconds])).toEqual([
      ['Réduction de 21 % des crises en 12 semaines.', 0],
      ['Réduction de 37 % des crises en 12 semaines.', 2],
    ]);
  });

  it('keeps a screen whole so a wrapped sentence whose second line changed is read, and reports a statement that stayed only once', () => {
    const lines = screenLines([
      frame(0, 'Cardiovel réduit de 21 % les hospitalisations', 'pour insuffisance cardiaque.', 'Plus efficace que le placebo.'),
      frame(2, 'Cardiovel réduit de 21 % les hospitalisations', 'des crises en 12 semaines.', 'Plus efficace que le placebo.'),
    ]);
    const found = checkText(lines, [CLAIM], 0.5);
    // At 2 s the first line, still showing, and the new second line are read as one sentence: close to the claim, not it.
    expect(found.links.map((l) => [l.code, l.kind, l.text, l.anchor.seconds])).toEqual([
      ['HF-001', 'auto', 'Cardiovel réduit de 21 % les hospitalisations pour insuffisance cardiaque', 0],
      ['HF-001', 'suggested', 'Cardiovel réduit de 21 % les hospitalisations des crises en 12 semaines.', 2],
    ]);
    expect(found.unsupported.map((s) => [s.text, s.anchor.seconds])).toEqual([['Plus efficace que le placebo.', 0]]);
  });

  it('still reports the same statement on every page of a PDF (pages are not screens)', () => {
    const pages = [1, 2].map((page): ExtractedLine => ({ ...line('Plus efficace que le placebo.'), page }));
    expect(checkText(pages, [], 0.5).unsupported).toHaveLength(2);
  });
});
