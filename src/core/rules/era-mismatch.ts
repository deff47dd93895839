/**
 * ERA-MISMATCH: a wareki/western pair that disagrees (`令和2(2021)年度`, `2020(令和3)年`), or an era year that does not
 * exist (`令和0年`). It reads every cell a record was read from, its labels, headings and the year headers above it; a header
 * shared by the records of one table is reported once (docs/values.md). The 三鷹 sample's 71 pairs all agree.
 */
import { a1, type Finding } from "../model/finding";
import type { CellPos, SurveyRecord } from "../model/record";
import type { Era } from "../values/types";
import { eraToWestern } from "../values/wareki";
import { finding, textCells } from "./helpers";
import type { WorkbookRule } from "./types";

const ERA = "明治|大正|昭和|平成|令和";
/** 令和2(2020)年度: era, era year, western year. */
const ERA_FIRST = new RegExp(`(${ERA})\\s*(元|\\d{1,3})\\s*\\(\\s*(\\d{4})\\s*\\)`, "g");
/** 2020(令和2)年: western year, era, era year. */
const WESTERN_FIRST = new RegExp(`(?<!\\d)(\\d{4})\\s*\\(\\s*(${ERA})\\s*(元|\\d{1,3})\\s*\\)`, "g");
/** 令和0年, 平成0年度, 令和0(2018)年度. */
const ZERO = new RegExp(`(${ERA})\\s*0+(?!\\d)\\s*(?=年|\\()`, "g");

export type EraProblem =
  | { readonly kind: "pair"; readonly era: Era; readonly eraYear: number; readonly western: number; readonly written: string }
  | { readonly kind: "zero"; readonly era: Era; readonly written: string };

const eraYearOf = (s: string): number => (s === "元" ? 1 : parseInt(s, 10));

/** The era problems in one text, in order. Full-width digits and parentheses count (NFKC). */
export function eraProblems(text: string): EraProblem[] {
  if (!/[明大昭平令]/.test(text)) return [];
  const t = text.normalize("NFKC");
  const out: { at: number; p: EraProblem }[] = [];
  for (const m of t.matchAll(ERA_FIRST)) {
    const era = m[1] as Era;
    const y = eraYearOf(m[2]);
    const western = parseInt(m[3], 10);
    if (y > 0 && eraToWestern(era, y) !== western) out.push({ at: m.index ?? 0, p: { kind: "pair", era, eraYear: y, western: eraToWestern(era, y), written: m[0] } });
  }
  for (const m of t.matchAll(WESTERN_FIRST)) {
    const era = m[2] as Era;
    const y = eraYearOf(m[3]);
    const western = parseInt(m[1], 10);
    if (y > 0 && eraToWestern(era, y) !== western) out.push({ at: m.index ?? 0, p: { kind: "pair", era, eraYear: y, western: eraToWestern(era, y), written: m[0] } });
  }
  for (const m of t.matchAll(ZERO)) out.push({ at: m.index ?? 0, p: { kind: "zero", era: m[1] as Era, written: m[0] } });
  return out.sort((a, b) => a.at - b.at).map((x) => x.p);
}

/** Every text a record carries with its cell: the cells it was read from, series columns, headings, year headers. */
function textsOf(rec: SurveyRecord): { text: string; cell: CellPos }[] {
  const out: { text: string; cell: CellPos }[] = [];
  for (const h of rec.yearHeaders) out.push({ text: h.text, cell: h.cell });
  for (const h of rec.headings ?? []) out.push({ text: h.text, cell: h.cell });
  if (rec.fiscalYear) out.push({ text: rec.fiscalYear.text, cell: rec.fiscalYear.cell });
  // Form labels may carry a year too (三鷹 `令和2年度の取組状況等`).
  for (const [id, cell] of Object.entries(rec.labelCells ?? {})) {
    const text = rec.labelsRead?.[id];
    if (cell && text) out.push({ text, cell });
  }
  for (const { read } of textCells(rec)) if (typeof read.raw === "string") out.push({ text: read.raw, cell: read.cell });
  for (const ind of rec.indicators) {
    for (const s of ind.series ?? []) if (typeof s.value.raw === "string") out.push({ text: s.value.raw, cell: s.value.cell });
  }
  for (const y of rec.yearlyResults) out.push({ text: y.text, cell: y.cell });
  return out;
}

export const eraMismatch: WorkbookRule = {
  id: "ERA-MISMATCH",
  scope: "workbook",
  defaultSeverity: "error",
  check(env) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const rec of env.records) {
      const s = env.settingFor(rec.profileId);
      if (!s) continue;
      for (const { text, cell } of textsOf(rec)) {
        const key = `${rec.sheet}\u0000${a1(cell)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const p of eraProblems(text)) {
          out.push(
            p.kind === "pair"
              ? finding("ERA-MISMATCH", s.severity, rec, cell, "rule.ERA-MISMATCH.pair", { text: p.written, era: p.era, eraYear: p.eraYear, western: p.western })
              : finding("ERA-MISMATCH", s.severity, rec, cell, "rule.ERA-MISMATCH.zero", { text: p.written, era: p.era }),
          );
        }
      }
    }
    return out;
  },
};
