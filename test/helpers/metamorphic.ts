/**
 * Metamorphic transforms of a workbook snapshot, for test/metamorphic: every year shifted, sheets and records
 * reordered, blank rows and a column inserted, departments renamed. Each transform that moves cells also returns
 * where every original cell went, so a finding can be looked for at its new address.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CellRange } from "../../src/core/model/address";
import { parseA1, toA1 } from "../../src/core/model/address";
import type { CellValue } from "../../src/core/model/cell";
import type { Finding } from "../../src/core/model/finding";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import { en } from "../../src/core/i18n/en";
import { ja } from "../../src/core/i18n/ja";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "./grid";

// ---------------------------------------------------------------- the samples

/** Every sample workbook in seeds/, by file name. */
export function sampleFiles(): string[] {
  return readdirSync(path.join(ROOT, "seeds"))
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort();
}

const sampleCache = new Map<string, Promise<WorkbookSnapshot>>();

/** A sample read through the xlsx adapter, once per test file. */
export function sample(file: string): Promise<WorkbookSnapshot> {
  let p = sampleCache.get(file);
  if (!p) {
    p = XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", file))).then((b) => b.readAll());
    sampleCache.set(file, p);
  }
  return p;
}

// ---------------------------------------------------------------- years

type Era = "明治" | "大正" | "昭和" | "平成" | "令和";
const ERA_OFFSET: Readonly<Record<Era, number>> = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 };
const ERA_LETTER: Readonly<Record<Era, string>> = { 明治: "M", 大正: "T", 昭和: "S", 平成: "H", 令和: "R" };
const LETTER_ERA: Readonly<Record<string, Era>> = { H: "平成", R: "令和" };

/**
 * The era a year is written in at its own time. A fiscal or calendar year 2019 is 令和元 (as 令和元年度 is
 * written); with a month, 2019 before May is still 平成31 (平成31年3月末).
 */
export function eraOf(year: number, month?: number): Era {
  if (year > 2019 || (year === 2019 && (month === undefined || month >= 5))) return "令和";
  if (year >= 1989) return "平成";
  if (year >= 1926) return "昭和";
  if (year >= 1912) return "大正";
  return "明治";
}

/**
 * How a year was written, so that it is written back the same way:
 * era `平成 29` (rewritten in the era of the new year), abbr `H29`, western `2017`,
 * cont the second year of a range after an era year (`平成 29～32 年度`, `令和3年度～7年度`),
 * bare a two-digit era year with no era in a 平成 workbook (`29年度下半期評価`, `30年2月末`).
 */
type YearForm =
  | { readonly t: "era"; readonly sp: string }
  | { readonly t: "abbr" }
  | { readonly t: "western" }
  | { readonly t: "cont"; readonly head: YearPiece }
  | { readonly t: "bare" };

interface YearPiece {
  readonly year: number;
  /** The month written with it (平成30年3月末, H29.5.21): decides the era in 2019. */
  readonly month?: number;
  readonly form: YearForm;
  readonly wide: boolean;
}

type Piece = string | YearPiece;

export interface YearOptions {
  /** The era of bare two-digit years (`29年度`): 平成 in a workbook written before 令和; otherwise bare numbers are not years. */
  readonly bareEra?: "平成";
}

