import { createContext, useCallback, useContext } from 'react';
import { type Lang, type Translate, translate } from './i18n.ts';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const I18nContext = createContext<I18n>({ lang: 'zh-CN', setLang: () => {} });

/** `t(key, vars)` for the current language, plus the language itself. */
export function useT(): { t: Translate; lang: Lang; setLang(lang: Lang): void } {
  const { lang, setLang } = useContext(I18nContext);
  const t = useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
  return { t, lang, setLang };
}
