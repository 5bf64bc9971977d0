/** Someone who may be mentioned in a discussion. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/**
 * A mention is `@` followed by letters, digits, dots, hyphens or underscores, at the start of the text
 * or after a character that is not a letter or digit (so `jo@example.com` mentions nobody). It names
 * a person when, compared without case, accents or separators, it equals their full name
 * (`@MarieCurie`, `@marie.curie`, `@Marie-Curie`), the part of their e-mail before the `@`
 * (`@mcurie`), or their first name if only one person has that first name (`@Marie`). A leading
 * title (Dr, Pr, Prof, Mme, M., Mr, Mrs, Ms) is optional: "Dr Claire Martin" is `@ClaireMartin` too.
 */
const TITLES = new Set(['dr', 'pr', 'prof', 'mme', 'm', 'mr', 'mrs', 'ms']);
const MENTION = /(?<![\p{L}\p{N}])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

export function mentionedIn(body: string, people: readonly Mentionable[]): Mentionable[] {
  const tokens = [...body.matchAll(MENTION)].map((m) => fold(m[1]));
  if (tokens.length === 0) return [];
  const firstNames = new Map<string, Mentionable[]>();
  for (const p of people) {
    const first = withoutTitle(p.name)[0] ?? '';
    if (first) firstNames.set(first, [...(firstNames.get(first) ?? []), p]);
  }
  const found = new Map<string, Mentionable>();
  for (const token of tokens) {
    if (!token) continue;
    const exact = people.filter((p) => fold(p.name) === token || withoutTitle(p.name).join('') === token || fold(p.email.split('@')[0] ?? '') === token);
    const matches = exact.length > 0 ? exact : firstNames.get(token)?.length === 1 ? firstNames.get(token)! : [];
    for (const p of matches) found.set(p.id, p);
  }
  return [...found.values()];
}

/** The folded words of a name, a leading title left out. */
function withoutTitle(name: string): string[] {
  const words = name.trim().split(/\s+/).map(fold).filter(Boolean);
  return words.length > 1 && TITLES.has(words[0]) ? words.slice(1) : words;
}

/** Lower case, accents and everything that is not a letter or a digit removed. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
