/**
 * The rule tester's harness: small sheets held in memory (no .xlsx round trip), validated with built-in profiles,
 * findings returned as the user reads them: rule id, sheet, A1 cell, message.
 *
 *   const r = check("kodaira-chosahyo", kodairaSurvey({ eval1: { rating: "Z", comment: "x" } }));
 *   expect(r.of("CODE-INVALID")).toEqual([expect.objectContaining({ cell: "F11" })]);
 *
 * Every sheet passed as `sheets` must be recognised by one of the profiles (else check throws), so that a "valid"
 * case never passes only because nothing was read. Master lists and other unread sheets go in `others`.
 * The layout builders below write the smallest sheet each built-in layout reads; where they put things is documented
 * on each, in A1, so that a tester can change one cell with setCell and expect a finding there.
 */
import { type CellRange, parseA1, toA1 } from "../../src/core/model/address";
import type { CellValue } from "../../src/core/model/cell";
import type { Finding, RuleId, Severity } from "../../src/core/model/finding";
import type { SheetGrid } from "../../src/core/model/grid";
import type { Profile, RuleSetting, Stage } from "../../src/core/profile/types";
import { builtInProfile } from "../../src/core/profiles";
import { listSheetSpec, type ListRowInput, type SurveySheetInput, surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { programSheetSpec, type ProgramRowInput } from "../../scripts/seeds/kodaira-program-sheet";
import { specToGrid } from "../helpers/grid";

export type Rows = readonly (readonly CellValue[])[];

/** A finding as the user sees it. */
export interface RuleFinding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address (or range). */
  readonly cell: string;
  readonly ja: string;
  readonly en: string;
  readonly recordId?: string;
}

export interface Checked {
  /** Every finding, in the order the report lists them. */
  readonly findings: readonly RuleFinding[];
  readonly report: ValidationReport;
  /** The findings of one rule. */
  of(ruleId: RuleId): RuleFinding[];
  /** The cells of one rule's findings, as `Sheet!A1` when more than one sheet was given, else `A1`. */
  cells(ruleId: RuleId): string[];
}

export interface CheckOptions {
  readonly stage?: Stage;
  readonly fiscalYear?: number;
  /** Sheets that need not be recognised: master lists (所管課マスタ), a sheet left unread on purpose. */
  readonly others?: readonly SheetGrid[];
  /** Workbook settings as the add-in stores them (owned sheets, overrides). */
  readonly settings?: Readonly<Record<string, string>>;
  /** Last year's sheets, validated with the same profiles: the year-over-year rules run against them. */
  readonly previous?: readonly SheetGrid[];
}

/** A sheet from rows of cell values, top-left at A1. */
export function sheet(name: string, rows: Rows, merges: readonly CellRange[] = []): SheetGrid {
  return { name, visibility: "visible", top: 0, left: 0, rows: rows.map((r) => [...r]), merges: [...merges] };
}

/** The value at an A1 address of a sheet (null outside its rows). */
export function cellAt(grid: SheetGrid, address: string): CellValue {
  const { row, col } = at(address);
  return grid.rows[row - grid.top]?.[col - grid.left] ?? null;
}

/** A copy of the sheet with cells changed, by A1 address; the grid grows when a cell lies outside it. */
export function setCell(grid: SheetGrid, edits: Readonly<Record<string, CellValue>>): SheetGrid {
  const rows = grid.rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(edits)) {
    const { row, col } = at(address);
    const r = row - grid.top;
    const c = col - grid.left;
    if (r < 0 || c < 0) throw new Error(`${address} is above or left of the grid`);
    while (rows.length <= r) rows.push([]);
    const width = Math.max(c + 1, ...rows.map((x) => x.length));
    for (const x of rows) while (x.length < width) x.push(null);
    rows[r][c] = value;
  }
  return { ...grid, rows };
}

function at(address: string): { row: number; col: number } {
  const ref = parseA1(address);
  if (!ref) throw new Error(`not an A1 address: ${address}`);
  return ref;
}

/** A built-in profile with one rule's setting replaced (a parameter, a severity, or switched on). */
export function withRule(profileId: string, ruleId: RuleId, setting: RuleSetting): Profile {
  const p = profileOf(profileId);
  return { ...p, rules: { ...p.rules, [ruleId]: setting } };
}

/** A built-in profile with one rule switched off. */
export function withoutRule(profileId: string, ruleId: RuleId): Profile {
  const p = profileOf(profileId);
  const rules = { ...p.rules };
  delete rules[ruleId];
  return { ...p, rules };
}

function profileOf(p: string | Profile): Profile {
  if (typeof p !== "string") return p;
  const found = builtInProfile(p);
  if (!found) throw new Error(`no built-in profile ${p}`);
  return found;
}

