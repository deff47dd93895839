import { en } from "./en";
import { ja, type MessageKey } from "./ja";

export type Lang = "ja" | "en";
export type { MessageKey };
/** A parameter is plain text or a number, or text that differs per language (a field's name). */
export type MessageParam = string | number | LocalizedText;
export type MessageParams = Readonly<Record<string, MessageParam>>;

const catalogues: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** A template split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiledTemplates = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/** Looks a message up and fills its {placeholders}. Unknown placeholders are left visible, never dropped. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return fillTemplate(catalogues[lang][key] ?? catalogues.ja[key], lang, params);
}

/** Fills a catalogue template's {placeholders} (a front end's own catalogue uses it too, src/cli/i18n.ts). */
export function fillTemplate(template: string, lang: Lang, params?: MessageParams): string {
  if (!params) return template;
  const parts = compile(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      const v = params[name];
      out += typeof v === "object" ? v[lang] : String(v);
    } else out += `{${name}}`;
    out += parts[i + 1];
  }
  return out;
}

/** A message in both languages, as findings carry it. */
export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

export function both(key: MessageKey, params?: MessageParams): LocalizedText {
  return { ja: t("ja", key, params), en: t("en", key, params) };
}

/** Items listed inside a message: 、 between them in Japanese, a comma in English (the items stay as written). */
export function listText(items: readonly string[]): LocalizedText {
  return { ja: items.join("、"), en: items.join(", ") };
}

/** A catalogue entry in both languages, as a parameter for another message. */
export function label(key: MessageKey): LocalizedText {
  return { ja: t("ja", key), en: t("en", key) };
}

export function isLang(s: unknown): s is Lang {
  return s === "ja" || s === "en";
}
