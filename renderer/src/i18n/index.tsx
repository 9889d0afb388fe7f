// Runs: dom (renderer). Tiny i18n: every UI string lives in en.json / zh-CN.json, looked up by key.
// English is the source of truth for keys; the typed assignment below makes tsc fail if a
// translation file lacks a key, so a missing Chinese string is a build error, not a blank label.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import en from './en.json';
import zhJson from './zh-CN.json';
import { call } from '../api.ts';
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
  /** Switches the language here at once and tells the core (it persists the terminal's choice). */
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initial);

  // Screen readers and CJK line-breaking both read the document language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    // A shopper must never see an error for switching language: if the core cannot store it,
    // the UI still switches and the terminal keeps its old default.
    call('settings.setLocale', { locale: next }).catch((e: unknown) => console.warn('settings.setLocale failed', e));
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
