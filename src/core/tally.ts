/**
 * What was read from each sheet, counted: records, 年次計画 rows, indicators, codes, marks. The CLI prints it under
 * each sheet so a clerk can tell at a glance that all 79 projects were read, not just that the sheet was recognised.
 */
import type { SurveyRecord } from "./model/record";
import type { Profile } from "./profile/types";

export interface Tally {
  /** Records of the sheet's own kind (list rows are counted apart). */
  readonly records: number;
  readonly listRows: number;
  readonly planRows: number;
  readonly indicators: number;
  readonly goals: number;
  readonly ended: number;
  /** Status per 年次計画 row where there are plan rows; else each record's final rating (2次, else 1次, else status). */
  readonly codes: Readonly<Record<string, number>>;
  readonly marks: Readonly<Record<string, number>>;
}

const EMPTY: Tally = { records: 0, listRows: 0, planRows: 0, indicators: 0, goals: 0, ended: 0, codes: {}, marks: {} };

function add(into: Record<string, number>, key: string | undefined, n = 1): void {
  if (key) into[key] = (into[key] ?? 0) + n;
}

function recordCodes(r: SurveyRecord): (string | undefined)[] {
  if (r.plans?.length) return r.plans.map((p) => p.status?.parsed.code);
  return [(r.codes.eval2 ?? r.codes.eval1 ?? r.codes.status)?.parsed.code];
}

export function tallyBySheet(records: readonly SurveyRecord[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of records) {
    const t = out.get(r.sheet) ?? EMPTY;
    const codes = { ...t.codes };
    const marks = { ...t.marks };
    const isList = r.role === "list";
    if (!isList) {
      for (const c of recordCodes(r)) add(codes, c);
      for (const m of r.marks ?? []) add(marks, m);
    }
    out.set(r.sheet, {
      records: t.records + (isList ? 0 : 1),
      listRows: t.listRows + (isList ? 1 : 0),
      planRows: t.planRows + (isList ? 0 : (r.plans?.length ?? 0)),
      indicators: t.indicators + (isList ? 0 : r.indicators.length),
      goals: t.goals + (isList ? 0 : (r.goals?.length ?? 0)),
      ended: t.ended + (!isList && r.ended ? 1 : 0),
      codes,
      marks,
    });
  }
  return out;
}

export function mergeTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce<Tally>((a, b) => {
    const codes = { ...a.codes };
    for (const [k, n] of Object.entries(b.codes)) add(codes, k, n);
    const marks = { ...a.marks };
    for (const [k, n] of Object.entries(b.marks)) add(marks, k, n);
    return {
      records: a.records + b.records,
      listRows: a.listRows + b.listRows,
      planRows: a.planRows + b.planRows,
      indicators: a.indicators + b.indicators,
      goals: a.goals + b.goals,
      ended: a.ended + b.ended,
      codes,
      marks,
    };
  }, EMPTY);
}

/** Codes in the order of the profiles' code sets (S, A, B; ◎, ○, △, ×), unknown ones after. */
export function orderedCodes(t: Tally, profiles: readonly Profile[]): [string, number][] {
  const order = profiles.flatMap((p) => Object.values(p.codeSets).flatMap((cs) => cs.codes.map((c) => c.code)));
  const rank = (c: string) => {
    const i = order.indexOf(c);
    return i < 0 ? order.length : i;
  };
  return Object.entries(t.codes).sort((a, b) => rank(a[0]) - rank(b[0]));
}