const D = "[0-9０-９]";
const ERA_NAMES = "明治|大正|昭和|平成|令和";
const RANGE = "[～~〜\\-－−–]";
const ERA_HEAD = new RegExp(`(${ERA_NAMES})(\\s*)(元|${D}{1,2})(?!${D})`, "y");
const PAIR = new RegExp(`(\\s*[(（]\\s*)((?:1[89]|20)${D}{2})(?=\\s*[)）])`, "y");
const CONT = new RegExp(`((?:\\s*[)）])?(?:\\s*年度?)?\\s*${RANGE}\\s*)(元|${D}{1,2})(?!${D})(?=\\s*(?:[(（]\\s*${D}{4}\\s*[)）]\\s*)?年)`, "y");
const MONTH_AFTER = new RegExp(`(?:\\s*[)）])?\\s*年\\s*(${D}{1,2})\\s*月`, "y");
const ABBR_HEAD = new RegExp(`([HR])(${D}{1,2})(?!${D})`, "y");
const ABBR_MONTH = new RegExp(`(?:\\.(${D}{1,2})(?!${D})|\\s*年\\s*(${D}{1,2})\\s*月)`, "y");
const WESTERN_HEAD = new RegExp(`((?:1[89]|20)${D}{2})(?!${D})`, "y");
/** A western year is a year when 年 follows, an era pair follows, or it is a date or range (`2018-03`, `2017～2020年度`). */
const WESTERN_AFTER = new RegExp(`(?:\\s*年|\\s*[(（]\\s*(?:${ERA_NAMES}|[HR])\\s*(?:元|${D})|[-/]${D}{1,2}(?!${D})|\\s*${RANGE}\\s*(?:1[89]|20)${D}{2}\\s*年)`, "y");
const WESTERN_MARK = /(?:西暦|FY)\s*$/;
const WESTERN_MONTH = new RegExp(`(?:\\s*年\\s*(${D}{1,2})\\s*月|[-/](${D}{1,2})(?!${D}))`, "y");
/** Bare era years: 年度 or a month follows (`29年度`, `30年2月末`, `29～30年度`); `30年の間`, `4年間`, `10年以上` are not years. */
const BARE_HEAD = new RegExp(`(${D}{2})(?!${D})(?=\\s*年度|\\s*年\\s*${D}{1,2}\\s*月|\\s*${RANGE}\\s*${D}{2}\\s*年度)`, "y");
const BARE_BEFORE = /[0-9０-９.,，．第]/;
const LETTER = /[A-Za-zＡ-Ｚａ-ｚ]/;
const DIGIT = /[0-9０-９]/;
const CANDIDATE = /[明大昭平令HR0-9０-９]/g;

function toInt(s: string): number {
  return s === "元" ? 1 : parseInt(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)), 10);
}

function isWide(s: string): boolean {
  return /[０-９]/.test(s);
}

function digits(n: number, wide: boolean): string {
  const s = String(n);
  return wide ? s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : s;
}

/** The match of a sticky pattern at `pos`, or null. */
function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Splits a text into plain text and the years written in it. */
function scanYears(text: string, opts: YearOptions): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  const plainUpTo = (end: number) => {
    if (end > from) out.push(text.slice(from, end));
  };
  CANDIDATE.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = CANDIDATE.exec(text)) !== null) {
    const i = c.index;
    const prev = i > 0 ? text[i - 1] : "";
    // 平成 29 年度, 令和元年, 令和2(2020)年度, 平成 29～32 年度
    const era = matchAt(ERA_HEAD, text, i);
    if (era) {
      plainUpTo(i);
      const eraName = era[1] as Era;
      let end = i + era[0].length;
      const pair = matchAt(PAIR, text, end);
      const month = matchAt(MONTH_AFTER, text, end + (pair ? pair[0].length : 0));
      const head: YearPiece = { year: ERA_OFFSET[eraName] + toInt(era[3]), month: month ? toInt(month[1]) : undefined, form: { t: "era", sp: era[2] }, wide: isWide(era[3]) };
      out.push(head);
      if (pair) {
        out.push(pair[1], { year: toInt(pair[2]), form: { t: "western" }, wide: isWide(pair[2]) });
        end += pair[0].length;
      }
      const cont = matchAt(CONT, text, end);
      if (cont) {
        const m2 = matchAt(MONTH_AFTER, text, end + cont[0].length);
        out.push(cont[1], { year: ERA_OFFSET[eraName] + toInt(cont[2]), month: m2 ? toInt(m2[1]) : undefined, form: { t: "cont", head }, wide: isWide(cont[2]) });
        end += cont[0].length;
      }
      from = end;
      CANDIDATE.lastIndex = end;
      continue;
    }
    // H29, H29.5.21, R5.3時点
    const abbr = LETTER.test(prev) ? null : matchAt(ABBR_HEAD, text, i);
    if (abbr) {
      plainUpTo(i);
      const end = i + abbr[0].length;
      const m = matchAt(ABBR_MONTH, text, end);
      out.push({ year: ERA_OFFSET[LETTER_ERA[abbr[1]]] + toInt(abbr[2]), month: m ? toInt(m[1] ?? m[2]) : undefined, form: { t: "abbr" }, wide: isWide(abbr[2]) });
      from = end;
      CANDIDATE.lastIndex = end;
      continue;
    }
    if (!DIGIT.test(text[i])) continue;
    // 2017年度, 西暦2017, FY2017, 2020(令和2)年, 2018-03
    const west = BARE_BEFORE.test(prev) ? null : matchAt(WESTERN_HEAD, text, i);
    if (west && (matchAt(WESTERN_AFTER, text, i + west[0].length) || WESTERN_MARK.test(text.slice(Math.max(0, i - 4), i)))) {
      plainUpTo(i);
      const end = i + west[0].length;
      const m = matchAt(WESTERN_MONTH, text, end);
      out.push({ year: toInt(west[1]), month: m ? toInt(m[1] ?? m[2]) : undefined, form: { t: "western" }, wide: isWide(west[1]) });
      from = end;
      CANDIDATE.lastIndex = end;
      continue;
    }
    // 29年度 in a 平成 workbook
    const bare = opts.bareEra && !BARE_BEFORE.test(prev) ? matchAt(BARE_HEAD, text, i) : null;
    if (bare) {
      plainUpTo(i);
      const end = i + bare[0].length;
      const m = matchAt(MONTH_AFTER, text, end);
      out.push({ year: ERA_OFFSET[opts.bareEra!] + toInt(bare[1]), month: m ? toInt(m[1]) : undefined, form: { t: "bare" }, wide: isWide(bare[1]) });
      from = end;
      CANDIDATE.lastIndex = end;
      continue;
    }
    // A run of digits that is no year is passed whole, so that no year is read from its middle.
    let j = i;
    while (j < text.length && DIGIT.test(text[j])) j++;
    CANDIDATE.lastIndex = j;
  }
  plainUpTo(text.length);
  return out;
}

