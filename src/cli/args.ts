/** Command-line arguments of `chosahyo`. Errors carry a catalogue key, never a stack trace. */
import { isLang, type Lang, type MessageKey, type MessageParams } from "../core/i18n";
import { parseFiscalYearOption, parsePlanPeriod, type YearSpan } from "../core/plan-period";
import { STAGES, type Stage } from "../core/profile/types";

export interface ValidateArgs {
  readonly command: "validate";
  readonly inputs: readonly string[];
  readonly json: boolean;
  readonly lang: Lang;
  /** Undefined when --stage was not given: the stage stored in each workbook applies, else 提出前. */
  readonly stage?: Stage;
  /** `--fiscal-year` / `--plan-period`: win over the workbook's settings and what its sheets state. */
  readonly fiscalYear?: number;
  readonly planPeriod?: YearSpan;
  readonly profiles: readonly string[];
  readonly progress: "auto" | "never";
  /** Per-file budget in seconds (`--timeout`): a file that takes longer is stopped and reported. */
  readonly timeout: number;
  /** Worker threads for several files (`--jobs`); undefined = one per core. 1 = in this process. */
  readonly jobs?: number;
}

export interface SummarizeArgs {
  readonly command: "summarize";
  /** One workbook, or one folder of workbooks (consolidated). */
  readonly input: string;
  readonly output: string;
  readonly lang: Lang;
  /** Undefined when --stage was not given: the stage stored in each workbook applies, else 提出前. */
  readonly stage?: Stage;
  readonly fiscalYear?: number;
  readonly planPeriod?: YearSpan;
  readonly profiles: readonly string[];
  readonly includeReposts: boolean;
  readonly progress: "auto" | "never";
  /** Per-file budget in seconds (`--timeout`). */
  readonly timeout: number;
}

/** `chosahyo rollover <file> -o <out.xlsx> [--drop-ended]`: next year's workbook from this year's (年度更新). */
export interface RolloverArgs {
  readonly command: "rollover";
  readonly input: string;
  readonly output: string;
  readonly lang: Lang;
  readonly fiscalYear?: number;
  readonly planPeriod?: YearSpan;
  readonly profiles: readonly string[];
  readonly dropEnded: boolean;
  /** Input aids on next year's sheets (the default; `--no-aids` leaves them off), protected with `--protect`. */
  readonly aids: boolean;
  readonly protect: boolean;
}

export interface HelpArgs {
  readonly command: "help";
  readonly lang: Lang;
}

export type Args = ValidateArgs | SummarizeArgs | RolloverArgs | HelpArgs;

/** The commands, and those that write a new workbook (`-o`). */
const COMMANDS = ["validate", "summarize", "rollover"] as const;
const WRITES_OUTPUT: readonly string[] = ["summarize", "rollover"];

/** Seconds a file may take before it is stopped, unless `--timeout` says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** A day: beyond that the budget is no budget, and setTimeout's range is near. */
const MAX_TIMEOUT_SECONDS = 86_400;
/** More threads than this only cost memory (each holds a workbook). */
const MAX_JOBS = 64;

export class ArgError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly lang: Lang = "ja",
  ) {
    super(key);
  }
}

/** `--lang` decides the language of errors too, so it is looked for before anything else is parsed. */
function findLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang" && isLang(argv[i + 1])) return argv[i + 1] as Lang;
    if (a.startsWith("--lang=") && isLang(a.slice(7))) return a.slice(7) as Lang;
  }
  return "ja";
}

