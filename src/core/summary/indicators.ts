/**
 * 指標達成状況: one row per indicator, multi-value cells expanded to one row per compared figure: record,
 * indicator, baseline, target, comparator, actual, unit, direction, met (達成/未達/期限前/判定不可), progress, note.
 */
import { directionSetting } from "../indicators/directions";
import { type Achievement, evaluateIndicator, type PartComparison } from "../indicators/achievement";
import { indicatorName } from "../indicators/format";
import { a1 } from "../model/finding";
import type { Indicator, SurveyRecord } from "../model/record";
import type { SheetSpec } from "../sheet-spec";
import type { ValuePart } from "../values/types";
import { basisLine, type SummaryContext, type SummarySheetKind } from "./context";
import { SheetWriter } from "./layout";

export const INDICATORS_SHEET = "指標達成状況";

function comparatorText(p: ValuePart): string {
  if (p.band) return "台";
  return p.comparatorText ?? "";
}

function unitText(p: ValuePart): string {
  return `${p.unit ?? ""}${p.per ? "/" + p.per : ""}`;
}

export function indicatorsSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  w.text(0, 0, w.msg("summary.title.indicators"), "title");
  w.text(1, 0, basisLine(ctx), "basis");
  const head = 3;
  const labels = [
    w.msg("summary.col.no"),
    w.msg("summary.col.title"),
    w.msg("summary.col.indicator"),
    w.msg("summary.col.baseline"),
    w.msg("summary.col.target"),
    w.msg("summary.col.comparator"),
    w.msg("summary.col.actual"),
    w.msg("summary.col.unit"),
    w.msg("summary.col.direction"),
    w.msg("summary.col.result"),
    w.msg("summary.col.progress"),
    w.msg("summary.col.note"),
    w.msg("summary.col.sheet"),
  ];
  w.header(head, labels);
  let row = head + 1;
  const recordsWithIndicators = ctx.records.filter((r) => r.role === "records" && r.indicators.length > 0);
  for (const rec of recordsWithIndicators) {
    const profile = ctx.profiles.find((p) => p.id === rec.profileId);
    if (!profile) continue;
    for (const ind of rec.indicators) {
      const a = evaluateIndicator(ind, ctx.fiscalYear ?? rec.fiscalYear?.value, directionSetting(profile, ind, rec));
      if (a.pairs.length === 0) {
        writeUndetermined(w, row++, rec, ind, a.reason);
        continue;
      }
      for (const p of a.pairs) {
        const status = a.status === "not-due" ? "notDue" : p.met ? "met" : "unmet";
        writePair(w, row++, rec, ind, p, status, a.pairs.length === 1 ? a.progress : progressOf(p), a.dueFiscalYear, sourceNotes(w, a));
      }
    }
  }
  if (row === head + 1) w.text(row++, 0, w.msg("summary.none"), "cell");
  else w.tables.push({ name: "chosahyo_indicators", range: { top: head, left: 0, bottom: row - 1, right: labels.length - 1 } });
  return w.spec(INDICATORS_SHEET, {
    columnWidths: [7, 24, 28, 12, 12, 7, 12, 8, 12, 9, 9, 28, 10],
    headerRows: { top: head, bottom: head },
  });
}

function progressOf(p: PartComparison): number | undefined {
  const b = p.baseline;
  if (!b || p.target.band || p.target.value === b.value) return undefined;
  return (p.actual.value - b.value) / (p.target.value - b.value);
}

function link(rec: SurveyRecord, ind: Indicator) {
  return { sheet: rec.sheet, cell: a1(ind.actual?.cell ?? ind.label.cell) };
}

/**
 * A record known only by the headings it sits under (三鷹 第1部 › 第1 国際化の推進; 総合戦略 基本目標): their numbers
 * as its No. (`1-1`, `2-4-1`), and the innermost heading's name as its title.
 */