function eraYearText(era: Era, year: number, wide: boolean): string {
  const n = year - ERA_OFFSET[era];
  return n === 1 ? "元" : digits(n, wide);
}

/** A year written back `delta` years later, in the same form and in the era of its new time. */
function renderYear(p: YearPiece, delta: number, opts: YearOptions): string {
  const y = p.year + delta;
  const era = eraOf(y, p.month);
  switch (p.form.t) {
    case "era":
      return `${era}${p.form.sp}${eraYearText(era, y, p.wide)}`;
    case "abbr":
      return `${ERA_LETTER[era]}${digits(y - ERA_OFFSET[era], p.wide)}`;
    case "western":
      return digits(y, p.wide);
    case "cont": {
      const head = p.form.head;
      const headEra = eraOf(head.year + delta, head.month);
      // A range that now crosses an era names the second era: 平成30～令和3年度.
      return era === headEra ? eraYearText(era, y, p.wide) : `${era}${eraYearText(era, y, p.wide)}`;
    }
    case "bare":
      return era === opts.bareEra ? digits(y - ERA_OFFSET[era], p.wide) : `${era}${eraYearText(era, y, p.wide)}`;
  }
}

/** The text with every year in it `delta` years later: 平成29年度 +2 → 令和元年度, H29.5.21 +2 → R1.5.21. */
export function shiftYearsInText(text: string, delta: number, opts: YearOptions = {}): string {
  return scanYears(text, opts)
    .map((p) => (typeof p === "string" ? p : renderYear(p, delta, opts)))
    .join("");
}

/**
 * The text with every year replaced by ⟨western year + delta⟩, however it is written, so that messages can be
 * compared across a shift: 平成32年度 and 令和2年度 both read ⟨2020⟩年度.
 */
export function canonicalYears(text: string, opts: YearOptions = {}, delta = 0): string {
  return scanYears(text, opts)
    .map((p) => (typeof p === "string" ? p : `⟨${p.year + delta}⟩`))
    .join("");
}

/** The years in a text, as western years, in order. */
export function yearsIn(text: string, opts: YearOptions = {}): number[] {
  return scanYears(text, opts).flatMap((p) => (typeof p === "string" ? [] : [p.year]));
}

/** 平成 for a workbook that names 平成 (or H) years and no 令和 (or R) year: its bare `29年度` are 平成 years. */
export function bareEraOf(snapshot: WorkbookSnapshot): "平成" | undefined {
  let heisei = false;
  for (const s of snapshot.sheets)
    for (const row of s.rows)
      for (const v of row) {
        if (typeof v !== "string") continue;
        if (/令和\s*(?:元|[0-9０-９])|(?<![A-Za-z])R[0-9０-９]/.test(v)) return undefined;
        if (/平成\s*(?:元|[0-9０-９])|(?<![A-Za-z])H[0-9０-９]/.test(v)) heisei = true;
      }
  return heisei ? "平成" : undefined;
}

function shiftDate(d: Date, delta: number): Date {
  const out = new Date(d.getTime());
  out.setUTCFullYear(d.getUTCFullYear() + delta);
  return out;
}