export function parseArgs(argv: readonly string[]): Args {
  const lang = findLang(argv);
  const fail = (key: MessageKey, params?: MessageParams) => new ArgError(key, params, lang);
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") return { command: "help", lang };
  const [command, ...rest] = argv;
  if (!(COMMANDS as readonly string[]).includes(command)) throw fail("cli.arg.unknown-command", { command });
  const inputs: string[] = [];
  const profiles: string[] = [];
  let json = false;
  let stage: Stage | undefined;
  let fiscalYear: number | undefined;
  let planPeriod: YearSpan | undefined;
  let progress: "auto" | "never" = "auto";
  let output: string | undefined;
  let includeReposts = false;
  let timeout = DEFAULT_TIMEOUT_SECONDS;
  let jobs: number | undefined;
  let dropEnded = false;
  let aids = true;
  let protect = false;
  for (let i = 0; i < rest.length; i++) {
    const raw = rest[i];
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = rest[i + 1];
      if (v === undefined || v.startsWith("--")) throw fail("cli.arg.missing-value", { option: name });
      i++;
      return v;
    };
    switch (name) {
      case "--json":
        if (command !== "validate") throw fail("cli.arg.unknown-option", { option: name });
        json = true;
        break;
      case "--no-progress":
        progress = "never";
        break;
      case "--lang": {
        if (!isLang(value())) throw fail("cli.arg.bad-lang");
        break;
      }
      case "--stage": {
        const v = value().normalize("NFKC");
        if (!(STAGES as readonly string[]).includes(v)) throw fail("cli.arg.bad-stage");
        stage = v as Stage;
        break;
      }
      case "--fiscal-year": {
        const v = value();
        fiscalYear = parseFiscalYearOption(v);
        if (fiscalYear === undefined) throw fail("cli.arg.bad-fiscal-year", { value: v });
        break;
      }
      case "--plan-period": {
        const v = value();
        planPeriod = parsePlanPeriod(v);
        if (planPeriod === undefined) throw fail("cli.arg.bad-plan-period", { value: v });
        break;
      }
      case "--profile":
        profiles.push(value());
        break;
      case "-o":
      case "--output":
        if (!WRITES_OUTPUT.includes(command)) throw fail("cli.arg.unknown-option", { option: name });
        output = value();
        break;
      case "--drop-ended":
        if (command !== "rollover") throw fail("cli.arg.unknown-option", { option: name });
        dropEnded = true;
        break;
      case "--no-aids":
      case "--protect":
        if (command !== "rollover") throw fail("cli.arg.unknown-option", { option: name });
        if (name === "--no-aids") aids = false;
        else protect = true;
        break;
      case "--include-reposts":
        if (command !== "summarize") throw fail("cli.arg.unknown-option", { option: name });
        includeReposts = true;
        break;
      case "--timeout": {
        // Seconds, fractions allowed (0.5); "60s" or "1e9" are refused rather than guessed at.
        const v = value().trim();
        const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
        if (!(n > 0) || n > MAX_TIMEOUT_SECONDS) throw fail("cli.arg.bad-timeout", { value: v, max: MAX_TIMEOUT_SECONDS });
        timeout = n;
        break;
      }
      case "--jobs": {
        if (command !== "validate") throw fail("cli.arg.unknown-option", { option: name });
        const v = value().trim();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(n >= 1) || n > MAX_JOBS) throw fail("cli.arg.bad-jobs", { value: v, max: MAX_JOBS });
        jobs = n;
        break;
      }
      case "--help":
      case "-h":
        return { command: "help", lang };
      default:
        if (name.startsWith("-")) throw fail("cli.arg.unknown-option", { option: name });
        inputs.push(raw);
    }
  }
  if (inputs.length === 0) throw fail("cli.arg.no-input");
  if (fiscalYear !== undefined && planPeriod && (fiscalYear < planPeriod.from || fiscalYear > planPeriod.to)) {
    throw fail("cli.arg.fiscal-year-outside", { year: fiscalYear, from: planPeriod.from, to: planPeriod.to });
  }
  const years = { ...(fiscalYear !== undefined ? { fiscalYear } : {}), ...(planPeriod ? { planPeriod } : {}) };
  if (command === "rollover") {
    if (inputs.length > 1) throw fail("cli.rollover.one-input");
    if (!output) throw fail("cli.summarize.no-output");
    return { command, input: inputs[0], output, lang, ...years, profiles, dropEnded, aids, protect };
  }
  if (command === "summarize") {
    if (inputs.length > 1) throw fail("cli.summarize.one-input");
    if (!output) throw fail("cli.summarize.no-output");
    return { command, input: inputs[0], output, lang, stage, ...years, profiles, includeReposts, progress, timeout };
  }
  return { command: "validate", inputs, json, lang, stage, ...years, profiles, progress, timeout, ...(jobs !== undefined ? { jobs } : {}) };
}