/** Validates the sheets with the given profiles (ids of built-in ones, or profiles) and returns what the user sees. */
export function check(profiles: string | Profile | readonly (string | Profile)[], sheets: SheetGrid | readonly SheetGrid[], opts: CheckOptions = {}): Checked {
  const list = (Array.isArray(profiles) ? profiles : [profiles]) as readonly (string | Profile)[];
  const read = Array.isArray(sheets) ? (sheets as readonly SheetGrid[]) : [sheets as SheetGrid];
  const report = validateWorkbook(
    { sheets: [...read, ...(opts.others ?? [])], skippedSheets: [], settings: opts.settings },
    {
      profiles: list.map(profileOf),
      stage: opts.stage,
      fiscalYear: opts.fiscalYear,
      ...(opts.previous ? { previous: validateWorkbook({ sheets: [...opts.previous], skippedSheets: [] }, { profiles: list.map(profileOf) }) } : {}),
    },
  );
  for (const s of read) {
    const sr = report.sheets.find((x) => x.name === s.name);
    if (sr?.status !== "recognised" || sr.records === 0) {
      throw new Error(`sheet ${s.name} was not read (${sr?.status ?? "missing"}, score ${sr?.score ?? 0}, ${sr?.records ?? 0} records): fix the test grid`);
    }
  }
  const many = read.length + (opts.others?.length ?? 0) > 1;
  const findings = report.findings.map(simple);
  return {
    findings,
    report,
    of: (id) => findings.filter((f) => f.ruleId === id),
    cells: (id) => findings.filter((f) => f.ruleId === id).map((f) => (many ? `${f.sheet}!${f.cell}` : f.cell)),
  };
}

function simple(f: Finding): RuleFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    ja: f.message.ja,
    en: f.message.en,
    ...(f.recordId !== undefined ? { recordId: f.recordId } : {}),
  };
}

/** The A1 address of the first cell whose text is `text` (for builders' users who would rather not count rows). */
export function find(grid: SheetGrid, text: string): string {
  for (let r = 0; r < grid.rows.length; r++) {
    const c = grid.rows[r].findIndex((v) => v === text);
    if (c >= 0) return toA1(grid.top + r, grid.left + c);
  }
  throw new Error(`${text} is not on ${grid.name}`);
}

// ---------------------------------------------------------------- 小平市 調査票 (kodaira-chosahyo, layout survey)

export const KODAIRA_YEARS = ["平成29年度", "平成30年度", "平成31年度", "平成32年度"];

/**
 * One 調査票 sheet (name `No.1`), the canonical layout with one indicator row and one task row:
 *   A1 title `第3次行財政再構築進捗状況調査票（平成29年度末）`
 *   A3:E4 headers, F3 工程表, F4 実施内容, G4:J4 平成29〜32年度
 *   A5 `No.1 {itemTitle}\n<目的・ねらい>\n{purpose}`, B5 indicator, C5 baseline, D5 target, E5 actual,
 *   F5 task, G5:J5 its years (one row per further task or indicator)
 *   with one body row: A7 当初予定(P) header, C7 所管課, D7 取組実績(D), F7 1次評価(C), G7 2次評価(C), H7 来年度…(A);
 *   A8 plan, C8 departments, D8 result, F8 eval1 rating, G8 eval2 rating, H8 next; F9 eval1 comment, G9 eval2 comment;
 *   A11 `平成29年度実績`, C11, E11, G11 (yearly results), their values in row 12.
 * Rows move down by one for each body row past the first (more tasks or indicators).
 */
export function kodairaSurvey(input: Partial<SurveySheetInput> = {}): SheetGrid {
  return specToGrid(
    surveySheetSpec({
      sheetName: "No.1",
      title: "第3次行財政再構築進捗状況調査票（平成29年度末）",
      id: "1",
      itemTitle: "事務事業の見直し",
      purpose: "事業を見直し、経費を削減する。",
      packed: false,
      indicators: [{ label: "見直し件数", baseline: 10, target: 20, actual: 15 }],
      tasks: [{ text: "見直しの実施", years: ["実施", "→", "→", "→"] }],
      plan: "見直しを進める。",
      departments: "行政経営課",
      result: "12件を見直した。",
      eval1: { rating: "A", comment: "予定どおり進んだ。" },
      eval2: { rating: null, comment: null },
      next: "引き続き見直す。",
      ...input,
      headers: {
        baseline: "現状値 (計画初期値)\n平成29年3月末",
        actual: "下半期値\n平成30年3月末",
        years: KODAIRA_YEARS,
        plan: "平成29年度 当初予定(P)",
        yearlyResults: KODAIRA_YEARS.map((y) => `${y}実績`),
        ...input.headers,
      },
    }),
  );
}