/** A cell's value `delta` years later: text through shiftYearsInText, dates by their year; numbers are never years here. */
export function shiftCellYears(v: CellValue, delta: number, opts: YearOptions): CellValue {
  if (typeof v === "string") return shiftYearsInText(v, delta, opts);
  if (v instanceof Date) return shiftDate(v, delta);
  return v;
}

/** The workbook with every year in every cell `delta` years later. Sheet names and numbers are left as they are. */
export function shiftWorkbookYears(snapshot: WorkbookSnapshot, delta: number, opts: YearOptions = { bareEra: bareEraOf(snapshot) }): WorkbookSnapshot {
  return mapValues(snapshot, (v) => shiftCellYears(v, delta, opts));
}

/** Text fragments of the message catalogue that carry a year of their own (an example such as `(令和3年4月1日現在:0%)`). */
let catalogueYears: string[] | undefined;
function catalogueYearLiterals(): string[] {
  if (!catalogueYears) {
    const set = new Set<string>();
    for (const cat of [ja, en] as Record<string, string>[])
      for (const template of Object.values(cat))
        for (const literal of template.split(/\{\w+\}/)) if (yearsIn(literal).length) set.add(literal);
    catalogueYears = [...set].sort((a, b) => b.length - a.length);
  }
  return catalogueYears;
}

/**
 * A message with the years that came from the workbook as ⟨year + delta⟩; a year the catalogue itself writes
 * (an example in the message's text) is kept as it is, as it never moves with the workbook.
 */
export function canonicalMessage(text: string, opts: YearOptions, delta = 0): string {
  const kept: string[] = [];
  let t = text;
  for (const literal of catalogueYearLiterals()) {
    if (!t.includes(literal)) continue;
    t = t.split(literal).join(`\u0000${kept.length}\u0000`);
    kept.push(literal);
  }
  return canonicalYears(t, opts, delta).replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]);
}

// ---------------------------------------------------------------- grids

export interface Place {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** Where a transform put each original cell. */
export type CellMove = (p: Place) => Place;

interface FilledCell {
  readonly r: number;
  readonly c: number;
  readonly v: CellValue;
}

function filledCells(grid: SheetGrid): FilledCell[] {
  const out: FilledCell[] = [];
  grid.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== undefined) out.push({ r: grid.top + i, c: grid.left + j, v });
    }),
  );
  return out;
}

/** A grid of the same sheet holding these cells, trimmed to them as the adapters trim. */
function rebuild(grid: SheetGrid, cells: readonly FilledCell[], merges: readonly CellRange[], numberFormats?: ReadonlyMap<string, string>): SheetGrid {
  if (cells.length === 0) return { ...grid, top: 0, left: 0, rows: [], merges, numberFormats };
  const top = Math.min(...cells.map((c) => c.r));
  const left = Math.min(...cells.map((c) => c.c));
  const bottom = Math.max(...cells.map((c) => c.r));
  const right = Math.max(...cells.map((c) => c.c));
  const rows: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) rows.push(new Array<CellValue>(right - left + 1).fill(null));
  for (const c of cells) rows[c.r - top][c.c - left] = c.v;
  return { ...grid, top, left, rows, merges, numberFormats: numberFormats && numberFormats.size ? numberFormats : undefined };
}

/** Every cell's value through `f`, nothing moved. */
export function mapValues(snapshot: WorkbookSnapshot, f: (v: CellValue, p: Place) => CellValue): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((g) => ({
      ...g,
      rows: g.rows.map((row, i) => row.map((v, j) => (v === null ? v : f(v, { sheet: g.name, row: g.top + i, col: g.left + j })))),
    })),
  };
}

/** The sheets in another order: `order[i]` is the index of the sheet that comes i-th. */
export function reorderSheets(snapshot: WorkbookSnapshot, order: readonly number[]): WorkbookSnapshot {
  if ([...order].sort((a, b) => a - b).join() !== snapshot.sheets.map((_, i) => i).join()) throw new Error(`not a permutation: ${order.join()}`);
  return { ...snapshot, sheets: order.map((i) => snapshot.sheets[i]) };
}

/**
 * `rows` blank rows inserted before absolute row `row`, and one blank column before absolute column `col`, on every
 * sheet, as Excel's Insert does: cells at or past them move, a merge the insertion cuts through grows.
 */
