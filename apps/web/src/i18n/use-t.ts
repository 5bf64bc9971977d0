// The hook every screen uses for its words and its dates.
import { useContext } from 'react';
import { I18nContext, type I18n } from './i18n-context';

export function useT(): I18n {
  return useContext(I18nContext);
}
