/**
 * Achievement (docs/values.md, 達成率): direction, met/unmet, progress, for an indicator's baseline b,
 * target t and actual a. Cells may hold several values (labelled parts, a total with a breakdown, a
 * year table); parts are paired before they are compared.
 */
import type { Indicator, IndicatorValueRead } from "../model/record";
import { normalizeForCompare } from "../values/text";
import type { ParsedValue, Qualifier, ValuePart } from "../values/types";

export type Direction = "higher" | "lower" | "band";
export type AchievementStatus = "met" | "unmet" | "not-due" | "undeterminable";

/** Why an indicator could not be judged; the summaries show it as 判定不可 with this note. */
export type UndeterminedReason =
  | "no-target"
  | "no-actual"
  | "relative-previous"
  | "qualitative-target"
  | "parts-unpaired"
  | "units-differ";

export interface PartComparison {
  readonly label?: string;
  readonly target: ValuePart;
  readonly actual: ValuePart;
  /** The baseline figure paired with this target, when the baseline has one. */
  readonly baseline?: ValuePart;
  readonly direction: Direction;
  readonly directionInferred: boolean;
  readonly met: boolean;
  /** The units as written differ (千万円/年 vs 円), though they compare after conversion. */
  readonly unitWrittenDiffers: boolean;
}

export interface Achievement {
  readonly status: AchievementStatus;
  /** met/unmet as computed, also for a target not yet due (not-due keeps it here). */
  readonly met?: boolean;
  readonly reason?: UndeterminedReason;
  readonly pairs: readonly PartComparison[];
  readonly direction?: Direction;
  readonly directionInferred: boolean;
  /** (a − b) / (t − b) for a single pair with a baseline; undefined when t = b. */
  readonly progress?: number;
  /** The fiscal year the target refers to, when it names one later than the evaluation year. */
  readonly dueFiscalYear?: number;
  /** Pairs where the units could not be converted into each other (人 vs %). */
  readonly unitConflicts: readonly { readonly target: ValuePart; readonly actual: ValuePart }[];
  /** The baseline came from a column of the series, its own cell holding no figure (三鷹 `—` → 平成26年度). */
  readonly baselineFrom?: SeriesColumn;
  /** The actual is an earlier column of the series, the latest holding no figure (三鷹 令和2年度 `—` → 平成30年度). */
  readonly actualFrom?: SeriesColumn;
}

/** A column of an indicator's series, as its header names it. */
export interface SeriesColumn {
  readonly header: string;
  readonly fiscalYear?: number;
}

/**
 * The baseline and actual an indicator is judged on. They are its own cells; where a series of columns backs them
 * (三鷹 計画策定時 / 達成値…), a cell holding no figure (`—`, `-`) gives way to the nearest measured column: the
 * first later one for the baseline, the last earlier one for the actual. A table with no baseline column
 * (三鷹 数値目標 `実績値 (平成26年度) | 実績値 (平成30年度)`) takes its first column. Without a series nothing changes.
 */
export function judgedValues(ind: Indicator): {
  readonly baseline?: IndicatorValueRead;
  readonly actual?: IndicatorValueRead;
  readonly baselineFrom?: SeriesColumn;
  readonly actualFrom?: SeriesColumn;
} {
  const series = ind.series ?? [];
  if (series.length === 0) return { baseline: ind.baseline, actual: ind.actual };
  let actual = ind.actual;
  let actualFrom: SeriesColumn | undefined;
  let actualAt = series.length;
  if (!hasMeasurement(actual?.parsed)) {
    for (let i = series.length - 1; i >= 0; i--) {
      if (!hasMeasurement(series[i].value.parsed)) continue;
      actual = series[i].value;
      actualFrom = { header: series[i].header, fiscalYear: series[i].fiscalYear };
      actualAt = i;
      break;
    }
  } else {
    const at = series.findIndex((s) => s.value.cell.row === actual!.cell.row && s.value.cell.col === actual!.cell.col);
    if (at >= 0) actualAt = at;
  }
  let baseline = ind.baseline;
  let baselineFrom: SeriesColumn | undefined;
  if (!isNumericValue(baseline?.parsed)) {
    for (let i = 0; i < actualAt; i++) {
      if (!isNumericValue(series[i].value.parsed)) continue;
      baseline = series[i].value;
      baselineFrom = { header: series[i].header, fiscalYear: series[i].fiscalYear };
      break;
    }
  }
  return { baseline, actual, baselineFrom, actualFrom };
}

