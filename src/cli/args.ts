/** Command-line arguments of `chosahyo`. Errors carry a catalogue key, never a stack trace. */
import { isLang, type Lang, type MessageParams } from "../core/i18n";
import type { AnyMessageKey as MessageKey } from "./i18n";
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
  /** `--previous <file>`: last year's workbook; the year-over-year rules run against it (docs/compare.md). */
  readonly previous?: string;
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
  /** `--previous <file>`: last year's workbook; adds 前年度比較 and the year-over-year findings (docs/compare.md). */
  readonly previous?: string;
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
  /** Per-file budget in seconds (`--timeout`), for reading the workbook. */
  readonly timeout: number;
}

/** `chosahyo aids <file> -o <out.xlsx> [--protect]`: the input aids set on a copy (docs/input-aids.md). */
export interface AidsArgs {
  readonly command: "aids";
  readonly input: string;
  readonly output: string;
  readonly lang: Lang;
  /** Undefined: the stage stored in the workbook, else 提出前. */
  readonly stage?: Stage;
  readonly profiles: readonly string[];
  readonly protect: boolean;
  readonly timeout: number;
}

/** `chosahyo new-plan <list> -o <out.xlsx>`: a new plan's blank workbook from its item list (docs/new-plan.md). */
export interface NewPlanArgs {
  readonly command: "new-plan";
  readonly input: string;
  readonly output: string;
  readonly lang: Lang;
  /** Undefined: the four fiscal years from this one. */
  readonly planPeriod?: YearSpan;
  readonly planName?: string;
  readonly title?: string;
  readonly profiles: readonly string[];
  readonly aids: boolean;
  readonly protect: boolean;
  /** Per-file budget in seconds (`--timeout`), for reading a list saved as a workbook. */
  readonly timeout: number;
}

/** `chosahyo split <master.xlsx> -o <folder>`: one workbook per department (配布, docs/distribution.md). */
export interface SplitArgs {
  readonly command: "split";
  readonly input: string;
  /** The folder the departments' workbooks are written to. */
  readonly output: string;
  readonly lang: Lang;
  /** An item naming several departments: to the first named (lead, the default) or to each (copy). */
  readonly shared: "lead" | "copy";
  readonly profiles: readonly string[];
  readonly aids: boolean;
  /** Per-file budget in seconds (`--timeout`), for reading the master. */
  readonly timeout: number;
}

/** `chosahyo collect <master.xlsx> <file-or-folder>... -o <merged.xlsx> [--dry-run] [--accept-form-changes[=file,…]]`: 回収 (docs/distribution.md). */
export interface CollectArgs {
  readonly command: "collect";
  readonly master: string;
  /** The returned files, or folders of them. */
  readonly inputs: readonly string[];
  /** Undefined only with --dry-run, which writes nothing. */
  readonly output?: string;
  readonly dryRun: boolean;
  /**
   * Files whose form was changed have only their input cells taken in, instead of being held back: every such file
   * (true), or those named (`--accept-form-changes=a.xlsx,b.xlsx`, file names without folders).
   */
  readonly acceptFormChanges: boolean | readonly string[];
  readonly lang: Lang;
  readonly profiles: readonly string[];
  /** Per-file budget in seconds (`--timeout`): the master and each returned file get their own. */
  readonly timeout: number;
}

/** `chosahyo compare <last.xlsx> <this.xlsx> [--json]`: 前年度比較 (docs/compare.md). */
export interface CompareArgs {
  readonly command: "compare";
  readonly last: string;
  readonly current: string;
  readonly json: boolean;
  readonly lang: Lang;
  readonly stage?: Stage;
  readonly profiles: readonly string[];
  readonly timeout: number;
  /** `-o <out.xlsx>`: this year's workbook with the 前年度比較 sheet, written to a new file. */
  readonly output?: string;
}

export interface HelpArgs {
  readonly command: "help";
  readonly lang: Lang;
  /** `chosahyo <command> --help`: that command's help where it has its own. */
  readonly topic?: Command;
}

export type Args = ValidateArgs | SummarizeArgs | RolloverArgs | AidsArgs | NewPlanArgs | SplitArgs | CollectArgs | CompareArgs | HelpArgs;

const COMMANDS = ["validate", "summarize", "rollover", "aids", "new-plan", "split", "collect", "compare"] as const;
type Command = (typeof COMMANDS)[number];

