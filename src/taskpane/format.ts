/** Small pure helpers for what the pane shows: error messages, edits, fiscal years, groups of findings. */
import { t, type Lang, type MessageKey } from "../core/i18n";
import { ja } from "../core/i18n/ja";
import type { CellEdit, Finding, FindingCounts, RuleId, Severity } from "../core/model/finding";
import { countBySeverity } from "../core/model/finding";
import type { Era } from "../core/values/types";
import { eraYearOf } from "../core/values/wareki";
import { NEEDS_EXCEL_1_8 } from "../workbook/office/requirements";
import { isWorkbookError } from "../workbook/port";

/** A message for anything thrown by the port or the core, from the catalogue; never a stack trace. */
export function errorMessage(lang: Lang, e: unknown): string {
  if (isWorkbookError(e)) {
    switch (e.code) {
      case "not-a-workbook":
        return t(lang, e.detail === "csv" ? "error.not-a-workbook.csv" : "error.not-a-workbook");
      case "too-large":
        return t(lang, "error.too-large", { limit: 50 });
      case "write-interrupted":
        return e.changed?.length ? t(lang, "error.write-interrupted", { cells: cellList(lang, e.changed) }) : t(lang, "error.write-interrupted.none");
      case "write-unconfirmed":
        return t(lang, "error.write-unconfirmed", { cells: cellList(lang, e.changed ?? []) });
      case "unsupported-host":
      case "unsupported-operation":
        if (e.detail === NEEDS_EXCEL_1_8.inputAids) return t(lang, "error.inputAids.needsExcel2019");
        if (e.detail === NEEDS_EXCEL_1_8.newWorkbook) return t(lang, "error.newWorkbook.needsExcel2019");
        return t(lang, `error.${e.code}`, { sheet: e.sheet ?? e.detail ?? "" });
      default:
        return t(lang, `error.${e.code}`, { sheet: e.sheet ?? e.detail ?? "" });
    }
  }
  const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return t(lang, "error.internal", { reason });
}

/** Cells a message names at most; the rest are counted. */
const CELLS_NAMED = 20;

/** `No.1!F8、No.1!F9` / `No.1!F8, No.1!F9`, the first 20 named and the rest counted. */
export function cellList(lang: Lang, cells: readonly string[]): string {
  const named = cells.slice(0, CELLS_NAMED).join(lang === "ja" ? "、" : ", ");
  return cells.length > CELLS_NAMED ? t(lang, "error.cells.more", { cells: named, count: cells.length - CELLS_NAMED }) : named;
}

const PREVIEW_MAX = 200;

/** A cell's text as the preview shows it: blank named, very long text cut. */
export function previewValue(lang: Lang, v: string | number): string {
  const s = String(v);
  if (s === "") return t(lang, "pane.fix.blank");
  return s.length > PREVIEW_MAX ? s.slice(0, PREVIEW_MAX) + "…" : s;
}

/** `D12` on the finding's own sheet, `'No.5'!D12` elsewhere. */
export function editPlace(edit: CellEdit, findingSheet?: string): string {
  return edit.sheet === findingSheet ? edit.cell : `${edit.sheet}!${edit.cell}`;
}

/** `D12: Ａ → A` (docs/rules.md, Fixes). */
export function formatEdit(lang: Lang, edit: CellEdit, findingSheet?: string): string {
  return `${editPlace(edit, findingSheet)}: ${previewValue(lang, edit.before)} → ${previewValue(lang, edit.after)}`;
}

const ERA_KEYS: Readonly<Record<Era, MessageKey>> = {
  明治: "pane.era.meiji",
  大正: "pane.era.taisho",
  昭和: "pane.era.showa",
  平成: "pane.era.heisei",
  令和: "pane.era.reiwa",
};

/** `2017年度（平成29年度）` / `FY2017 (Heisei 29)`. Fiscal 2019 is 令和元年度 by the usual convention. */
export function fiscalYearLabel(lang: Lang, year: number): string {
  const { era, year: eraYear } = eraYearOf(year);
  const shown = eraYear === 1 ? t(lang, "pane.era.first") : String(eraYear);
  return t(lang, "pane.fy.option", { year, era: t(lang, ERA_KEYS[era]), eraYear: shown });
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

export interface SheetGroup {
  readonly sheet: string;
  readonly counts: FindingCounts;
  readonly groups: readonly SeverityGroup[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Findings (already in reading order) grouped by sheet, then severity. */
export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    let list = bySheet.get(f.sheet);
    if (!list) bySheet.set(f.sheet, (list = []));
    list.push(f);
  }
  return [...bySheet].map(([sheet, list]) => ({
    sheet,
    counts: countBySeverity(list),
    groups: SEVERITIES.map((severity) => ({ severity, findings: list.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0),
  }));
}

/** Every edit of the fixes of one rule, one edit per cell (the first finding's wins). */
export function editsOfRule(findings: readonly Finding[], ruleId: RuleId): { edits: CellEdit[]; findings: number } {
  const seen = new Set<string>();
  const edits: CellEdit[] = [];
  let n = 0;
  for (const f of findings) {
    if (f.ruleId !== ruleId || !f.fix) continue;
    n++;
    for (const e of f.fix.edits) {
      const key = `${e.sheet}\u0000${e.cell}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push(e);
    }
  }
  return { edits, findings: n };
}

/** A stable key for a finding, to keep the selection across re-validation. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.sheet}\u0000${f.cell}\u0000${f.recordId ?? ""}\u0000${f.message.ja}`;
}

/** The rule's name from the catalogue (`HTMLタグの残り`); the bare id for a rule not named yet. */
export function ruleName(lang: Lang, id: RuleId): string {
  const key = `ruleName.${id}`;
  if (!(key in ja)) return id; // test/taskpane/catalogue.test.ts asks for a name for every rule
  return t(lang, key as MessageKey);
}

/** The rule as the filter lists it: `TEXT-HTML：HTMLタグの残り`. */
export function ruleLabel(lang: Lang, id: RuleId): string {
  const name = ruleName(lang, id);
  return name === id ? id : t(lang, "pane.rule.option", { id, name });
}
