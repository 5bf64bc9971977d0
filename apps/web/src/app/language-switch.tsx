// FR / EN toggle; the choice is remembered in localStorage by the i18n provider.
import { LANGUAGES } from '../i18n/i18n-context';
import { useT } from '../i18n/use-t';

export function LanguageSwitch() {
  const { t, lang, setLang } = useT();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} lang={l} title={t(`language.${l}`)} onClick={() => setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