/**
 * The 評価一覧 (name `評価一覧`): A1 title, A3:G4 headers (E3 period over E4 所管課, F4 行革本部), then one row per item
 * from row 5: A group, B No., C 取組項目, D 主な推進担当課, E 所管課 rating, F 行革本部 rating, G 目的・ねらい.
 */
export function kodairaList(rows: readonly Partial<ListRowInput>[]): SheetGrid {
  return specToGrid(
    listSheetSpec({
      sheetName: "評価一覧",
      title: "第3次行財政再構築プラン 29年度末評価",
      periodHeader: "29年度下半期評価",
      rows: rows.map((r, i) => ({
        group: i === 0 ? "地域協働の推進" : null,
        no: i + 1,
        title: `取組${i + 1}`,
        departments: "行政経営課",
        rating1: "A",
        rating2: null,
        purpose: "目的",
        ...r,
      })),
    }),
  );
}

// ---------------------------------------------------------------- 武蔵野市 取組状況 (musashino-torikumi, layout torikumi)

export const MUSASHINO_YEARS = ["平成 29 年度", "平成 30 年度", "平成 31 年度", "平成 32 年度"];

export interface MusashinoPlan {
  /** One per year column (B–E). */
  readonly cells: readonly CellValue[];
  readonly status: CellValue;
  /** The year headers over this plan's cells; MUSASHINO_YEARS when not given. */
  readonly headers?: readonly CellValue[];
}

export interface MusashinoProject {
  readonly name?: string;
  readonly departments?: CellValue;
  readonly plans?: readonly MusashinoPlan[];
  readonly progress?: CellValue;
  readonly reason?: CellValue;
}

/**
 * One project's rows, five columns wide. From its first row (1-based, `at`):
 *   at 事業名 | name; at+1 担当課; at+2 課題・目的; at+3 取組事項;
 *   per plan k (from 0): at+4+3k 年次計画 | B–E year headers; at+5+3k | B–E plan cells; at+6+3k 実施状況 | B status;
 *   then 目標に対する 1 年間の取組状況… | B progress, and 未着手・中止 の理由 | B reason.
 * A project with one plan has 9 rows: 事業名 A1, headers B5:E5, cells B6:E6, status B7, progress B8, reason B9.
 */
export function musashinoProject(p: MusashinoProject = {}): CellValue[][] {
  const rows: CellValue[][] = [
    ["事業名", p.name ?? "事業A", null, null, null],
    ["担当課", p.departments === undefined ? "企画調整課" : p.departments, null, null, null],
    ["課題・目的", "課題", null, null, null],
    ["取組事項", "取組", null, null, null],
  ];
  for (const plan of p.plans ?? [{ cells: ["検討", "実施", "→", "→"], status: "○" }]) {
    rows.push(["年次計画", ...(plan.headers ?? MUSASHINO_YEARS)]);
    rows.push([null, ...plan.cells]);
    rows.push(["実施状況", plan.status, null, null, null]);
  }
  rows.push(["目標に対する 1 年間の取組状況、課題及び今後の予定", p.progress === undefined ? "取組を進めた。" : p.progress, null, null, null]);
  rows.push(["未着手・中止 の理由", p.reason ?? null, null, null, null]);
  return rows;
}

/** The 取組状況 sheet (name `取組状況`): the projects one under the other, the first at A1 (see musashinoProject). */
export function musashinoSheet(projects: readonly MusashinoProject[], name = "取組状況"): SheetGrid {
  return sheet(name, projects.flatMap((p) => musashinoProject(p)));
}

// ---------------------------------------------------------------- 小平市 推進プログラム (kodaira-program, layout program)

export const PROGRAM_YEARS = ["R3", "R4", "R5", "R6"];

export type ProgramItem = Extract<ProgramRowInput, { kind: "item" }>;

/**
 * The 進捗状況 sheet (name `推進プログラム`): A1 title, header in rows 3–4 (A No., B 実施プログラム, C 主な取組の方向性,
 * D 取組項目, E–H R3–R6, I 実績, J 令和5年度当初予定, K 令和6年度当初予定), a 方向性 row at A5, then one row per item
 * from row 6: A No., B title, C purpose, D tasks, E–H years, I result, J plan, K planNext.
 */
