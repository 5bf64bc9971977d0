// The chosen language and the translate function, shared through React context.
import { createContext } from 'react';
import { en, type MessageKey } from './en';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

export interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
  /** BCP 47 locale for Intl formatting. */
  locale: string;
}

export const I18nContext = createContext<I18n>({
  lang: 'en',
  setLang: () => undefined,
  t: (key, vars) => interpolate(en[key], vars),
  locale: 'en-GB',
});

/**
 * Fills `{name}` placeholders, and picks the form of `{count, plural, one {# item} other {# items}}`
 * (a subset of ICU MessageFormat; `#` is the number) by the language's plural rules: French puts 0 and 1
 * in "one", English only 1.
 */
export function interpolate(template: string, vars?: TranslateVars, locale = 'en-GB'): string {
  if (!vars) return template;
  const plurals = new Intl.PluralRules(locale);
  return template
    .replace(/\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g, (whole, name: string, one: string, other: string) => {
      const value = vars[name];
      if (typeof value !== 'number') return whole;
      return (plurals.select(value) === 'one' ? one : other).replaceAll('#', String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
