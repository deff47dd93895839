/**
 * "Next year" workbooks for the 前年度比較 tests, built from the samples the way an office does: 年度更新 (the project's
 * rollWorkbook), then the departments' writing (cell edits). Every edit is named, so each expected row and finding
 * of the tests points at something done here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { cellText, type CellValue } from "../../src/core/model/cell";
import { a1 } from "../../src/core/model/finding";
import type { SurveyRecord } from "../../src/core/model/record";
import type { Profile } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { type ValidationReport, validateWorkbook } from "../../src/core/validate";
import { rollWorkbook } from "../../src/workbook/xlsx/roll";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";

export interface Year {
  readonly bytes: Uint8Array;
  readonly report: ValidationReport;
}

export type CellChange = { readonly sheet: string; readonly cell: string; readonly value: string | number | null };

export function seed(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(ROOT, "seeds", name)));
}

export async function validated(bytes: Uint8Array, opts: { profiles?: readonly Profile[]; previous?: ValidationReport } = {}): Promise<Year> {
  const book = await XlsxWorkbook.load(bytes, "book.xlsx");
  return { bytes, report: validateWorkbook(await book.readAll(), { profiles: opts.profiles ?? BUILT_IN_PROFILES, previous: opts.previous }) };
}

/** Only 三鷹's 目標指標 profile: the sample's アクションプラン sheets are the same text in both "years". */
export const MITAKA_SHIHYO = BUILT_IN_PROFILES.filter((p) => p.id === "mitaka-shihyo");

/** The workbook's bytes with cells set and sheets removed (a copy; the input bytes are not touched). */
export async function edited(bytes: Uint8Array, changes: readonly CellChange[], removeSheets: readonly string[] = []): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(bytes, "book.xlsx");
  book.setCells(changes);
  if (removeSheets.length) book.removeSheets(removeSheets);
  return book.toBytes();
}

/** Rolled on by `years` with 年度更新, no input aids. */
export async function rolled(bytes: Uint8Array, years = 1): Promise<Uint8Array> {
  const r = await rollWorkbook(bytes, "book.xlsx", { profiles: BUILT_IN_PROFILES, years, aids: false });
  if (!r.ok) throw new Error(`rollover refused: ${r.refusal.kind}`);
  return r.bytes;
}

const value = (v: CellValue): string | number | null => (v === null || v === undefined ? null : typeof v === "number" ? v : cellText(v));

function rawAt(book: XlsxWorkbook, sheet: string, cell: { row: number; col: number }): string | number | null {
  const g = book.sheetGrid(sheet);
  return g ? value(g.rows[cell.row - g.top]?.[cell.col - g.left] ?? null) : null;
}

/**
 * What a department writes into next year's 調査票 of 小平 for an item that goes on as before: this year's 取組実績 and
 * (A) in words of this year, the same ratings, the same 下半期値 as last year.
 */
export async function kodairaWritten(lastBytes: Uint8Array, last: ValidationReport): Promise<CellChange[]> {
  const book = await XlsxWorkbook.load(lastBytes, "last.xlsx");
  const out: CellChange[] = [];
  for (const rec of last.records.filter((r) => r.role === "records" && r.profileId === "kodaira-chosahyo")) {
    const no = rec.id?.text ?? rec.sheet;
    if (rec.texts.result) out.push({ sheet: rec.sheet, cell: a1(rec.texts.result.cell), value: `平成30年度はNo.${no}の取組として、計画に沿って事業を進め、関係課と調整した。` });
    if (rec.texts.next) out.push({ sheet: rec.sheet, cell: a1(rec.texts.next.cell), value: `平成31年度はNo.${no}の成果を検証し、次の段階の準備に入る。` });
    for (const f of ["eval1", "eval2"] as const) {
      const c = rec.codes[f];
      if (c) out.push({ sheet: rec.sheet, cell: a1(c.cell), value: rawAt(book, rec.sheet, c.cell) });
    }
    for (const ind of rec.indicators) if (ind.actual) out.push({ sheet: rec.sheet, cell: a1(ind.actual.cell), value: rawAt(book, rec.sheet, ind.actual.cell) });
  }
  return out;
}

/** The record of an item by its No. (小平) or title (武蔵野). */
export function item(report: ValidationReport, key: string): SurveyRecord {
  const r = report.records.find((x) => x.role === "records" && (x.id?.text === key || x.title?.text === key));
  if (!r) throw new Error(`no item ${key}`);
  return r;
}

/**
 * 小平's next year (平成30年度) from the sample (平成29年度): rolled, then written as every department writes it
 * (kodairaWritten), with these exceptions:
 *   ratings (1次 and 2次): No.1 B→A, No.3 B→S, No.5 A→B, No.7 S→B, No.28 S→A;
 *   No.10's 取組実績(D) copied from last year unchanged;
 *   No.42's indicator slipped: 4事務 (met, target 1事務以上) → 0事務;
 *   No.40's sheet dropped (not marked ended);
 *   No.9 renumbered No.41, its title written 更なる for さらなる;
 *   No.11's 当初予定(P) overwritten with a plan that is not last year's (A).
 */
