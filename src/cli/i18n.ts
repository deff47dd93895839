/**
 * The command line's messages: its own catalogue (messages-ja.ts, messages-en.ts) and the core's, through one `t`.
 */
import { fillTemplate, type Lang, type MessageKey, type MessageParams, t as coreT } from "../core/i18n";
import { cliEn } from "./messages-en";
import { type CliMessageKey, cliJa } from "./messages-ja";

export type AnyMessageKey = MessageKey | CliMessageKey;

const cli: Record<Lang, Record<CliMessageKey, string>> = { ja: cliJa, en: cliEn };

const isCliKey = (key: AnyMessageKey): key is CliMessageKey => Object.prototype.hasOwnProperty.call(cliJa, key);

export function t(lang: Lang, key: AnyMessageKey, params?: MessageParams): string {
  return isCliKey(key) ? fillTemplate(cli[lang][key] ?? cliJa[key], lang, params) : coreT(lang, key, params);
}
