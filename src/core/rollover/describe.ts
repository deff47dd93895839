/** What 年度更新 did, or why it refused, in words for the CLI, the pane and the demo (both languages). */
import { both, type LocalizedText, type MessageParam } from "../i18n";
import { warekiYear } from "../values/wareki";
import type { InputAidsResult } from "../input-aids/types";
import type { RolloverChangeKind, RolloverPlan, RolloverRefusal } from "./plan";

/** `平成30年度` / `FY2018`. */
export function yearText(fy: number): LocalizedText {
  return both("rollover.year", { wareki: warekiYear(fy), fy });
}

function list(items: readonly string[]): LocalizedText {
  const sep = both("rollover.list.separator");
  return { ja: items.join(sep.ja), en: items.join(sep.en) };
}

export function describeRefusal(r: RolloverRefusal): LocalizedText {
  switch (r.kind) {
    case "nothing-to-roll":
      return r.profiles.length ? both("rollover.refusal.nothing-to-roll", { profiles: r.profiles.join(", ") }) : both("rollover.refusal.nothing-recognised");
    case "no-fiscal-year":
      return both("rollover.refusal.no-fiscal-year");
    case "past-plan-end": {
      const from = yearText(r.period.from);
      const to = yearText(r.period.to);
      const period: MessageParam = { ja: `${from.ja}〜${to.ja}`, en: `${from.en}–${to.en}` };
      return both("rollover.refusal.past-plan-end", { from: yearText(r.fromYear), to: yearText(r.toYear), period });
    }
  }
}

/** The lines a user reads after a rollover: what was made, the counts, and anything left for them to look at. */
export function describePlan(plan: RolloverPlan, formulas: readonly string[] = []): LocalizedText[] {
  const count = (k: RolloverChangeKind) => plan.changes.filter((c) => c.kind === k).length;
  const lines = [
    both("rollover.done", { from: yearText(plan.fromYear), to: yearText(plan.toYear) }),
    both("rollover.counts", { total: plan.changes.length - formulas.length, year: count("year"), carry: count("carry"), yearValue: count("year-value"), clear: count("clear") }),
  ];
  if (plan.ended.length) lines.push(both("rollover.ended", { items: list(plan.ended.map((e) => [e.id && `No.${e.id}`, e.title].filter(Boolean).join(" ") || e.sheet)) }));
  if (plan.dropSheets.length) lines.push(both("rollover.dropped", { sheets: list(plan.dropSheets) }));
  const kept = [...plan.ended.filter((e) => !e.droppedSheet && e.cell).map((e) => `${e.sheet}!${e.cell}`), ...plan.listRows.map((r) => `${r.sheet}!${r.cell}`)];
  if (kept.length) lines.push(both("rollover.endedKept", { cells: list(kept) }));
  if (plan.notRolled.length) lines.push(both("rollover.notRolled", { sheets: list(plan.notRolled.map((s) => s.sheet)) }));
  if (formulas.length) lines.push(both("rollover.formulas", { cells: list(formulas) }));
  return lines;
}

/** One line on the input aids set on next year's sheets. */
/** The workbook kept last year's sheets for 前年度比較: this year's now stand in their place. */
export function describePreviousKept(r: { readonly fromYear: number; readonly sheets: number }): LocalizedText {
  return both("rollover.previousKept", { year: yearText(r.fromYear), sheets: r.sheets });
}

export function describeAids(r: InputAidsResult): LocalizedText {
  const validations = r.sheets.reduce((n, s) => n + s.validations, 0);
  const highlights = r.sheets.reduce((n, s) => n + s.highlights, 0);
  const protectedSheets = r.sheets.filter((s) => s.protected).length;
  return both(protectedSheets ? "rollover.aids.protected" : "rollover.aids", { sheets: r.sheets.length, validations, highlights, protected: protectedSheets });
}
