import { checkText, describeAnchor, foldText, looksLikeClaim, normaliseStatement, sentenceSpans, similarity, tidyText, type ExtractedLine } from './text-matching.js';

const box = (y: number) => ({ x: 0.1, y, width: 0.8, height: 0.05 });
const line = (text: string, y: number, page: number | null = 1): ExtractedLine => ({ text, page, seconds: null, box: box(y) });
const HF001 = { id: 'c1', code: 'HF-001', texts: ['Cardiovel réduit de 21 % le risque d’hospitalisation pour insuffisance cardiaque.'] };
const HF002 = { id: 'c2', code: 'HF-002', texts: ['Cardiovel est bien toléré chez les patients âgés.', 'Cardiovel is well tolerated in elderly patients.'] };

describe('text normalisation', () => {
  it('folds case, accents, typographic quotes and non-breaking spaces, one character for one', () => {
    const tidied = tidyText('  Réduction\u00a0de 21\u202f%  du risque d’hospitalisation « ici » ');
    expect(tidied).toBe('Réduction de 21 % du risque d’hospitalisation « ici »');
    expect(foldText(tidied)).toBe('reduction de 21 % du risque d\'hospitalisation " ici "');
    expect(foldText(tidied)).toHaveLength(tidied.length);
    expect(normaliseStatement('Plus efficace.')).toBe(normaliseStatement('PLUS EFFICACE'));
    expect(tidyText('ﬁn')).toBe('fin');
  });

  it('cuts sentences at full stops but not at decimal commas or points', () => {
    const text = 'Baisse de 2.5 mmHg en 12 semaines. Plus efficace que le placebo (p < 0,001). Fin';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Baisse de 2.5 mmHg en 12 semaines.', 'Plus efficace que le placebo (p < 0,001).', 'Fin']);
  });

  it('scores a reworded sentence close to its claim and an unrelated one far from it', () => {
    const claim = normaliseStatement(HF001.texts[0]);
    expect(similarity(normaliseStatement('Cardiovel réduit de 21 % le risque d’hospitalisation liée à l’insuffisance cardiaque'), claim)).toBeGreaterThan(0.6);
    expect(similarity(normaliseStatement('Plus de 37 % des patients ont arrêté le tabac en un an'), claim)).toBeLessThan(0.3);
  });

  it('recognises sentences that read like claims', () => {
    for (const s of ['37 % de crises en moins', 'plus efficace que le traitement de reference', 'p < 0,05 contre placebo', 'une baisse de 12 mmhg', 'reduction du risque relatif']) expect(looksLikeClaim(foldText(s))).toBe(true);
    for (const s of ['Parlez-en a votre medecin', 'www.example.com', '12 %']) expect(looksLikeClaim(foldText(s))).toBe(false);
  });
});

describe('checkText', () => {
  it('links a claim found word for word across wrapped lines, with the union of their boxes', () => {
    const result = checkText(
      [line('Cardiovel réduit de 21 % le risque', 0.2), line('d’hospitalisation pour insuffisance', 0.3), line('cardiaque. Parlez-en à votre médecin.', 0.4)],
      [HF001, HF002],
      0.5,
    );
    expect(result.links).toEqual([
      {
        claimId: 'c1',
        code: 'HF-001',
        kind: 'auto',
        text: 'Cardiovel réduit de 21 % le risque d’hospitalisation pour insuffisance cardiaque',
        anchor: { page: 1, seconds: null, box: { x: 0.1, y: 0.2, width: 0.8, height: 0.25 } },
        similarity: 1,
      },
    ]);
    expect(result.unsupported).toEqual([]);
  });

  it('matches a translation, suggests a reworded claim and flags an unsupported percentage', () => {
    const result = checkText(
      [
        line('CARDIOVEL IS WELL TOLERATED IN ELDERLY PATIENTS.', 0.1),
        line('Cardiovel réduit de 21 % le risque d’hospitalisation liée à l’insuffisance cardiaque.', 0.3, 2),
        line('Réduction de 37 % des crises en 12 semaines.', 0.5, 2),
      ],
      [HF001, HF002],
      0.5,
    );
    expect(result.links.map((l) => [l.code, l.kind, l.anchor.page])).toEqual([
      ['HF-002', 'auto', 1],
      ['HF-001', 'suggested', 2],
    ]);
    expect(result.unsupported).toEqual([{ text: 'Réduction de 37 % des crises en 12 semaines.', anchor: { page: 2, seconds: null, box: box(0.5) } }]);
  });

  it('finds nothing to say about text without claims', () => {
    expect(checkText([line('Parlez-en à votre médecin.', 0.1)], [HF001], 0.5)).toEqual({ links: [], unsupported: [] });
  });

  it('describes where a text is in words', () => {
    expect(describeAnchor({ page: 2, seconds: null, box: { x: 0.1, y: 0.45, width: 0.5, height: 0.1 } })).toBe('page 2, box at 10% across, 45% down');
    expect(describeAnchor({ page: null, seconds: 75, box: null })).toBe('at 1:15');
  });
});