export function insertBlankRowsAndColumn(
  snapshot: WorkbookSnapshot,
  at: (grid: SheetGrid) => { readonly row: number; readonly col: number },
  rows = 2,
): { snapshot: WorkbookSnapshot; move: CellMove } {
  const where = new Map<string, { row: number; col: number }>();
  const sheets = snapshot.sheets.map((g) => {
    const p = at(g);
    where.set(g.name, p);
    const r = (x: number) => (x >= p.row ? x + rows : x);
    const c = (x: number) => (x >= p.col ? x + 1 : x);
    const merges = g.merges.map((m) => ({ top: r(m.top), bottom: m.bottom >= p.row ? m.bottom + rows : m.bottom, left: c(m.left), right: m.right >= p.col ? m.right + 1 : m.right }));
    const formats = new Map<string, string>();
    for (const [k, v] of g.numberFormats ?? []) {
      const [kr, kc] = k.split(",").map(Number);
      formats.set(`${r(kr)},${c(kc)}`, v);
    }
    return rebuild(g, filledCells(g).map((x) => ({ r: r(x.r), c: c(x.c), v: x.v })), merges, formats);
  });
  const move: CellMove = (pl) => {
    const p = where.get(pl.sheet);
    if (!p) return pl;
    return { sheet: pl.sheet, row: pl.row >= p.row ? pl.row + rows : pl.row, col: pl.col >= p.col ? pl.col + 1 : pl.col };
  };
  return { snapshot: { ...snapshot, sheets }, move };
}

/** Rows [start, end) of one record (absolute, end exclusive). */
export interface RowBlock {
  readonly start: number;
  readonly end: number;
}

/**
 * One sheet's records, in runs that may be reordered among themselves (the records of one group or heading), and
 * the columns that stay in place because they head a group rather than belong to a record (小平 評価一覧's 項目(方針)).
 */
export interface RecordLayout {
  readonly runs: readonly (readonly RowBlock[])[];
  readonly fixedCols: ReadonlySet<number>;
}

/**
 * Each run's records in reverse order. The records of a run must follow one another with no row between; a merge
 * must lie within one record or within the fixed columns.
 */
export function reverseRecords(grid: SheetGrid, layout: RecordLayout): { grid: SheetGrid; rowOf: (row: number, col: number) => number } {
  const rowMap = new Map<number, number>();
  for (const run of layout.runs) {
    if (run.length < 2) continue;
    for (let i = 1; i < run.length; i++) if (run[i].start !== run[i - 1].end) throw new Error(`${grid.name}: records ${run[i - 1].start}-${run[i].start} do not follow one another`);
    let at = run[0].start;
    for (const b of [...run].reverse()) {
      for (let r = b.start; r < b.end; r++) rowMap.set(r, at + (r - b.start));
      at += b.end - b.start;
    }
  }
  const rowOf = (row: number, col: number) => (layout.fixedCols.has(col) ? row : (rowMap.get(row) ?? row));
  const blockOf = (row: number) => layout.runs.flat().find((b) => row >= b.start && row < b.end);
  const merges = grid.merges.map((m) => {
    const fixed = [...Array(m.right - m.left + 1).keys()].every((k) => layout.fixedCols.has(m.left + k));
    if (fixed) return m;
    const b = blockOf(m.top);
    if (b !== blockOf(m.bottom) || (b && (m.top < b.start || m.bottom >= b.end))) throw new Error(`${grid.name}: a merge crosses records (${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)})`);
    const d = rowOf(m.top, m.left) - m.top;
    return { ...m, top: m.top + d, bottom: m.bottom + d };
  });
  const formats = new Map<string, string>();
  for (const [k, v] of grid.numberFormats ?? []) {
    const [kr, kc] = k.split(",").map(Number);
    formats.set(`${rowOf(kr, kc)},${kc}`, v);
  }
  const moved = rebuild(grid, filledCells(grid).map((x) => ({ r: rowOf(x.r, x.c), c: x.c, v: x.v })), merges, formats);
  return { grid: moved, rowOf };
}

// ---------------------------------------------------------------- findings

/** A finding's cell (`B12` or `B12:D14`) where a transform moved it. */
export function movedCell(sheet: string, cell: string, move: CellMove): { sheet: string; cell: string } {
  const parts = cell.split(":").map((a) => {
    const p = parseA1(a);
    if (!p) throw new Error(`not a cell: ${cell}`);
    return move({ sheet, row: p.row, col: p.col });
  });
  return { sheet: parts[0].sheet, cell: parts.map((p) => toA1(p.row, p.col)).join(":") };
}

/** A finding as compared: rule, sheet, cell. */
export function findingKey(f: Pick<Finding, "ruleId" | "sheet" | "cell">): string {
  return `${f.ruleId} ${f.sheet}!${f.cell}`;
}

