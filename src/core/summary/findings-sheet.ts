/** 検証結果: counts by severity and by rule at the top, then every finding with a link to its cell and the suggested fix. */
import type { Finding, Severity } from "../model/finding";
import type { SheetSpec } from "../sheet-spec";
import { basisLine, type SummaryContext, type SummarySheetKind } from "./context";
import { SheetWriter } from "./layout";

export const FINDINGS_SHEET = "検証結果";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

function fixText(f: Finding): string {
  return (f.fix?.edits ?? []).map((e) => `${e.cell}: ${e.before.length > 20 ? e.before.slice(0, 19) + "…" : e.before} → ${String(e.after).length > 20 ? String(e.after).slice(0, 19) + "…" : String(e.after)}`).join("\n");
}

export function findingsSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  w.text(0, 0, w.msg("summary.title.findings"), "title");
  w.text(1, 0, basisLine(ctx), "basis");

  // Counts by severity (left) and by rule (right), side by side.
  let row = 3;
  w.header(row, [w.msg("summary.col.severity"), w.msg("summary.col.count")]);
  w.header(row, [w.msg("summary.col.rule"), w.msg("summary.col.count")], 3);
  SEVERITIES.forEach((s, i) => {
    w.text(row + 1 + i, 0, w.msg(`severity.${s}`), "cell");
    w.num(row + 1 + i, 1, ctx.findings.filter((f) => f.severity === s).length);
  });
  const byRule = new Map<string, number>();
  for (const f of ctx.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  rules.forEach(([rule, n], i) => {
    w.text(row + 1 + i, 3, rule, "cell");
    w.num(row + 1 + i, 4, n);
  });
  row += 2 + Math.max(SEVERITIES.length, rules.length);

  const head = row;
  const labels = [
    w.msg("summary.col.severity"),
    w.msg("summary.col.rule"),
    w.msg("summary.col.sheet"),
    w.msg("summary.col.cell"),
    w.msg("summary.col.no"),
    w.msg("summary.col.message"),
    w.msg("summary.col.fix"),
  ];
  w.header(head, labels);
  ctx.findings.forEach((f, i) => {
    const r = head + 1 + i;
    w.text(r, 0, w.msg(`severity.${f.severity}`), "center");
    w.text(r, 1, f.ruleId, "cell");
    w.text(r, 2, f.sheet, "cell");
    if (!ctx.linkableSheets || ctx.linkableSheets.has(f.sheet)) w.text(r, 3, f.cell, "link", { sheet: f.sheet, cell: f.cell.split(":")[0] });
    else w.text(r, 3, f.cell, "cell");
    w.text(r, 4, f.recordId, "center");
    w.text(r, 5, f.message[ctx.lang], "cell");
    w.text(r, 6, fixText(f) || undefined, "cell");
  });
  if (ctx.findings.length === 0) w.text(head + 1, 0, w.msg("summary.findings.none"), "cell");
  else w.tables.push({ name: "chosahyo_findings", range: { top: head, left: 0, bottom: head + ctx.findings.length, right: labels.length - 1 } });
  return w.spec(FINDINGS_SHEET, { columnWidths: [8, 24, 12, 8, 7, 60, 24], headerRows: { top: head, bottom: head } });
}

/** Always made: a workbook with no finding gets a 検証結果 that says so. */
export const findingsSheet: SummarySheetKind = { id: "findings", order: 50, sheetName: FINDINGS_SHEET, isAvailable: () => true, build: findingsSpec };
