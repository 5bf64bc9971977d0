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

export function interpolate(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
