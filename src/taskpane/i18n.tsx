/** The language of the pane: a React context over the core's message catalogue (no string lives in a component). */
import { createContext, useContext, useMemo } from "react";
import { t, type Lang, type MessageKey, type MessageParams } from "../core/i18n";

export interface LangState {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: "ja", setLang: () => undefined });

export const LangProvider = LangContext.Provider;

export function useLang(): LangState {
  return useContext(LangContext);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `tr("pane.validate")` in the current language. */
export function useT(): Translate {
  const { lang } = useLang();
  return useMemo(() => (key: MessageKey, params?: MessageParams) => t(lang, key, params), [lang]);
}

const STORAGE_KEY = "chosahyo.lang";

/**
 * Japanese by default; English when Office's display language is English; the user's toggle (remembered in this
 * browser profile) overrides both.
 */
export function initialLang(displayLanguage: string | undefined, stored: string | null | undefined): Lang {
  if (stored === "ja" || stored === "en") return stored;
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "ja";
}

export function storedLang(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage blocked (file://, private mode, a locked-down webview)
  }
}

export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered: the toggle still works for this session
  }
}
