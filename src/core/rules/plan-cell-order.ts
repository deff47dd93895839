/**
 * PLAN-CELL-ORDER: `→` in the first plan cell (it continues the cell on its left, and there is none); `—` (nothing
 * planned) followed by a planned cell. None on the 武蔵野 sample: there `→` is never first and `—` only ends a row.
 * Also the helpers the other 年次計画 rules share: a plan cell's text and year as a clerk reads them.
 */
import { both, type LocalizedText } from "../i18n";
import type { Finding } from "../model/finding";
import type { PlanCell, PlanRow } from "../model/record";
import { stripHtml } from "../values/text";
import { clip, finding } from "./helpers";
import type { RecordRule } from "./types";

/** The placeholders of docs/values.md: alone in a cell, they mean "no value" (here: nothing planned). */
const NOTHING = new Set(["—", "-", "―", "ー", "－", "−", "–"]);

/** The cell's text without HTML residue and with its blanks collapsed. */
export function planText(c: PlanCell): string {
  return stripHtml(c.text).replace(/\s+/g, " ").trim();
}

/** `—` and its look-alikes. */
export function isNothingPlanned(text: string): boolean {
  return NOTHING.has(text.trim());
}

/** Work is planned: anything but empty or `—`. */
export function isPlanned(text: string): boolean {
  return text.trim() !== "" && !isNothingPlanned(text);
}

export function isArrow(text: string): boolean {
  return text.trim() === "→";
}

/** The year of a plan cell as its header writes it (`平成30年度`, `平成29～30年度`), and as FY2018 in English. */
export function cellYear(row: PlanRow, index: number): LocalizedText {
  const c = row.cells[index];
  const header = row.headers[index];
  const ja = header ? header.text.normalize("NFKC").replace(/\s+/g, "").replace(/~/g, "～") : `${c.fiscalYear}年度`;
  const fy = c.toFiscalYear && c.toFiscalYear !== c.fiscalYear ? `${c.fiscalYear}–${c.toFiscalYear}` : String(c.fiscalYear);
  return both("plans.year", { year: ja, fy });
}

export const planCellOrder: RecordRule = {
  id: "PLAN-CELL-ORDER",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out: Finding[] = [];
    for (const row of rec.plans ?? []) {
      const texts = row.cells.map(planText);
      if (texts.length && isArrow(texts[0])) {
        out.push(finding("PLAN-CELL-ORDER", env.severity, rec, row.cells[0].cell, "rule.PLAN-CELL-ORDER.arrowFirst", { year: cellYear(row, 0) }));
      }
      const dash = texts.findIndex(isNothingPlanned);
      if (dash < 0) continue;
      const after = texts.findIndex((t, i) => i > dash && isPlanned(t));
      if (after < 0) continue;
      out.push(
        finding("PLAN-CELL-ORDER", env.severity, rec, row.cells[after].cell, "rule.PLAN-CELL-ORDER.afterDash", {
          dashYear: cellYear(row, dash),
          year: cellYear(row, after),
          value: clip(texts[after], 30),
        }),
      );
    }
    return out;
  },
};