const NO_VALUE_KINDS = new Set(["empty", "placeholder", "note", "copy-left", "error", "unparseable"]);

export function hasMeasurement(v: ParsedValue | undefined): boolean {
  return !!v && !NO_VALUE_KINDS.has(v.kind) && (v.parts.length > 0 || !!v.yearTable);
}

export function isNumericValue(v: ParsedValue | undefined): boolean {
  return !!v && (v.kind === "number" || v.kind === "simple" || v.kind === "multi" || v.kind === "sentence") && v.parts.length > 0;
}

/** The fiscal year a target names for itself: `10団体(平成31年度)`, `16(平成29年度末)`. Budget bases (予算) don't count. */
export function targetFiscalYear(t: ParsedValue): number | undefined {
  const quals: Qualifier[] = [...t.qualifiers];
  for (const p of t.parts) quals.push(...p.qualifiers);
  let fy: number | undefined;
  for (const q of quals) {
    if ((q.kind === "fiscal-year" || q.kind === "fiscal-year-end") && q.fiscalYear !== undefined && !q.basis) {
      fy = fy === undefined ? q.fiscalYear : Math.max(fy, q.fiscalYear);
    }
  }
  return fy;
}

/** Parts that stand for the cell's own figures: a breakdown in parentheses is detail, not a figure to compare. */
function mainParts(v: ParsedValue, fiscalYear: number | undefined): ValuePart[] {
  if (v.yearTable) {
    const yt = v.yearTable;
    const row = yt.rows.find((r) => r.fiscalYear === fiscalYear) ?? yt.rows[0];
    if (!row) return [];
    return yt.columns.map((label, i) => yearTablePart(label, yt.units[i], row.values[i]));
  }
  if (v.kind === "sentence") return v.parts.slice(0, 1);
  return [...v.parts];
}

const MULTIPLIERS: Record<string, number> = { 千: 1e3, 万: 1e4, 百万: 1e6, 千万: 1e7, 億: 1e8 };

function yearTablePart(label: string, unitText: string | undefined, n: number): ValuePart {
  // Year-table units are written like 千円: split the multiplier so values compare with 円.
  const m = unitText ? /^(千万|百万|千|万|億)?(.*)$/.exec(unitText) : null;
  const mult = m?.[1];
  const unit = m?.[2] || undefined;
  return {
    label,
    number: n,
    value: mult ? n * MULTIPLIERS[mult] : n,
    unit,
    writtenUnit: unitText,
    inParentheses: false,
    qualifiers: [],
  };
}

const NO_KEYS: ReadonlyMap<ValuePart, string> = new Map();
const NO_LABELLED: ReadonlyMap<string, ValuePart> = new Map();

/** Keys for pairing by label: the label alone, or group + label where a label repeats in the cell (現年分 under 市税 and 国保). */
function labelKeys(parts: readonly ValuePart[]): ReadonlyMap<ValuePart, string> {
  // Indexed loops: pairing runs for every indicator, mostly before V8 optimises it. Most figures have no label:
  // they share one empty map rather than build two per pairing.
  let labelled = false;
  for (let i = 0; i < parts.length && !labelled; i++) if (parts[i].label) labelled = true;
  if (!labelled) return NO_KEYS;
  const counts = new Map<string, number>();
  for (let i = 0; i < parts.length; i++) {
    const label = parts[i].label;
    if (label) counts.set(normalizeForCompare(label), (counts.get(normalizeForCompare(label)) ?? 0) + 1);
  }
  const out = new Map<ValuePart, string>();
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.label) continue;
    const l = normalizeForCompare(p.label);
    out.set(p, (counts.get(l) ?? 0) > 1 ? `${normalizeForCompare(p.group ?? "")}/${l}` : l);
  }
  return out;
}

/**
 * Pairs the parts of two cells: totals with totals, then parts with the same label; otherwise by
 * position when the counts agree; otherwise a single part with a single part.
 */