/** The options each command takes; any other is refused by name. */
const OPTIONS: Readonly<Record<Command, readonly string[]>> = {
  validate: ["--json", "--no-progress", "--stage", "--fiscal-year", "--plan-period", "--profile", "--timeout", "--jobs", "--previous"],
  summarize: ["-o", "--output", "--include-reposts", "--no-progress", "--stage", "--fiscal-year", "--plan-period", "--profile", "--timeout", "--previous"],
  rollover: ["-o", "--output", "--drop-ended", "--no-aids", "--protect", "--fiscal-year", "--plan-period", "--profile", "--timeout"],
  aids: ["-o", "--output", "--protect", "--stage", "--profile", "--timeout"],
  "new-plan": ["-o", "--output", "--plan-period", "--plan-name", "--title", "--no-aids", "--protect", "--profile", "--timeout"],
  collect: ["-o", "--output", "--dry-run", "--accept-form-changes", "--profile", "--timeout"],
  split: ["-o", "--output", "--shared", "--no-aids", "--profile", "--timeout"],
  compare: ["--json", "--stage", "--profile", "--timeout", "-o", "--output"],
};

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
  const cmd = command as Command;
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
  let planName: string | undefined;
  let title: string | undefined;
  let dryRun = false;
  let acceptFormChanges: boolean | string[] = false;
  let shared: SplitArgs["shared"] = "lead";
  let previous: string | undefined;
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
    if (name === "--help" || name === "-h") return { command: "help", lang, topic: cmd };
    if (name.startsWith("-") && name !== "--lang" && !OPTIONS[cmd].includes(name)) throw fail("cli.arg.unknown-option", { option: name });
    switch (name) {
      case "--json":
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
        output = value();
        break;
      case "--drop-ended":
        dropEnded = true;
        break;
      case "--no-aids":
        aids = false;
        break;
      case "--protect":
        protect = true;
        break;
      case "--plan-name":
        planName = value();
        break;
      case "--title":
        title = value();
        break;
      case "--shared": {
        const v = value().trim().toLowerCase();
        if (v !== "lead" && v !== "copy") throw fail("cli.split.bad-shared");
        shared = v;
        break;
      }
      case "--dry-run":
        dryRun = true;
        break;
      case "--accept-form-changes": {
        if (eq < 0) {
          acceptFormChanges = true;
          break;
        }
        // Names as the preview shows them (the file's own name); a folder typed with it is dropped.
        const named = raw.slice(eq + 1).split(",").map((n) => n.trim().split(/[\\/]/).pop()!).filter((n) => n !== "");
        if (named.length === 0) throw fail("cli.arg.missing-value", { option: name });
        if (acceptFormChanges !== true) acceptFormChanges = [...(acceptFormChanges || []), ...named];
        break;
      }
      case "--previous":
        previous = value();
        break;
      case "--include-reposts":
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
        const v = value().trim();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(n >= 1) || n > MAX_JOBS) throw fail("cli.arg.bad-jobs", { value: v, max: MAX_JOBS });
        jobs = n;
        break;
      }
      default:
        if (name.startsWith("-")) throw fail("cli.arg.unknown-option", { option: name });
        inputs.push(raw);
    }
  }
  if (cmd === "aids") {
    if (inputs.length !== 1) throw fail("cli.aids.no-input");
    if (!output) throw fail("cli.aids.no-output");
    return { command: cmd, input: inputs[0], output, lang, stage, profiles, protect, timeout };
  }
  if (cmd === "split") {
    if (inputs.length !== 1) throw fail("cli.split.no-input");
    if (!output) throw fail("cli.split.no-output");
    return { command: cmd, input: inputs[0], output, lang, shared, profiles, aids, timeout };
  }
  if (cmd === "collect") {
    if (inputs.length < 2) throw fail("cli.collect.no-master");
    if (!output && !dryRun) throw fail("cli.collect.no-output");
    return { command: cmd, master: inputs[0], inputs: inputs.slice(1), ...(output ? { output } : {}), dryRun, acceptFormChanges, lang, profiles, timeout };
  }
  if (cmd === "compare") {
    if (inputs.length !== 2) throw fail("cli.compare.two-inputs");
    return { command: cmd, last: inputs[0], current: inputs[1], json, lang, stage, profiles, timeout, ...(output ? { output } : {}) };
  }
  if (inputs.length === 0) throw fail("cli.arg.no-input");
  if (cmd === "new-plan") {
    if (inputs.length > 1) throw fail("cli.newPlan.one-input");
    if (!output) throw fail("cli.newPlan.no-output");
    return { command: cmd, input: inputs[0], output, lang, planPeriod, planName, title, profiles, aids, protect, timeout };
  }
  if (fiscalYear !== undefined && planPeriod && (fiscalYear < planPeriod.from || fiscalYear > planPeriod.to)) {
    throw fail("cli.arg.fiscal-year-outside", { year: fiscalYear, from: planPeriod.from, to: planPeriod.to });
  }
  const years = { ...(fiscalYear !== undefined ? { fiscalYear } : {}), ...(planPeriod ? { planPeriod } : {}) };
  if (command === "rollover") {
    if (inputs.length > 1) throw fail("cli.rollover.one-input");
    if (!output) throw fail("cli.summarize.no-output");
    return { command, input: inputs[0], output, lang, ...years, profiles, dropEnded, aids, protect, timeout };
  }
  if (command === "summarize") {
    if (inputs.length > 1) throw fail("cli.summarize.one-input");
    if (!output) throw fail("cli.summarize.no-output");
    return { command, input: inputs[0], output, lang, stage, ...years, profiles, includeReposts, progress, timeout, ...(previous !== undefined ? { previous } : {}) };
  }
  return { command: "validate", inputs, json, lang, stage, ...years, profiles, progress, timeout, ...(jobs !== undefined ? { jobs } : {}), ...(previous !== undefined ? { previous } : {}) };
}