/** What one multiset has that the other lacks, both ways; empty lists when they are equal. */
export function multisetDiff(expected: readonly string[], actual: readonly string[]): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const k of expected) count.set(k, (count.get(k) ?? 0) + 1);
  const extra: string[] = [];
  for (const k of actual) {
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else extra.push(k);
  }
  const missing = [...count].flatMap(([k, n]) => new Array<string>(n).fill(k));
  return { missing: missing.sort(), extra: extra.sort() };
}

// ---------------------------------------------------------------- departments

const DEPARTMENT_SUFFIXES = ["ステーション", "オフィス", "グループ", "センター", "委員会", "事務局", "チーム", "プラザ", "本部", "組合", "機構", "公社", "担当", "課", "室", "部", "局", "館", "所", "園", "係", "班", "庁", "署", "院", "校", "会", "場", "団", "隊"];
/** Words that stand for departments without naming one; never renamed. */
export const DEPARTMENT_WILDCARDS: ReadonlySet<string> = new Set(["各所管課", "全課", "各課", "施設所管課", "関係各課", "関係課", "所管課", "全庁", "各部署", "全部署"]);
const NAME_POOL = "甲乙丙丁戊己庚辛壬癸鶴亀松竹梅桃桜菊蘭萩藤葵椿楓柳杉桐榎樫楠欅槙柊椎栃檜朴鴨鷺雉鶉鴫雁鳩燕雀鶯";

/**
 * Other names for departments, each as long as the one it replaces, with the same `・` and the same kind of
 * ending (課, 部, センター…), made of characters the workbook does not use, so that a rename cannot meet other text.
 */
export function departmentRenames(names: Iterable<string>, snapshot: WorkbookSnapshot): Map<string, string> {
  const used = new Set<string>();
  for (const s of snapshot.sheets) for (const row of s.rows) for (const v of row) if (typeof v === "string") for (const ch of v) used.add(ch);
  const pool = [...NAME_POOL].filter((ch) => !used.has(ch));
  if (pool.length < 20) throw new Error("too few unused characters for department names");
  const out = new Map<string, string>();
  const taken = new Set<string>();
  let n = 0;
  for (const name of [...new Set(names)].sort()) {
    if (DEPARTMENT_WILDCARDS.has(name)) continue;
    const suffix = DEPARTMENT_SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length) ?? "";
    const stem = [...name.slice(0, name.length - suffix.length)];
    const letters = stem.filter((ch) => ch !== "・").length;
    let renamed: string;
    do {
      // The i-th name's stem spells i in base |pool|, padded with the pool's first character.
      let i = n++;
      const spelled: string[] = [];
      for (let k = 0; k < letters; k++) {
        spelled.push(pool[i % pool.length]);
        i = Math.floor(i / pool.length);
      }
      let k = 0;
      renamed = stem.map((ch) => (ch === "・" ? ch : spelled[k++])).join("") + suffix;
    } while (taken.has(renamed));
    taken.add(renamed);
    out.set(name, renamed);
  }
  return out;
}