export function pairParts(a: readonly ValuePart[], b: readonly ValuePart[]): [ValuePart, ValuePart][] | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const totalA = a.find((p) => !p.label && !p.inParentheses);
  const totalB = b.find((p) => !p.label && !p.inParentheses);
  const labelledA = a.filter((p) => p.label);
  const keysA = labelKeys(a);
  const keysB = labelKeys(b);
  let labelledB = NO_LABELLED;
  if (keysB.size > 0) {
    const m = new Map<string, ValuePart>();
    keysB.forEach((k, p) => {
      if (!m.has(k)) m.set(k, p);
    });
    labelledB = m;
  }
  const pairs: [ValuePart, ValuePart][] = [];
  if (totalA && totalB) pairs.push([totalA, totalB]);
  let allLabelled = labelledA.length > 0;
  for (let i = 0; i < labelledA.length; i++) {
    const p = labelledA[i];
    const q = labelledB.get(keysA.get(p) ?? "");
    if (q) pairs.push([p, q]);
    else allLabelled = false;
  }
  if (pairs.length > 0 && (allLabelled || (totalA && totalB && labelledA.length === 0))) {
    if (totalA && totalB && labelledA.length === 0 && labelledB.size === 0) {
      // Several unlabelled figures side by side on both sides (三鷹 `8施設 98事業者`, SOHO集積施設数及び入居事業者数): one
      // measure each, compared in order.
      const restA = a.filter((p) => p !== totalA && !p.inParentheses && !p.label);
      const restB = b.filter((p) => p !== totalB && !p.inParentheses && !p.label);
      if (restA.length > 0 && restA.length === restB.length && restA.every((p, i) => unitsCompatible(p, restB[i]))) {
        restA.forEach((p, i) => pairs.push([p, restB[i]]));
      }
      // A total with unlabelled figures in parentheses on both sides (三鷹 `4,372人 (198人)`, 利用者(内定者)数): the
      // figures in parentheses are a second measure of the same kind, compared in order.
      const innerA = a.filter((p) => p.inParentheses && !p.label);
      const innerB = b.filter((p) => p.inParentheses && !p.label);
      if (innerA.length > 0 && innerA.length === innerB.length && innerA.every((p, i) => unitsCompatible(p, innerB[i]))) {
        innerA.forEach((p, i) => pairs.push([p, innerB[i]]));
      }
    }
    return pairs;
  }
  const topA = a.filter((p) => !p.inParentheses);
  const topB = b.filter((p) => !p.inParentheses);
  if (topA.length === topB.length) return topA.map((p, i) => [p, topB[i]]);
  if (totalA && totalB) return [[totalA, totalB]];
  if (a.length === 1 && b.length === 1) return [[a[0], b[0]]];
  // A single target against a total with its breakdown: the total is the figure.
  if (a.length === 1 && totalB) return [[a[0], totalB]];
  if (b.length === 1 && totalA) return [[totalA, b[0]]];
  return pairs.length ? pairs : undefined;
}

/** Units compare when equal, or when one is absent (a bare count); 円 with any multiplier is 円. */
function unitsCompatible(x: ValuePart, y: ValuePart): boolean {
  if (!x.unit || !y.unit) return true;
  return x.unit === y.unit;
}

/**
 * The unit as a clerk reads it. For money the multiplier is part of the unit (千円 and 円 are different
 * columns in a budget); for counts it is only a way of writing the number (1万人 is 10,000人).
 */
function unitAsWritten(p: ValuePart): string {
  const money = p.unit === "円";
  return `${money ? (p.writtenUnit ?? p.unit) : (p.unit ?? "")}${p.per ? "/" + p.per : ""}`;
}

function writtenDiffers(x: ValuePart, y: ValuePart): boolean {
  return !!(x.unit && y.unit) && unitAsWritten(x) !== unitAsWritten(y);
}

/**
 * A direction decided by a setting, not by the values: per indicator, or the profile's default. "qualitative" is a
 * target the sheet itself calls qualitative (三鷹 目標の型 定性): it is not judged against numbers.
 */
export type DirectionSetting = "higher" | "lower" | "qualitative" | undefined;

