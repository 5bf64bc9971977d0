// The pure half of claim detection: folding text for comparison, cutting it into sentences, finding
// the library's claims in it (exact or close) and spotting sentences that read like claims.

/** A rectangle as fractions of the page or image (so it survives any rendition size). */
export interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a piece of text is: a PDF page, a video time code, a box on the page or image. */
export interface TextAnchor {
  page: number | null;
  seconds: number | null;
  box: TextBox | null;
}

/** One line as extraction read it, in reading order. */
export interface ExtractedLine {
  text: string;
  /** The page (PDF), or 1 for an image; frames of a video carry their time code instead. */
  page: number | null;
  seconds: number | null;
  box: TextBox | null;
}

export interface ClaimToFind {
  id: string;
  code: string;
  /** The statement and its translations in the item's languages. */
  texts: readonly string[];
}

export interface FoundLink {
  claimId: string;
  code: string;
  kind: 'auto' | 'suggested';
  text: string;
  anchor: TextAnchor;
  similarity: number;
}

export interface FoundStatement {
  text: string;
  anchor: TextAnchor;
}

export interface TextCheckResult {
  links: FoundLink[];
  unsupported: FoundStatement[];
}

const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u201a': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"' };

/** What a reader sees: compatibility forms folded (ligatures, NBSP), runs of spaces made one. */
export function tidyText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u202f\u2007]+/g, ' ').trim();
}

/**
 * Case, accents and typographic quotes folded, one character for one: an offset in the folded text
 * is the same offset in the tidied text, so a match can be quoted as it was written.
 */
