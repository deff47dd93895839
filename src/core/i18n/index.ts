import { en } from "./en";
import { ja, type MessageKey } from "./ja";

export type Lang = "ja" | "en";
export type { MessageKey };
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** Looks a message up and fills its {placeholders}. Unknown placeholders are left visible, never dropped. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key] ?? catalogues.ja[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A message in both languages, as findings carry it. */
export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

export function both(key: MessageKey, params?: MessageParams): LocalizedText {
  return { ja: t("ja", key, params), en: t("en", key, params) };
}

export function isLang(s: unknown): s is Lang {
  return s === "ja" || s === "en";
}
