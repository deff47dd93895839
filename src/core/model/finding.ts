/**
 * A finding (docs/rules.md): a stable rule id, a severity, the cell, and a message in both languages.
 * The CLI's --json, the task pane and the 検証結果 sheet all show the same findings.
 */
import type { LocalizedText } from "../i18n";
import type { Severity } from "../profile/types";
import { toA1 } from "./address";
import type { CellPos } from "./record";
import { RULE_IDS_OF_RULES } from "./rule-ids.generated";

export type { Severity };

/**
 * Every id a finding can carry: the rules' ids, generated from the rule files (npm run generate), and the two that
 * validate.ts reports itself.
 */
export const RULE_IDS = [
  ...RULE_IDS_OF_RULES,
  // Not a check: a rule that failed on a sheet (a bad parameter in a profile), reported instead of losing the file.
  "RULE-FAILED",
  // A recognised sheet that gave no record, or fewer than its list names (rules/read-empty.ts).
  "READ-EMPTY",
  // 回収 (collect) compares a returned sheet with the master's: not a check of one workbook (cycle/collect.ts).
  "FORM-CHANGED",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** One cell edit of a fix. `before` is what the cell held when the finding was made. */
export interface CellEdit {
  readonly sheet: string;
  readonly cell: string; // A1
  /** The cell's text when the finding was made; an edit is refused if the cell changed since. */
  readonly before: string;
  /** A number only for NUMBER-AS-TEXT's conversion; everything else is written as text. */
  readonly after: string | number;
}

export interface Fix {
  readonly description: LocalizedText;
  readonly edits: readonly CellEdit[];
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address or range on `sheet`. */
  readonly cell: string;
  readonly recordId?: string;
  readonly message: LocalizedText;
  readonly fix?: Fix;
}

export function a1(pos: CellPos): string {
  return toA1(pos.row, pos.col);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sheet order as in the workbook, then severity, then cell position: the order people read them in. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const idx = new Map(sheetOrder.map((n, i) => [n, i] as const));
  return [...findings].sort((a, b) => {
    const s = (idx.get(a.sheet) ?? 1e9) - (idx.get(b.sheet) ?? 1e9);
    if (s) return s;
    const v = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (v) return v;
    const ca = cellOrderKey(a.cell);
    const cb = cellOrderKey(b.cell);
    if (ca !== cb) return ca - cb;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
  });
}

function cellOrderKey(cell: string): number {
  const m = /^([A-Z]+)(\d+)/.exec(cell);
  if (!m) return 0;
  let col = 0;
  const letters = m[1];
  for (let i = 0; i < letters.length; i++) col = col * 26 + letters.charCodeAt(i) - 64;
  return Number(m[2]) * 20000 + col;
}

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countBySeverity(findings: readonly Finding[]): FindingCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
