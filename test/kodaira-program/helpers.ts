/** Test helpers for the 小平 推進プログラム: the sample workbook, its data, and edited copies of its sheet. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import type { SurveyRecord } from "../../src/core/model/record";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaProgramInput, programDataDir } from "../../scripts/seeds/kodaira-program";
import { programSheetSpec, type ProgramRowInput, type ProgramSheetInput } from "../../scripts/seeds/kodaira-program-sheet";
import { ROOT, specToGrid } from "../helpers/grid";

export const PROGRAM_SEED = path.join(ROOT, "seeds", "kodaira-program-r6.xlsx");

let seedCache: Promise<WorkbookSnapshot> | undefined;

/** seeds/kodaira-program-r6.xlsx through the ExcelJS adapter, read once per test file. */
export function programSeed(): Promise<WorkbookSnapshot> {
  seedCache ??= XlsxWorkbook.load(readFileSync(PROGRAM_SEED)).then((b) => b.readAll());
  return seedCache;
}

export interface GoalJson {
  source: string;
  line: number;
  text: string;
  baseline_label?: string;
  baseline_raw?: string;
  baseline_value?: number;
  baseline_unit?: string;
  target_value?: number;
  target_unit?: string;
  comparator?: string;
  horizon?: string;
  prior_year_end_status_raw?: string;
}

export interface ProgramJson {
  no: number;
  raw_no: string;
  no_style: "circled" | "arabic";
  line: number;
  program_group: string;
  direction: string;
  title: string;
  title_raw: string;
  ended: boolean;
  goals: GoalJson[];
  schedule: { cells: string[]; tokens: string[] };
  plan_R5_equals_R6: boolean;
  html_list_markup: boolean;
}

/** seeds/data/kodaira-program/kodaira_program.json: the 23 programme rows extracted from the source text. */
export function programJson(): ProgramJson[] {
  return JSON.parse(readFileSync(path.join(programDataDir(), "kodaira_program.json"), "utf8")) as ProgramJson[];
}

/** The JSON's goal source → the record field the column is read into. */
export const SOURCE_COLUMN: Readonly<Record<string, string>> = {
  主な取組の方向性: "purpose",
  "令和5年度当初予定/設定目標": "plan",
  "令和6年度当初予定/設定目標": "planNext",
};

type Item = Extract<ProgramRowInput, { kind: "item" }>;

/** The seed's input with some items changed (by No. as a number) and rows added at the end. */
export function editedInput(edits: Readonly<Record<number, Partial<Item>>>, extra: readonly ProgramRowInput[] = []): ProgramSheetInput {
  const input = kodairaProgramInput();
  const no = (r: Item) => (typeof r.no === "number" ? r.no : "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".indexOf(r.no) + 1);
  const rows = input.rows.map((r) => (r.kind === "item" && edits[no(r)] ? { ...r, ...edits[no(r)] } : r));
  return { ...input, rows: [...rows, ...extra] };
}

/** Validates one program sheet held in memory. */
export function validateInput(input: ProgramSheetInput): ValidationReport {
  return validateWorkbook({ sheets: [specToGrid(programSheetSpec(input))], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
}

export function recordNo(r: SurveyRecord): number {
  return Number(r.id?.text);
}