function directionOf(t: ValuePart, b: ValuePart | undefined, setting?: DirectionSetting): { direction: Direction; inferred: boolean } {
  if (t.band) return { direction: "band", inferred: false };
  switch (t.comparator) {
    case ">=":
    case ">":
      return { direction: "higher", inferred: false };
    case "<=":
    case "<":
      return { direction: "lower", inferred: false };
    default:
      break;
  }
  if (setting === "higher" || setting === "lower") return { direction: setting, inferred: false };
  if (b && b.value > t.value) return { direction: "lower", inferred: true };
  return { direction: "higher", inferred: true };
}

function meets(a: ValuePart, t: ValuePart, d: Direction): boolean {
  if (d === "band" && t.band) return a.value >= t.band.lo && a.value < t.band.hi;
  switch (t.comparator) {
    case ">":
      return a.value > t.value;
    case "<":
      return a.value < t.value;
    default:
      return d === "lower" ? a.value <= t.value : a.value >= t.value;
  }
}

/** The basis to compare a baseline with: of several bases (`564.9 (H27実績値) 577 (計画目標値)`), the 実績値. */
function baselineParts(b: ParsedValue | undefined): ValuePart[] {
  if (!b || !isNumericValue(b)) return [];
  const parts = mainParts(b, undefined);
  const actuals = parts.filter((p) => p.qualifiers.some((q) => q.basis?.includes("実績")));
  const plans = parts.filter((p) => p.qualifiers.some((q) => q.basis?.includes("目標")));
  if (actuals.length > 0 && plans.length > 0) return actuals;
  return parts;
}

// Several rules ask about the same indicator; the answer depends only on these three inputs.
const evalMemo = new WeakMap<Indicator, { key: string; value: Achievement }>();

export function evaluateIndicator(ind: Indicator, evaluationFiscalYear: number | undefined, setting?: DirectionSetting): Achievement {
  const key = `${evaluationFiscalYear}|${setting}`;
  const hit = evalMemo.get(ind);
  if (hit && hit.key === key) return hit.value;
  const value = evaluate(ind, evaluationFiscalYear, setting);
  evalMemo.set(ind, { key, value });
  return value;
}

function evaluate(ind: Indicator, evaluationFiscalYear: number | undefined, setting?: DirectionSetting): Achievement {
  const none = (reason: UndeterminedReason): Achievement => ({
    status: "undeterminable",
    reason,
    pairs: [],
    directionInferred: false,
    unitConflicts: [],
  });
  const jv = judgedValues(ind);
  // Where the figures came from, when not from the indicator's own cells (a series column stood in).
  const from = { ...(jv.baselineFrom ? { baselineFrom: jv.baselineFrom } : {}), ...(jv.actualFrom ? { actualFrom: jv.actualFrom } : {}) };
  const t = ind.target?.parsed;
  const a = jv.actual?.parsed;
  const b = jv.baseline?.parsed;
  if (setting === "qualitative") return none("qualitative-target");
  if (!t || !hasMeasurement(t) && t.kind !== "relative") return none(t?.kind === "qualitative" ? "qualitative-target" : "no-target");
  if (!a || !hasMeasurement(a)) return none("no-actual");
  const dueFy = t.kind === "relative" ? undefined : targetFiscalYear(t);
  const notDue = dueFy !== undefined && evaluationFiscalYear !== undefined && dueFy > evaluationFiscalYear;

  if (t.kind === "relative") {
    const rel = t.relative;
    const bp = baselineParts(b);
    const ap = mainParts(a, evaluationFiscalYear);
    if (!rel || rel.kind === "at-least-previous" || bp.length === 0 || ap.length === 0) return none("relative-previous");
    const pairs = pairParts(bp, ap);
    if (!pairs) return none("parts-unpaired");
    const direction: Direction = rel.kind === "decrease" ? "lower" : "higher";
    const cmp: PartComparison[] = pairs.map(([base, act]) => ({
      label: act.label ?? base.label,
      target: base,
      actual: act,
      baseline: base,
      direction,
      directionInferred: false,
      met: rel.kind === "decrease" ? act.value < base.value : rel.kind === "increase" ? act.value > base.value : act.value >= base.value,
      unitWrittenDiffers: writtenDiffers(base, act),
    }));
    const met = cmp.every((c) => c.met);
    return { status: met ? "met" : "unmet", met, pairs: cmp, direction, directionInferred: false, unitConflicts: [], ...from };
  }

  const tp = mainParts(t, evaluationFiscalYear);
  const ap = mainParts(a, evaluationFiscalYear);
  const pairs = pairParts(tp, ap);
  if (!pairs) return none("parts-unpaired");
  const bp = baselineParts(b);
  // Pair target and baseline figures once, not once per target part.
  const baseOf = new Map<ValuePart, ValuePart>(bp.length ? (pairParts(tp, bp) ?? []) : []);
  const cmp: PartComparison[] = [];
  const conflicts: { target: ValuePart; actual: ValuePart }[] = [];
  for (const [tt, aa] of pairs) {
    if (!unitsCompatible(tt, aa)) {
      conflicts.push({ target: tt, actual: aa });
      continue;
    }
    const base = baseOf.get(tt);
    const { direction, inferred } = directionOf(tt, base, setting);
    cmp.push({
      label: aa.label ?? tt.label,
      target: tt,
      actual: aa,
      baseline: base,
      direction,
      directionInferred: inferred,
      met: meets(aa, tt, direction),
      unitWrittenDiffers: writtenDiffers(tt, aa),
    });
  }
  if (cmp.length === 0) return { ...none("units-differ"), unitConflicts: conflicts };
  const met = cmp.every((c) => c.met);
  const progress = cmp.length === 1 ? pairProgress(cmp[0]) : undefined;
  return {
    status: notDue ? "not-due" : met ? "met" : "unmet",
    met,
    pairs: cmp,
    direction: cmp[0].direction,
    directionInferred: cmp.some((c) => c.directionInferred),
    progress,
    dueFiscalYear: dueFy,
    unitConflicts: conflicts,
    ...from,
  };
}

