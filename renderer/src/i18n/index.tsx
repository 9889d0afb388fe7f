// Runs: dom (renderer). Tiny i18n: every UI string lives in en.json / zh-CN.json, looked up by key.
// English is the source of truth for keys; the typed assignment below makes tsc fail if a
// translation file lacks a key, so a missing Chinese string is a build error, not a blank label.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import en from './en.json';
import zhJson from './zh-CN.json';
import type { Locale } from '../lib/types.ts';

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const zh: Messages = zhJson;
const catalogs: Record<Locale, Messages> = { en, 'zh-CN': zh };

export const locales: readonly Locale[] = ['en', 'zh-CN'];

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Looks a key up and fills `{name}` placeholders; falls back to English, then to the key itself. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = catalogs[locale][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface I18nValue {
  locale: Locale;
  t: Translate;
  /** Switches the language here at once, for this session only (the store's default stays). */
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

const SESSION_KEY = 'storemind.locale';

/** The language this browser session chose, if any (a reload keeps a shopper's choice; a new session starts from the store's). */
function sessionLocale(): Locale | null {
  try {
    const v = sessionStorage.getItem(SESSION_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

export function I18nProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => sessionLocale() ?? initial);

  // Screen readers and CJK line-breaking both read the document language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // A shopper's (or a cashier's) choice is theirs, for this session: it never changes the store's
  // default language (back office → Settings), so the next shopper starts in the store's language.
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      sessionStorage.setItem(SESSION_KEY, next);
    } catch {
      // storage refused (private mode): the switch still holds until a reload
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The common case: just the translate function. */
export function useT(): Translate {
  return useI18n().t;
}
