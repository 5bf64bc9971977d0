// Holds the language choice (kept in localStorage) and gives every screen its translate function.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { fr } from './fr';
import { I18nContext, interpolate, LANGUAGES, type I18n, type Language, type Translate } from './i18n-context';

const STORAGE_KEY = 'vetted.lang';
const DICTIONARIES: Record<Language, Messages> = { fr, en };
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

function readStoredLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === value) ?? null;
  } catch {
    // Private browsing modes may refuse storage access; the default language is fine then.
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // See readStoredLanguage: the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[lang];
    const t: Translate = (key, vars) => interpolate(dictionary[key] ?? en[key], vars, LOCALES[lang]);
    return { lang, setLang, t, locale: LOCALES[lang] };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