export async function kodairaNextYear(): Promise<{ last: Year; next: Year }> {
  const lastBytes = seed("kodaira-h29.xlsx");
  const last = await validated(lastBytes);
  const edits: CellChange[] = await kodairaWritten(lastBytes, last.report);
  const rate = (no: string, code: string) => {
    const rec = item(last.report, no);
    for (const f of ["eval1", "eval2"] as const) edits.push({ sheet: rec.sheet, cell: a1(rec.codes[f]!.cell), value: code });
  };
  rate("1", "A");
  rate("3", "S");
  rate("5", "B");
  rate("7", "B");
  rate("28", "A");
  const r10 = item(last.report, "10");
  edits.push({ sheet: r10.sheet, cell: a1(r10.texts.result!.cell), value: cellText(r10.texts.result!.raw) });
  const r42 = item(last.report, "42");
  edits.push({ sheet: r42.sheet, cell: a1(r42.indicators[0].actual!.cell), value: "0事務" });
  const r9 = item(last.report, "9");
  edits.push({ sheet: r9.sheet, cell: a1(r9.id!.cell), value: cellText(r9.id!.raw).replace("No.9", "No.41").replace("さらなる", "更なる") });
  const r11 = item(last.report, "11");
  edits.push({ sheet: r11.sheet, cell: a1(r11.texts.plan!.cell), value: "窓口の案内表示を見直す。" });
  return { last, next: await validated(await edited(await rolled(lastBytes), edits, ["No.40"])) };
}

/**
 * 武蔵野's next year (平成30年度) from the sample: rolled (実施状況 and 取組状況 cleared), then written: every project's
 * 取組状況 in new words and its 実施状況 as last year's, except
 *   実施状況: 「自治体運営に関する基本的なルールの条例化検討」 ○→◎, 「新しい時代の市民参加のあり方の追究」 ○→△,
 *   「男女共同参画の推進」 ◎→○, 「共助を主体とした子育て支援体制の構築」 ○→×, 「自主防災組織の設立促進と活動支援」 ○→△;
 *   「市民参加のもとで進める良好な生活環境づくり」's 取組状況 copied from last year unchanged;
 *   「在宅医療・介護連携推進事業のさらなる展開」 written 更なる;
 *   「近隣自治体等との連携の検討」 replaced by a new project, 「行政手続のオンライン化の推進」 (the old one is not marked ended).
 */
export async function musashinoNextYear(): Promise<{ last: Year; next: Year }> {
  const lastBytes = seed("musashino-h29.xlsx");
  const last = await validated(lastBytes);
  const book = await XlsxWorkbook.load(lastBytes, "last.xlsx");
  const edits: CellChange[] = [];
  const projects = last.report.records.filter((r) => r.role === "records" && r.profileId === "musashino-torikumi");
  const statusCells = (rec: SurveyRecord) => [...new Set([rec.codes.status, ...(rec.plans ?? []).map((p) => p.status)].filter((c) => !!c).map((c) => a1(c!.cell)))];
  projects.forEach((rec, i) => {
    if (rec.texts.result) edits.push({ sheet: rec.sheet, cell: a1(rec.texts.result.cell), value: `平成30年度は事業${i + 1}の計画に沿って取組を進め、関係機関との調整を終えた。` });
    for (const p of rec.plans ?? []) if (p.status) edits.push({ sheet: rec.sheet, cell: a1(p.status.cell), value: rawAt(book, rec.sheet, p.status.cell) });
  });
  const status = (title: string, code: string) => {
    const rec = item(last.report, title);
    for (const cell of statusCells(rec)) edits.push({ sheet: rec.sheet, cell, value: code });
  };
  status("自治体運営に関する基本的なルールの条例化検討", "◎");
  status("新しい時代の市民参加のあり方の追究", "△");
  status("男女共同参画の推進", "○");
  status("共助を主体とした子育て支援体制の構築", "×");
  status("自主防災組織の設立促進と活動支援", "△");
  const copied = item(last.report, "市民参加のもとで進める良好な生活環境づくり");
  edits.push({ sheet: copied.sheet, cell: a1(copied.texts.result!.cell), value: cellText(copied.texts.result!.raw) });
  const reworded = item(last.report, "在宅医療・介護連携推進事業のさらなる展開");
  edits.push({ sheet: reworded.sheet, cell: a1(reworded.title!.cell), value: "在宅医療・介護連携推進事業の更なる展開" });
  const replaced = item(last.report, "近隣自治体等との連携の検討");
  edits.push({ sheet: replaced.sheet, cell: a1(replaced.title!.cell), value: "行政手続のオンライン化の推進" });
  return { last, next: await validated(await edited(await rolled(lastBytes), edits)) };
}

/**
 * 三鷹's two years of 目標指標 (mitaka-shihyo, which does not roll: a new year is a new column): last year's workbook is
 * the sample with each indicator's latest 達成値 column still empty, this year's is the sample.
 */
export async function mitakaYears(): Promise<{ last: Year; next: Year }> {
  const bytes = seed("mitaka-2021.xlsx");
  const next = await validated(bytes, { profiles: MITAKA_SHIHYO });
  const blank = next.report.records
    .filter((r) => r.profileId === "mitaka-shihyo")
    .flatMap((r) => r.indicators.flatMap((i) => (i.series?.length ? [{ sheet: r.sheet, cell: a1(i.series[i.series.length - 1].value.cell), value: null }] : [])));
  return { last: await validated(await edited(bytes, blank), { profiles: MITAKA_SHIHYO }), next };
}

/**
 * The 小平 pair as two files in a fresh temporary folder, for the CLI tests: `h29.xlsx` (the sample) and `h30.xlsx`
 * (its built next year). `remove` deletes the folder.
 */
export async function kodairaPairOnDisk(prefix: string): Promise<{ work: string; h29: string; h30: string; remove: () => void }> {
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const work = mkdtempSync(path.join(os.tmpdir(), prefix));
  const { last, next } = await kodairaNextYear();
  const h29 = path.join(work, "h29.xlsx");
  const h30 = path.join(work, "h30.xlsx");
  writeFileSync(h29, last.bytes);
  writeFileSync(h30, next.bytes);
  return { work, h29, h30, remove: () => rmSync(work, { recursive: true, force: true }) };
}
