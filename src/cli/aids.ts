/**
 * `chosahyo aids <file.xlsx> -o <out.xlsx> [--protect] [--lang ja|en] [--stage …] [--profile …]`: the workbook with
 * input aids (入力支援, docs/input-aids.md) written to a new file: a drop-down list and an input message on each code
 * cell, input messages where a rule asks something of the clerk, a colour on empty required cells and, with
 * --protect, sheet protection that leaves only the input cells editable. The input is only read; no value changes.
 */
import { isLang, type Lang, type MessageKey, type MessageParams, t } from "../core/i18n";
import { planInputAids } from "../core/input-aids/plan";
import { STAGES, type Profile, type Stage } from "../core/profile/types";
import { isWorkbookError } from "../workbook/port";
import { ArgError, DEFAULT_TIMEOUT_SECONDS } from "./args";
import { readAndValidateWithin } from "./budget";
import type { Io } from "./main";
import { samePath, writeAtomically } from "./output-file";
import { fileError } from "./validate-files";

export interface AidsArgs {
  readonly input: string;
  readonly output: string;
  readonly lang: Lang;
  /** Undefined: the stage stored in the workbook, else 提出前. */
  readonly stage?: Stage;
  readonly profiles: readonly string[];
  readonly protect: boolean;
  readonly timeout: number;
  readonly help: boolean;
}

/** The arguments after `aids`. `--lang` is looked for first, so errors are in the user's language. */
export function parseAidsArgs(argv: readonly string[]): AidsArgs {
  let lang: Lang = "ja";
  argv.forEach((a, i) => {
    const v = a.startsWith("--lang=") ? a.slice(7) : a === "--lang" ? argv[i + 1] : undefined;
    if (isLang(v)) lang = v;
  });
  const fail = (key: MessageKey, params?: MessageParams) => new ArgError(key, params, lang);
  const inputs: string[] = [];
  const profiles: string[] = [];
  let output: string | undefined;
  let stage: Stage | undefined;
  let protect = false;
  let timeout = DEFAULT_TIMEOUT_SECONDS;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined || v.startsWith("--")) throw fail("cli.arg.missing-value", { option: name });
      i++;
      return v;
    };
    switch (name) {
      case "--help":
      case "-h":
        return { input: "", output: "", lang, profiles, protect, timeout, help: true };
      case "--lang":
        if (!isLang(value())) throw fail("cli.arg.bad-lang");
        break;
      case "-o":
      case "--output":
        output = value();
        break;
      case "--protect":
        protect = true;
        break;
      case "--stage": {
        const v = value().normalize("NFKC");
        if (!(STAGES as readonly string[]).includes(v)) throw fail("cli.arg.bad-stage");
        stage = v as Stage;
        break;
      }
      case "--profile":
        profiles.push(value());
        break;
      case "--timeout": {
        const v = value().trim();
        const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
        if (!(n > 0) || n > 86_400) throw fail("cli.arg.bad-timeout", { value: v, max: 86_400 });
        timeout = n;
        break;
      }
      default:
        if (name.startsWith("-")) throw fail("cli.arg.unknown-option", { option: name });
        inputs.push(raw);
    }
  }
  if (inputs.length !== 1) throw fail("cli.aids.no-input");
  if (!output) throw fail("cli.aids.no-output");
  return { input: inputs[0], output, lang, stage, profiles, protect, timeout, help: false };
}

export async function runAids(args: AidsArgs, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  if (args.help) {
    io.stdout.write(t(lang, "cli.aids.usage") + "\n");
    return 0;
  }
  if (samePath(args.input, args.output)) throw new ArgError("cli.summarize.same-path", { path: args.output }, lang);
  const failed = (message: string): number => {
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message }) + "\n");
    return 2;
  };
  const r = await readAndValidateWithin(args.input, { profiles, stage: args.stage, lang }, args.timeout);
  if ("error" in r) return failed(r.error.message);
  const { book, report } = r;
  // The output keeps the input's macros, and Excel opens a macro-enabled workbook only under .xlsm.
  if (book.isMacroEnabled() && !/\.xlsm$/i.test(args.output)) throw new ArgError("cli.summarize.macro-extension", { path: args.output }, lang);
  const plan = planInputAids(await book.readAll(), report, profiles, { protect: args.protect, lang });
  if (plan.skippedProtected.length) io.stderr.write(t(lang, "cli.aids.skipped-protected", { names: plan.skippedProtected.join(", ") }) + "\n");
  if (plan.aids.length === 0) {
    io.stderr.write(t(lang, "cli.aids.none") + "\n");
    return 2;
  }
  let result;
  try {
    result = await book.applyInputAids(plan.aids, new Date());
  } catch (e) {
    if (isWorkbookError(e)) return failed(fileError(e.code, lang, e.detail).message);
    throw e;
  }
  writeAtomically(args.output, await book.toBytes(), lang);
  io.stdout.write(t(lang, "cli.aids.written", { path: args.output, count: result.sheets.length }) + "\n");
  for (const s of result.sheets) {
    const protectedNote = s.protected ? t(lang, "cli.aids.sheet.protected") : "";
    io.stdout.write(t(lang, "cli.aids.sheet", { sheet: s.sheet, validations: s.validations, highlights: s.highlights, protected: protectedNote }) + "\n");
  }
  if (result.sheets.some((s) => s.protected)) io.stdout.write(t(lang, "cli.aids.unprotect") + "\n");
  return 0;
}