export function programSheet(items: readonly Partial<ProgramItem>[], name = "推進プログラム"): SheetGrid {
  return specToGrid(
    programSheetSpec({
      sheetName: name,
      title: "小平市経営方針推進プログラム 進捗状況",
      headers: {
        schedule: "年度スケジュール",
        years: PROGRAM_YEARS,
        result: "令和4年度までの取組実績",
        plan: "令和5年度当初予定・設定目標(前年度末の状況)",
        planNext: "令和6年度当初予定・設定目標(前年度末の状況)",
      },
      before: [],
      rows: [
        { kind: "group", text: "方向性1 持続可能な行財政運営" },
        ...items.map(
          (it, i): ProgramItem => ({
            kind: "item",
            no: i + 1,
            title: `プログラム${i + 1}`,
            purpose: "事務を効率化する。",
            tasks: "効率化の検討",
            years: [null, "検討", "実施", "→"],
            result: "検討を進めた。",
            plan: "実施する。",
            planNext: "継続する。",
            ...it,
          }),
        ),
      ],
    }),
  );
}

// ---------------------------------------------------------------- 三鷹市 (mitaka-shihyo flat, mitaka-actionplan items)

export interface MitakaIndicator {
  readonly part?: CellValue;
  readonly measure?: CellValue;
  readonly departments?: CellValue;
  readonly indicator?: CellValue;
  readonly unit?: CellValue;
  /** 計画策定時 平成22年度. */
  readonly baseline?: CellValue;
  /** 達成値 平成26年度, 平成30年度, 令和2年度. */
  readonly actual?: readonly CellValue[];
  readonly target?: CellValue;
  readonly targetType?: CellValue;
  readonly note?: CellValue;
}

export const MITAKA_FLAT_HEADER: readonly CellValue[] = ["部", "施策", "主な担当課", "指標名", "単位", "計画策定時", "達成値", null, null, "目標値", "目標の型", "注記"];
export const MITAKA_FLAT_YEARS: readonly CellValue[] = [null, null, null, null, null, "平成22年度", "平成26年度(前期)", "平成30年度(中期)", "令和2(2020)年度", "令和4(2022)年度", null, null];

/**
 * 目標指標一覧, one row per indicator (name `目標指標一覧`): A1 title, header in rows 3–4 (G3 達成値 over G4:I4), then one
 * row per indicator from row 5: A 部, B 施策, C 主な担当課, D 指標名, E 単位, F 計画策定時, G–I 達成値, J 目標値, K 目標の型, L 注記.
 * Defaults: 人, 100 → 110, 120, 130 → 150, 以上 (give targetType: null to leave the 目標の型 blank).
 */
export function mitakaIndicators(rows: readonly MitakaIndicator[], name = "目標指標一覧"): SheetGrid {
  const body = rows.map((r, i): CellValue[] => {
    const actual = r.actual ?? [110, 120, 130];
    return [
      r.part === undefined ? "第1部 平和・人権のまちをつくる" : r.part,
      r.measure === undefined ? "第1 国際化の推進" : r.measure,
      r.departments === undefined ? "企画経営課" : r.departments,
      r.indicator === undefined ? `指標${i + 1}` : r.indicator,
      r.unit === undefined ? "人" : r.unit,
      r.baseline === undefined ? 100 : r.baseline,
      actual[0] ?? null,
      actual[1] ?? null,
      actual[2] ?? null,
      r.target === undefined ? 150 : r.target,
      r.targetType === undefined ? "以上" : r.targetType,
      r.note ?? null,
    ];
  });
  return sheet(name, [["目標指標の達成状況（令和2年度）"], [], MITAKA_FLAT_HEADER, MITAKA_FLAT_YEARS, ...body], [{ top: 2, left: 6, bottom: 2, right: 8 }]);
}

export interface MitakaAction {
  readonly id?: string;
  readonly title?: CellValue;
  readonly departments?: CellValue;
  readonly summary?: CellValue;
  readonly progress?: CellValue;
}

/**
 * アクションプラン (name `アクションプラン`): A1 title, A3 `体系1 創造的な自治体経営の推進`, then each item in four rows from
 * row 5 (item k at 5+4k): A id | B title | C departments; A 概要 | B summary; A 令和2年度の取組状況等 | B progress; blank.
 */
export function mitakaActions(items: readonly MitakaAction[], name = "アクションプラン"): SheetGrid {
  const rows: CellValue[][] = [["第2節 各体系の主な取り組み状況について"], [], ["体系1 創造的な自治体経営の推進"], []];
  items.forEach((it, i) => {
    rows.push([it.id ?? `1-(${i + 1})`, it.title === undefined ? `取組${i + 1}` : it.title, it.departments === undefined ? "企画経営課" : it.departments]);
    rows.push(["概要", it.summary === undefined ? "概要の説明" : it.summary, null]);
    rows.push(["令和2年度の取組状況等", it.progress === undefined ? "取組を進めた。" : it.progress, null]);
    rows.push([]);
  });
  return sheet(name, rows);
}
