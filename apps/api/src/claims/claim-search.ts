/** A claim code as typed in a search box: letters, then digits (HF-003, hf003, CV.12). */
const CODE = /^[A-Za-z]+[-_.]?\d[A-Za-z0-9._-]*$/;

export type ClaimSearch = { kind: 'code'; codePrefix: string } | { kind: 'text'; prefix: string; words: string };

/**
 * A search box's text: a code is looked up by code prefix; anything else becomes two full-text
 * queries, the words as typed (for the French and English stemmers) and the same words with the
 * last one as a prefix (search as you type). Both are folded with vetted_fold in SQL, like the
 * indexed text, so accents never matter. Query syntax (&, |, !, :*) is dropped with the punctuation.
 */
export function claimSearchQuery(q: string): ClaimSearch | null {
  const trimmed = q.trim();
  if (CODE.test(trimmed)) return { kind: 'code', codePrefix: trimmed.toUpperCase() };
  const words = trimmed.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).slice(0, 12);
  if (words.length === 0) return null;
  const last = words[words.length - 1];
  const asPrefix = last.length >= 3 && !/^\d+$/.test(last);
  const prefix = [...words.slice(0, -1), asPrefix ? `${last}:*` : last].join(' & ');
  return { kind: 'text', prefix, words: words.join(' ') };
}
