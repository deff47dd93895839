/**
 * Turns the extracted 小平市 調査票 data (seeds/data/kodaira) into inputs for the canonical layout.
 * The seed's real oddities are kept on purpose: HTML residue in P/D/A, the missing ratings on 2-1…2-4,
 * 674 vs 620 on No.2-3, ①② packing of several indicators in one cell, header variants, packed tasks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ListSheetInput, SurveySheetInput, TaskInput } from "../../src/core/template/kodaira-chosahyo";
import type { PrintedListInput } from "./kodaira-printed-list";

interface SheetJson {
  id: string;
  title: string;
  purpose: string | null;
  departments: string[];
  indicators: { label: string; line: number; baseline: string | null; target: string | null; actual: string | null; notes: string[] }[];
  schedule: {
    task: string;
    years: Record<string, string | null>;
    unattributed_rows?: { years: Record<string, string | null> }[];
  }[];
  eval1: string | null;
  eval1_comment: string | null;
  eval2: string | null;
  eval2_comment: string | null;
  baseline_header: string;
  lines: { pdca_rows: [number, number] };
}

/** A row of seeds/data/kodaira/items.json (the 評価一覧 of the sample). */
export interface ItemJson {
  no: number;
  title: string;
  tags: string[];
  policy: string;
  departments: string[];
  departments_etc: boolean;
  rating_dept: string;
  rating_hq: string;
  purpose: string;
  repost_of: number | null;
}

export const YEARS = ["平成29年度", "平成30年度", "平成31年度", "平成32年度"];

function dataDir(): string {
  return path.join(__dirname, "..", "..", "seeds", "data", "kodaira");
}

/** A bare count such as `13` is a number in Excel; everything else stays text as written. */
function cellValue(v: string | null): string | number | null {
  if (v === null) return null;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/** Joins the segments of a packed cell; one unmarked placeholder that stood for every indicator is written once. */
function packedColumn(values: (string | null)[]): string | number | null {
  const present = values.filter((v): v is string => v !== null && v !== "");
  if (present.length === 0) return null;
  const distinct = [...new Set(present)];
  if (distinct.length === 1 && !/^[①-⑳]/.test(distinct[0])) return cellValue(distinct[0]);
  return present.length === 1 ? cellValue(present[0]) : present.join("\n");
}

/** P, D and A come from the source text so that they keep their full length and their HTML residue. */
function rawPdca(lines: string[], lineNo: number): { plan: string; result: string; next: string } {
  const cells = lines[lineNo - 1].split("\t");
  return { plan: cells[0].trim(), result: cells[2].trim(), next: cells[5].trim() };
}

export function kodairaSurveyInputs(): SurveySheetInput[] {
  const dir = dataDir();
  const sheets = JSON.parse(readFileSync(path.join(dir, "sheets.json"), "utf8")) as SheetJson[];
  const source = readFileSync(path.join(dir, "001-chosahyo-h29.txt"), "utf8").split("\n");
  return sheets.map((s) => {
    const lines = new Set(s.indicators.map((i) => i.line));
    const packed = s.indicators.length > 1 && lines.size === 1;
    const tasks: TaskInput[] = [];
    for (const t of s.schedule) {
      tasks.push({ text: t.task, years: YEARS.map((y) => t.years[y] ?? null) });
      for (const u of t.unattributed_rows ?? []) tasks.push({ text: "", years: YEARS.map((y) => u.years[y] ?? null) });
    }
    const pdca = rawPdca(source, s.lines.pdca_rows[0]);
    const baselineHeader = s.baseline_header.replace(/\s+(\(?平成)/, "\n$1");
    return {
      sheetName: `No.${s.id}`,
      title: "第3次行財政再構築進捗状況調査票（平成29年度末）",
      id: s.id,
      itemTitle: s.title,
      purpose: s.purpose,
      headers: {
        baseline: baselineHeader,
        actual: "下半期値\n平成30年3月末",
        years: YEARS,
        plan: "平成29年度 当初予定(P)",
        yearlyResults: YEARS.map((y) => `${y}実績`),
      },
      indicators: packed
        ? [
            {
              label: s.indicators.map((i) => i.label).join("\n"),
              baseline: packedColumn(s.indicators.map((i) => i.baseline)),
              target: packedColumn(s.indicators.map((i) => i.target)),
              actual: packedColumn(s.indicators.map((i) => i.actual)),
            },
          ]
        : s.indicators.map((i) => ({ label: i.label, baseline: cellValue(i.baseline), target: cellValue(i.target), actual: cellValue(i.actual) })),
      packed: false,
      tasks,
      plan: pdca.plan || null,
      departments: s.departments.join(" "),
      result: pdca.result || null,
      eval1: { rating: s.eval1, comment: s.eval1_comment },
      eval2: { rating: s.eval2, comment: s.eval2_comment },
      next: pdca.next || null,
    };
  });
}

export function kodairaListInput(): ListSheetInput {
  const items = JSON.parse(readFileSync(path.join(dataDir(), "items.json"), "utf8")) as ItemJson[];
  let lastGroup = "";
  return {
    sheetName: "評価一覧",
    title: "第3次行財政再構築プラン 29年度末評価",
    periodHeader: "29年度下半期評価",
    rows: items.map((it) => {
      // As in the source: the group is written on each group's first row only.
      const group = it.policy !== lastGroup ? it.policy : null;
      lastGroup = it.policy;
      const tags = it.tags.map((t) => `【${t}】`).join("");
      const title = [tags, it.title, it.repost_of ? `【No.${it.repost_of}の再掲】` : ""].filter(Boolean).join(" ");
      return {
        group,
        no: it.no,
        title,
        departments: it.departments.join("、") + (it.departments_etc ? " 他" : ""),
        rating1: it.rating_dept,
        rating2: it.rating_hq,
        purpose: it.purpose,
      };
    }),
  };
}

/**
 * The same 評価一覧 rows with the text around the list as the document prints it: its title, the rating legend and the
 * notes on the reposts above (lines 3-15), the tag legend below (lines 70-72).
 */
export function kodairaPrintedListInput(): PrintedListInput {
  const lines = readFileSync(path.join(dataDir(), "001-chosahyo-h29.txt"), "utf8").split("\n");
  const line = (n: number) => lines[n - 1].trim();
  return {
    ...kodairaListInput(),
    documentTitle: line(3),
    // The rating legend, a blank row, then the notes on the reposts (No.29, No.41).
    preface: [line(5), line(7), line(9), line(11), "", line(13), line(15)],
    footnotes: [line(70), line(71), line(72)],
  };
}