function headingNo(rec: SurveyRecord): string | undefined {
  const nos = (rec.headings ?? []).map((h) => h.no).filter((n): n is string => !!n);
  return nos.length ? nos.join("-") : undefined;
}

function headingTitle(rec: SurveyRecord): string | undefined {
  const hs = rec.headings ?? [];
  return hs.length ? hs[hs.length - 1].title : undefined;
}

/** Where a figure came from when the indicator's own cell held none (a column of its series stood in). */
function sourceNotes(w: SheetWriter, a: Achievement): string[] {
  const out: string[] = [];
  if (a.baselineFrom) out.push(w.msg("series.note.baselineFrom", { header: a.baselineFrom.header }));
  if (a.actualFrom) out.push(w.msg("series.note.actualFrom", { header: a.actualFrom.header }));
  return out;
}

function common(w: SheetWriter, row: number, rec: SurveyRecord, ind: Indicator): void {
  w.text(row, 0, rec.id?.text ?? headingNo(rec), "center");
  w.text(row, 1, rec.title?.text ?? headingTitle(rec), "cell");
  w.text(row, 2, indicatorName(ind.label.text), "link", link(rec, ind));
  w.text(row, 12, rec.sheet, "cell");
}

function writePair(
  w: SheetWriter,
  row: number,
  rec: SurveyRecord,
  ind: Indicator,
  p: PartComparison,
  status: "met" | "unmet" | "notDue",
  progress: number | undefined,
  dueFy: number | undefined,
  sources: readonly string[] = [],
): void {
  common(w, row, rec, ind);
  w.num(row, 3, p.baseline?.value, "decimal");
  w.num(row, 4, p.target.band ? p.target.band.lo : p.target.value, "decimal");
  // 維持 (三鷹): the target is the baseline kept; say so rather than show a bare number.
  const maintain = ind.target?.parsed.relative?.kind === "maintain" ? ind.target.parsed.relative.text : undefined;
  w.text(row, 5, maintain ?? comparatorText(p.target), "center");
  w.num(row, 6, p.actual.value, "decimal");
  w.text(row, 7, unitText(p.actual) || unitText(p.target), "center");
  const dir = w.msg(p.direction === "higher" ? "summary.direction.higher" : p.direction === "lower" ? "summary.direction.lower" : "summary.direction.band");
  w.text(row, 8, p.directionInferred ? dir + w.msg("summary.direction.inferred") : dir, "cell");
  w.text(row, 9, w.msg(status === "met" ? "summary.result.met" : status === "unmet" ? "summary.result.unmet" : "summary.result.notDue"), "center");
  w.num(row, 10, progress, "progress");
  // A figure in parentheses compared on its own (三鷹 `4,372人 (198人)` 利用者(内定者)数) is named as such.
  const part = p.label ?? (p.actual.inParentheses && p.target.inParentheses ? w.msg("series.note.inner") : undefined);
  const notes = [part, ...sources, dueFy !== undefined && status === "notDue" ? w.msg("summary.dueYear", { fy: dueFy }) : undefined].filter(Boolean);
  w.text(row, 11, notes.join(" ／ "), "cell");
}

function writeUndetermined(w: SheetWriter, row: number, rec: SurveyRecord, ind: Indicator, reason: string | undefined): void {
  common(w, row, rec, ind);
  // Values that are not numbers are shown as written.
  w.text(row, 3, ind.baseline?.text, "cell");
  w.text(row, 4, ind.target?.text, "cell");
  w.text(row, 6, ind.actual?.text, "cell");
  w.text(row, 9, w.msg("summary.result.undeterminable"), "center");
  w.text(row, 11, reason ? w.msg(`summary.reason.${reason}` as Parameters<SheetWriter["msg"]>[0]) : undefined, "cell");
}

export const indicators: SummarySheetKind = {
  id: "indicators", order: 30,
  sheetName: INDICATORS_SHEET,
  isAvailable: (ctx) => ctx.records.some((r) => r.indicators.length > 0),
  build: indicatorsSpec,
};