/** A function that renames every department of `renames` in a text, longest names first. */
export function renamer(renames: ReadonlyMap<string, string>): (text: string) => string {
  const names = [...renames.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return (t) => t;
  const re = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return (text) => text.replace(re, (m) => renames.get(m) ?? m);
}

/** A finding as shown when a comparison fails: rule, sheet, cell and its Japanese message. */
export function findingLine(f: Finding): string {
  return `${findingKey(f)} ${f.message.ja}`;
}

/**
 * The findings expected (the original run's, moved to their new cells) that the transformed run lacks, and those it
 * has in excess, compared by rule, sheet and cell; each shown with its message.
 */
export function findingsDiff(expected: readonly Finding[], actual: readonly Finding[]): { missing: string[]; extra: string[] } {
  const d = multisetDiff(expected.map(findingKey), actual.map(findingKey));
  const show = (keys: string[], from: readonly Finding[]) => {
    const pool = [...from];
    return keys.map((k) => {
      const i = pool.findIndex((f) => findingKey(f) === k);
      return findingLine(pool.splice(i, 1)[0]);
    });
  };
  return { missing: show(d.missing, expected), extra: show(d.extra, actual) };
}

/** The findings with their cells where a transform moved them. */
export function moveFindings(findings: readonly Finding[], move: CellMove): Finding[] {
  return findings.map((f) => ({ ...f, ...movedCell(f.sheet, f.cell, move) }));
}

/** What a year cut short by a message's clip (`令和1…` of 令和15年度) may leave before the `…`. */
const CUT_YEAR_TAIL = /(?:⟨\d+⟩|明治|大正|昭和|平成|令和|[明大昭平令HR]|[0-9０-９]|年|度|\s)+$/;

/**
 * Two canonical messages say the same: equal, or equal but where a quote is clipped (`…`, rules' clip()): a shifted
 * year may be written longer or shorter (平成29 → 令和元), so the clip falls a character earlier or later. Before
 * each `…` one text must then be a prefix of the other, once a year cut in two is dropped; the rest must be equal.
 */
export function sameClippedMessage(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = a.split("…");
  const pb = b.split("…");
  if (pa.length !== pb.length || pa.length === 1) return false;
  if (pa[pa.length - 1] !== pb[pb.length - 1]) return false;
  return pa.slice(0, -1).every((x, i) => {
    const y = pb[i];
    const sx = x.replace(CUT_YEAR_TAIL, "");
    const sy = y.replace(CUT_YEAR_TAIL, "");
    return sx.startsWith(sy) || sy.startsWith(sx);
  });
}

/** multisetDiff with an equality of its own: each expected item takes the first actual one it equals. */
export function multisetDiffBy(expected: readonly string[], actual: readonly string[], same: (a: string, b: string) => boolean): { missing: string[]; extra: string[] } {
  const pool = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const i = pool.findIndex((a) => same(e, a));
    if (i >= 0) pool.splice(i, 1);
    else missing.push(e);
  }
  return { missing: missing.sort(), extra: pool.sort() };
}

// ---------------------------------------------------------------- where the records are, per built-in layout

function textAt(grid: SheetGrid, row: number, col: number): string {
  const v = grid.rows[row - grid.top]?.[col - grid.left];
  return typeof v === "string" ? v.normalize("NFKC").replace(/\s+/g, "") : v === null || v === undefined ? "" : String(v);
}

function rowFilled(grid: SheetGrid, row: number, fromCol = grid.left): boolean {
  const cells = grid.rows[row - grid.top] ?? [];
  return cells.some((v, j) => grid.left + j >= fromCol && v !== null && !(typeof v === "string" && v.trim() === ""));
}

function lastCol(grid: SheetGrid): number {
  return grid.left + Math.max(0, ...grid.rows.map((r) => r.length)) - 1;
}

function bottomRow(grid: SheetGrid): number {
  return grid.top + grid.rows.length - 1;
}

/** The first cell, scanning rows then columns, whose text is one of `labels` (spaces and width ignored). */
function findLabel(grid: SheetGrid, labels: readonly string[]): { row: number; col: number } | undefined {
  const wanted = new Set(labels.map((l) => l.normalize("NFKC").replace(/\s+/g, "")));
  for (let r = grid.top; r <= bottomRow(grid); r++) for (let c = grid.left; c <= lastCol(grid); c++) if (wanted.has(textAt(grid, r, c))) return { row: r, col: c };
  return undefined;
}

/** Runs of blocks that start at `isStart` rows and end before the next start or a row that `isBreak` says ends a run. */
function stackedRuns(grid: SheetGrid, isStart: (row: number) => boolean, isBreak: (row: number) => boolean): RowBlock[][] {
  const runs: RowBlock[][] = [];
  let run: RowBlock[] = [];
  let start: number | undefined;
  const close = (end: number) => {
    if (start !== undefined) run.push({ start, end });
    start = undefined;
  };
  for (let r = grid.top; r <= bottomRow(grid) + 1; r++) {
    const end = r > bottomRow(grid);
    if (end || isBreak(r)) {
      close(r);
      if (run.length) runs.push(run);
      run = [];
    } else if (isStart(r)) {
      close(r);
      start = r;
    }
  }
  return runs;
}

/** One-row records: runs of consecutive rows that `isRecord` accepts. */
function rowRuns(grid: SheetGrid, firstRow: number, isRecord: (row: number) => boolean): RowBlock[][] {
  return stackedRuns(
    grid,
    (r) => r >= firstRow && isRecord(r),
    (r) => r < firstRow || !isRecord(r),
  );
}

const HEADING_MUSASHINO = [/^[IVXⅠ-Ⅻ]+[:：]/, /^\d{1,2}\.\D/, /^\(\d{1,2}\)/];
const MITAKA_VALUE_HEADER = /^(計画策定時|達成値|目標値|実績値|戦略策定時)/;

