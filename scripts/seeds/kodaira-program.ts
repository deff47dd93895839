/**
 * Turns the extracted 小平市 経営方針推進プログラム data (seeds/data/kodaira-program: kodaira_program.json, and the source
 * text 003-program-r6.txt for the full cell texts, which the JSON cuts at 150 characters) into the canonical sheet.
 *
 * Kept as the source has them: the 23 items present (①–⑤, ⑪–⑯, 17–28; ⑥–⑩ and the 方向性2
 * heading are lost in the source and stay missing); circled numbers as text and 17–28 as numbers; the three items
 * ended `※令和4年度までをもって終了` (21, 26, 28) with results only; the `<ul style="list-style-type: none">` residue of
 * ⑪–⑯; the goal sentences and the `(前年度末の状況)` figures; the reference to No.8 in ⑤.
 * Changed for a worksheet: bullets flattened to ` ・` by the PDF export are one per line again; the header is written
 * once, with the R6 column the plan period needs (K-L3); the schedule cells collapsed in the source cannot be mapped to
 * years, so each row's phase labels are kept together, one source group per line, in the R5 column (the last year
 * the source header has); R3, R4 and R6 stay empty. ⑫–⑯ keep the single space their schedule cell has in the source.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ProgramRowInput, ProgramSheetInput } from "./kodaira-program-sheet";

interface ProgramJson {
  no: number;
  raw_no: string;
  no_style: "circled" | "arabic";
  line: number;
  program_group_line: number;
  direction_line: number;
  title_raw: string;
  ended: boolean;
  schedule: { cells: string[]; tokens: string[] };
}

export const YEAR_HEADERS = ["R3", "R4", "R5", "R6"];

export function programDataDir(): string {
  return path.join(__dirname, "..", "..", "seeds", "data", "kodaira-program");
}

export function programJson(): ProgramJson[] {
  return JSON.parse(readFileSync(path.join(programDataDir(), "kodaira_program.json"), "utf8")) as ProgramJson[];
}

/** A cell as a clerk would type it: one bullet per line (the export joined them with blanks). */
function cellText(s: string | undefined): string | null {
  const t = (s ?? "").replace(/\s+(?=・)/g, "\n").trim();
  return t === "" ? null : t;
}

function scheduleCell(cells: readonly string[], tokens: readonly string[]): string | null {
  if (tokens.length) return tokens.join("\n");
  return cells.some((c) => c === " ") ? " " : null;
}

export function kodairaProgramInput(): ProgramSheetInput {
  const lines = readFileSync(path.join(programDataDir(), "003-program-r6.txt"), "utf8").split("\n");
  const at = (n: number) => lines[n - 1].trim();
  const before: ProgramRowInput[] = [];
  const rows: ProgramRowInput[] = [];
  let banner = -1;
  let direction = -1;
  for (const item of programJson()) {
    // The first banner sits above the header, as in the source (K-L8, header K-L10).
    if (item.program_group_line !== banner) {
      (banner === -1 ? before : rows).push({ kind: "banner", text: at(item.program_group_line) });
      banner = item.program_group_line;
    }
    if (item.direction_line !== direction) {
      rows.push({ kind: "group", text: at(item.direction_line) });
      direction = item.direction_line;
    }
    // 8, 9 or 10 tab fields: No., title, 方向性, 取組項目, the schedule cells, then 実績, R5, R6.
    const f = lines[item.line - 1].split("\t");
    const n = f.length;
    const years = YEAR_HEADERS.map((_, i) => (i === 2 ? scheduleCell(item.schedule.cells, item.schedule.tokens) : null));
    rows.push({
      kind: "item",
      no: item.no_style === "circled" ? item.raw_no : item.no,
      title: item.title_raw,
      purpose: cellText(f[2]),
      tasks: cellText(f[3]),
      years,
      result: cellText(f[n - 3]),
      plan: cellText(f[n - 2]),
      planNext: cellText(f[n - 1]),
    });
  }
  return {
    sheetName: "推進プログラム",
    title: at(3),
    subtitle: `${at(5)} ${at(6)}`,
    headers: {
      schedule: "年度スケジュール(R5.3時点想定)",
      years: YEAR_HEADERS,
      result: "令和4年度までの取組実績",
      plan: "令和5年度当初予定・設定目標\n(前年度末の状況)",
      planNext: "令和6年度当初予定・設定目標\n(前年度末の状況)",
    },
    before,
    rows,
  };
}