export function foldText(tidied: string): string {
  let out = '';
  for (const char of tidied) {
    if (QUOTES[char]) {
      out += QUOTES[char];
      continue;
    }
    const folded = char.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

/** Both steps, for text that need not be quoted back (claim statements). Closing punctuation is not part of a claim. */
export function normaliseStatement(text: string): string {
  return foldText(tidyText(text)).replace(/[\s.;:!]+$/u, '');
}

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(/[^\p{L}\p{N}%]+/u).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** pg_trgm's similarity, in TypeScript: shared trigrams of the words over all trigrams of both. */
export function similarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

const CLAIM_PATTERNS: readonly RegExp[] = [
  /\d+(?:[.,]\d+)?\s?%/u,
  /\bp\s?[<=≤]\s?0?[.,]\d+/u,
  /\d+(?:[.,]\d+)?\s?(?:mg|µg|ug|g|kg|ml|mmhg|mmol|ui|iu|jours?|days?|semaines?|weeks?|mois|months?|ans|years?|heures?|hours?|fois|times)\b/u,
  /\b(?:plus|moins|more|less) (?:efficace|effective|rapide|rapid|fast|sur|safe|puissant|potent)/u,
  /\b(?:reduction|reduit|reduire|diminu\p{L}*|reduc\p{L}*|lower\p{L}*|augment\p{L}*|increas\p{L}*|ameliore?\p{L}*|improv\p{L}*|superieur\p{L}*|superior|meilleur\p{L}*|better than|deux fois|twice|first|premier|seul\p{L}*|only)\b/u,
];

/** A sentence that reads like a claim: a percentage, a number with a unit, a p-value, a comparison. */
export function looksLikeClaim(folded: string): boolean {
  if (!/\p{L}{3}/u.test(folded)) return false;
  return CLAIM_PATTERNS.some((pattern) => pattern.test(folded));
}

interface Span {
  start: number;
  end: number;
}

interface Region {
  /** Lines of one page (or frame), joined by one space. */
  tidied: string;
  folded: string;
  lines: { line: ExtractedLine; start: number; end: number }[];
}

function regionsOf(lines: readonly ExtractedLine[]): Region[] {
  const regions = new Map<string, Region>();
  for (const line of lines) {
    const text = tidyText(line.text);
    if (!text) continue;
    const key = `${line.page ?? ''}|${line.seconds ?? ''}`;
    const region = regions.get(key) ?? { tidied: '', folded: '', lines: [] };
    if (region.tidied) region.tidied += ' ';
    const start = region.tidied.length;
    region.tidied += text;
    region.lines.push({ line, start, end: region.tidied.length });
    regions.set(key, region);
  }
  for (const region of regions.values()) region.folded = foldText(region.tidied);
  return [...regions.values()];
}

function unionBox(boxes: readonly TextBox[]): TextBox | null {
  if (boxes.length === 0) return null;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
}

function anchorOf(region: Region, span: Span): TextAnchor {
  const touched = region.lines.filter((l) => l.start < span.end && l.end > span.start);
  const first = touched[0]?.line ?? region.lines[0].line;
  return { page: first.page, seconds: first.seconds, box: unionBox(touched.map((l) => l.line.box).filter((b): b is TextBox => b !== null)) };
}

/** Sentences end at . ! ? followed by a space and a capital or a digit, or at the end; a decimal point never ends one. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const boundary = /[.!?](?=\s+[\p{Lu}\d«"“(]|\s*$)/gu;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + 1;
    if (text.slice(start, end).trim()) spans.push(trimSpan(text, { start, end }));
    start = end;
  }
  if (text.slice(start).trim()) spans.push(trimSpan(text, { start, end: text.length }));
  return spans;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Finds the claims in what extraction read. A claim's statement found word for word is an
 * automatic link; a sentence close to one (similarity at or above `threshold`) a suggested link;
 * a sentence that reads like a claim and is neither, an unsupported statement.
 */
export function checkText(lines: readonly ExtractedLine[], claims: readonly ClaimToFind[], threshold: number): TextCheckResult {
  const links: FoundLink[] = [];
  const unsupported: FoundStatement[] = [];
  const variants = claims.flatMap((claim) => [...new Set(claim.texts.map(normaliseStatement).filter((t) => t.length >= 8))].map((text) => ({ claim, text })));
  // Video screens come one after the other: a finding the screen before also had is the same text still showing.
  let shownBefore = new Set<string>();
  for (const region of regionsOf(lines)) {
    const video = region.lines[0].line.seconds !== null;
    const shown = new Set<string>();
    const isNew = (key: string): boolean => {
      shown.add(key);
      return !(video && shownBefore.has(key));
    };
    const linked: (Span & { claimId: string })[] = [];
    for (const { claim, text } of variants) {
      let from = 0;
      for (let at = region.folded.indexOf(text, from); at >= 0; at = region.folded.indexOf(text, from)) {
        const span = { start: at, end: at + text.length };
        from = span.end;
        // A statement and its translation may be the same words (a product name): one link per place.
        if (linked.some((s) => s.claimId === claim.id && overlaps(s, span))) continue;
        linked.push({ ...span, claimId: claim.id });
        if (!isNew(`auto|${claim.id}|${text}`)) continue;
        links.push({ claimId: claim.id, code: claim.code, kind: 'auto', text: region.tidied.slice(span.start, span.end), anchor: anchorOf(region, span), similarity: 1 });
      }
    }
    for (const span of sentenceSpans(region.tidied)) {
      if (linked.some((s) => overlaps(s, span))) continue;
      const folded = normaliseStatement(region.folded.slice(span.start, span.end));
      const text = region.tidied.slice(span.start, span.end);
      let best: { claim: ClaimToFind; score: number } | null = null;
      for (const variant of variants) {
        const score = similarity(folded, variant.text);
        if (score >= threshold && (!best || score > best.score)) best = { claim: variant.claim, score };
      }
      if (best) {
        if (isNew(`suggested|${best.claim.id}|${folded}`)) links.push({ claimId: best.claim.id, code: best.claim.code, kind: 'suggested', text, anchor: anchorOf(region, span), similarity: Math.round(best.score * 1000) / 1000 });
      } else if (looksLikeClaim(folded) && isNew(`unsupported|${folded}`)) unsupported.push({ text, anchor: anchorOf(region, span) });
    }
    shownBefore = shown;
  }
  return { links, unsupported };
}

/** Where a text is, in words a reviewer can check: "page 2, top left" or "at 0:35". */
export function describeAnchor(anchor: TextAnchor): string {
  const parts: string[] = [];
  if (anchor.page !== null) parts.push(`page ${anchor.page}`);
  if (anchor.seconds !== null) parts.push(`at ${Math.floor(anchor.seconds / 60)}:${String(Math.floor(anchor.seconds % 60)).padStart(2, '0')}`);
  if (anchor.box) {
    const pct = (n: number) => `${Math.round(n * 100)}%`;
    parts.push(`box at ${pct(anchor.box.x)} across, ${pct(anchor.box.y)} down`);
  }
  return parts.join(', ') || 'in the file';
}
