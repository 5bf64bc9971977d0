import { claimSearchQuery } from './claim-search.js';

describe('claimSearchQuery', () => {
  it('searches words as typed, the last one also as a prefix, dropping query syntax', () => {
    expect(claimSearchQuery('insuffisance cardiaque')).toEqual({ kind: 'text', prefix: 'insuffisance & cardiaque:*', words: 'insuffisance cardiaque' });
    expect(claimSearchQuery("réduction' | !(:* &")).toEqual({ kind: 'text', prefix: 'réduction:*', words: 'réduction' });
  });

  it('never takes a short word or a number as a prefix (it would match almost anything)', () => {
    expect(claimSearchQuery('table 2')).toEqual({ kind: 'text', prefix: 'table & 2', words: 'table 2' });
    expect(claimSearchQuery('qualité de')).toEqual({ kind: 'text', prefix: 'qualité & de', words: 'qualité de' });
  });

  it('looks a code up by its code', () => {
    expect(claimSearchQuery(' hf-003 ')).toEqual({ kind: 'code', codePrefix: 'HF-003' });
    expect(claimSearchQuery('HF0')).toEqual({ kind: 'code', codePrefix: 'HF0' });
  });

  it('finds nothing to search in punctuation alone', () => {
    expect(claimSearchQuery(' -- & | ')).toBeNull();
  });
});