/**
 * Where the records of a sheet are, for each built-in layout, read from the sheet's own text (its labels and
 * headings) rather than from the product's reading. A layout with no entry here fails the test that asks.
 */
export function recordLayoutOf(grid: SheetGrid, layoutId: string): RecordLayout {
  const none: RecordLayout = { runs: [], fixedCols: new Set() };
  switch (layoutId) {
    case "kodaira-chosahyo/survey":
      // One record per sheet: nothing to reorder within it.
      return none;
    case "kodaira-chosahyo/list": {
      // 評価一覧: one record per row (or per merged band of rows) under a header, by group. The group column
      // (項目(方針)) heads the group's rows, so it stays; a new group or a repeated header ends a run.
      const dept = findLabel(grid, ["主な推進担当課", "推進担当課"]);
      if (!dept) throw new Error(`${grid.name}: no 担当課 header`);
      const group = grid.left;
      const isHeader = (r: number) => textAt(grid, r, dept.col).includes("担当課");
      const isRecord = (r: number) => r > dept.row && !isHeader(r) && textAt(grid, r, dept.col) !== "";
      // A record written over several rows is merged across them (outside the group column).
      const mergedFromAbove = (r: number) => grid.merges.some((m) => m.left > group && m.top < r && m.bottom >= r);
      const groupStarts = (r: number) => textAt(grid, r, group) !== "" || grid.merges.some((m) => m.left === group && m.top === r);
      const runs = stackedRuns(
        grid,
        (r) => isRecord(r) && !mergedFromAbove(r),
        (r) => r <= dept.row || isHeader(r) || (!isRecord(r) && !mergedFromAbove(r)),
      );
      // A run also ends where a new group starts.
      const split = runs.flatMap((run) => {
        const out: RowBlock[][] = [[]];
        for (const b of run) {
          if (groupStarts(b.start) && out[out.length - 1].length) out.push([]);
          out[out.length - 1].push(b);
        }
        return out;
      });
      return { runs: split, fixedCols: new Set([group]) };
    }
    case "musashino-torikumi/torikumi":
      // 取組状況: a record is the rows from its 事業名 to the next 事業名 or heading (I：, 1., (1)).
      return {
        runs: stackedRuns(
          grid,
          (r) => textAt(grid, r, grid.left) === "事業名",
          (r) => HEADING_MUSASHINO.some((h) => h.test(textAt(grid, r, grid.left))),
        ),
        fixedCols: new Set(),
      };
    case "musashino-torikumi/contents": {
      // 目次: one row per project (事業名, 担当課, 頁) between heading rows.
      const header = findLabel(grid, ["事業名"]);
      if (!header) throw new Error(`${grid.name}: no 事業名 header`);
      return { runs: rowRuns(grid, header.row + 1, (r) => textAt(grid, r, header.col + 1) !== ""), fixedCols: new Set() };
    }
    case "kodaira-program/program": {
      // 推進プログラム: one row per programme (No. and 実施プログラム) between 方向性 and ◆ rows.
      const no = findLabel(grid, ["No.", "No", "番号"]);
      if (!no) throw new Error(`${grid.name}: no No. header`);
      return { runs: rowRuns(grid, no.row + 2, (r) => textAt(grid, r, no.col) !== "" && textAt(grid, r, no.col + 1) !== ""), fixedCols: new Set() };
    }
    case "mitaka-shihyo/blocks":
    case "mitaka-shihyo/sougou":
      // 目標指標 and 総合戦略: one row per indicator (its name, then values) under each table's header rows.
      return {
        runs: rowRuns(
          grid,
          grid.top,
          (r) => textAt(grid, r, grid.left) !== "" && rowFilled(grid, r, grid.left + 1) && !MITAKA_VALUE_HEADER.test(textAt(grid, r, grid.left + 1)),
        ),
        fixedCols: new Set(),
      };
    case "mitaka-actionplan/items":
      // アクションプラン: a record is the rows from its 1-(2) row (some written as <p>3-(2)</p>) to the next one or 体系 heading.
      return {
        runs: stackedRuns(
          grid,
          (r) => /^\d+-\(?\d+\)$/.test(textAt(grid, r, grid.left).replace(/<[^>]+>/g, "")),
          (r) => /^体系\d+/.test(textAt(grid, r, grid.left)),
        ),
        fixedCols: new Set(),
      };
    default:
      throw new Error(`${grid.name}: no record layout for ${layoutId}`);
  }
}