/**
 * (a − b) / (t − b) for one compared figure (docs/values.md); undefined when t = b and for a band. A target on the other
 * side of the baseline from its direction (a floor: 三鷹 農地面積 171ha → at least 140ha) gives arithmetic figures
 * (87%–841% on the 三鷹 sample) that read nothing: met decides there, and the display is clamped.
 */
export function pairProgress(p: PartComparison): number | undefined {
  const b = p.baseline;
  if (!b || p.target.band || p.target.value === b.value) return undefined;
  return (p.actual.value - b.value) / (p.target.value - b.value);
}

export interface BaselineComparison {
  readonly label?: string;
  readonly baseline: ValuePart;
  readonly actual: ValuePart;
  readonly worse: boolean;
}

/** Actual against baseline in the indicator's direction (IND-WORSE-THAN-BASELINE). */
export function compareWithBaseline(ind: Indicator, evaluationFiscalYear: number | undefined, setting?: DirectionSetting): BaselineComparison[] {
  if (setting === "qualitative") return [];
  const jv = judgedValues(ind);
  const a = jv.actual?.parsed;
  const b = jv.baseline?.parsed;
  if (!hasMeasurement(a) || !isNumericValue(b) || !a) return [];
  const bp = baselineParts(b);
  const ap = mainParts(a, evaluationFiscalYear);
  const pairs = pairParts(ap, bp);
  if (!pairs) return [];
  const t = ind.target?.parsed;
  const tp = t && hasMeasurement(t) ? mainParts(t, evaluationFiscalYear) : [];
  const out: BaselineComparison[] = [];
  for (const [act, base] of pairs) {
    if (!unitsCompatible(act, base)) continue;
    let direction: Direction = setting ?? "higher";
    if (t?.kind === "relative") direction = t.relative?.kind === "decrease" ? "lower" : "higher";
    else {
      const tPair = tp.length ? pairParts(tp, ap)?.find(([, x]) => x === act)?.[0] : undefined;
      if (tPair) {
        const d = directionOf(tPair, base, setting).direction;
        // A band target: better means moving towards the band.
        direction = d === "band" ? (tPair.band && base.value >= tPair.band.hi ? "lower" : "higher") : d;
      }
    }
    const worse = direction === "lower" ? act.value > base.value : act.value < base.value;
    out.push({ label: act.label ?? base.label, baseline: base, actual: act, worse });
  }
  return out;
}
