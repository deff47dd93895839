/**
 * Numeric goals written inside free text (docs/formats.md, the 小平 経営方針推進プログラム):
 *
 * - `4年間で歴史公文書の図書館への移管率が50%以上を目指す(令和3年4月1日現在:0%)` → target 50 %, comparator ≥,
 *   horizon `4年間で`, baseline 0 % as of 2021-04-01.
 * - `職員提案の応募件数について、1年に15件以上を目指す(現状値:5件)` → target 15 件 ≥, baseline 5 件 (現状値).
 * - `応募団体8団体以上を目指す。(9団体)` → target 8 団体 ≥, and the figure in the trailing parentheses, which the plan
 *   columns' header names 前年度末の状況 (the status at the end of the previous year): 9 団体.
 * - `電子決裁率85%を目指す。`, `目標額は1,000千円。` → a target without comparator (reach exactly this).
 * - `申請等のオンライン化で前年度実績以上を目指す(令和2年度実績:…)` → a relative target (≥ last year's actual).
 *
 * A cell is split into its `・` bullets (the program writes one goal per bullet); a bullet is a goal when it has a target
 * figure, a relative target, a baseline or a 前年度末 status. Words alone (`最適な働き方を目指す`) are not a numeric goal.
 * Pure and total: odd text gives fewer goals, never an exception.
 */
import type { CellPos } from "../model/record";
import { parseValue } from "../values/number/parse-value";
import { blankHtmlTags } from "../values/text";
import type { Comparator, DateRef, Quantity, RelativeTarget } from "../values/types";

/** A figure as written in the text (`50%以上`, `1,000千円`), read as a quantity. */
export interface GoalFigure extends Quantity {
  readonly text: string;
}

/** The starting point written with a goal: `(令和3年4月1日現在:0%)`, `(現状値:5件)`, `(令和2年度実績:…)`. */
export interface GoalBaseline {
  /** The text inside the parentheses, as written. */
  readonly text: string;
  /** What the value is: `令和3年4月1日現在`, `現状値`, `令和2年度実績`. */
  readonly label: string;
  /** The value as written: `0%`, `5件`, `電子申請サービス18手続、マイナポータル(ぴったりサービス)1手続`. */
  readonly valueText: string;
  /** The value as one quantity, when it is one. */
  readonly quantity?: Quantity;
  /** The date the value is as of (`令和3年4月1日現在` → 2021-04-01). */
  readonly asOf?: DateRef;
  /** The fiscal year it is the value of (`令和2年度実績` → 2020). */
  readonly fiscalYear?: number;
}

/** The figure in trailing parentheses of a plan goal, `(9団体)`: the status at the end of the previous year. */
export interface GoalStatus {
  readonly text: string;
  readonly quantity: Quantity;
}

export interface Goal {
  /** The goal sentence as written: its bullet, without the `・` and without HTML tags. */
  readonly text: string;
  readonly cell: CellPos;
  /** The field id of the column it came from (`purpose`, `plan`, `planNext`). */
  readonly column: string;
  /** That column's header as written, when known. */
  readonly header?: string;
  /** Which bullet of the cell it is (0-based), to pair it with the same bullet of another column. */
  readonly bullet: number;
  readonly target?: GoalFigure;
  /** ≥ ≤ < > from 以上 以下 未満 超 (also ≥ for a relative `前年度実績以上`); absent for "reach exactly". */
  readonly comparator?: Comparator;
  readonly relative?: RelativeTarget;
  /** By when: `4年間で`, `1年に`, `令和7年度までに`, `令和6年度までの間`, `令和7年度まで`. */
  readonly horizon?: string;
  readonly baseline?: GoalBaseline;
  readonly status?: GoalStatus;
}

export interface GoalSource {
  readonly cell: CellPos;
  readonly column: string;
  readonly header?: string;
}

/** A figure found in running text (`研修を2回及び…を1回`): `each` when written `各1回` (the total is unknown). */
export interface TextFigure {
  readonly text: string;
  readonly quantity: Quantity;
  readonly each: boolean;
  readonly index: number;
}

// ---------------------------------------------------------------- text helpers

/** Full-width ASCII (digits, ％, （）, ：, ，) to ASCII, one character for one, so positions carry over. */
function narrow(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const BULLET = /[・･]/;

/**
 * The items of a bulleted cell: `・A\n・B` (or `・A ・B` as a PDF export flattens it) → [A, B]. A `・` counts as a bullet
 * at the start of the cell or after a blank; inside a word (`協力・連携`) it is text. HTML tags are dropped first.
 */
export function splitBullets(text: string): string[] {
  if (typeof text !== "string") return [];
  const t = blankHtmlTags(text);
  const starts: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (BULLET.test(t[i]) && (i === 0 || /\s/.test(t[i - 1]))) starts.push(i);
  }
  if (starts.length === 0) {
    const one = t.trim();
    return one ? [one] : [];
  }
  const out: string[] = [];
  const head = t.slice(0, starts[0]).trim();
  if (head) out.push(head);
  starts.forEach((s, k) => {
    const item = t.slice(s + 1, k + 1 < starts.length ? starts[k + 1] : t.length).trim();
    if (item) out.push(item);
  });
  return out;
}

interface Paren {
  readonly start: number; // index of "("
  readonly end: number; // index after ")"
  readonly inner: string;
}

/** Top-level parentheses of a (narrowed) text; nested ones stay inside their parent. Unbalanced ones are ignored. */
function topParens(n: string): Paren[] {
  const out: Paren[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < n.length; i++) {
    if (n[i] === "(") {
      if (depth === 0) open = i;
      depth++;
    } else if (n[i] === ")" && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: i + 1, inner: n.slice(open + 1, i) });
    }
  }
  return out;
}

// Counters and units a program goal is written in (the sample's goals use % 団体 件 時間 日 業務 千円, its statuses 回 園).
const UNITS = "千円|百万円|万円|億円|円|%|ポイント|団体|件|回|時間|日|業務|園|人|手続|か所|箇所|校|施設|事業|店舗|地区|名|世帯|種類|台|本|冊";
const FIGURE_RE = new RegExp(`(各\\s*)?(?:約\\s*)?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\s*(?:${UNITS})(?:\\s*(?:以上|以下|以内|未満|超))?`, "g");

function quantityOf(text: string): Quantity | undefined {
  const p = parseValue(text).parts[0];
  if (!p || p.unit === undefined) return undefined;
  const { number, value, unit, writtenUnit, multiplier, comparator, comparatorText, approximate } = p;
  return { number, value, unit, writtenUnit, multiplier, comparator, comparatorText, approximate };
}

function figuresOf(n: string, raw: string): TextFigure[] {
  const out: TextFigure[] = [];
  for (const m of n.matchAll(FIGURE_RE)) {
    const i = m.index;
    const before = n[i - 1] ?? "";
    // Part of a longer number or a date (`9月17日`, `R5.3`), not a figure of its own.
    if (/[\d.,]/.test(before) || (before === "月" && /日/.test(m[0]))) continue;
    const each = m[1] !== undefined;
    const from = i + (m[1]?.length ?? 0);
    const text = raw.slice(from, i + m[0].length);
    const q = quantityOf(n.slice(from, i + m[0].length));
    if (q) out.push({ text, quantity: q, each, index: from });
  }
  return out;
}

/** Every figure with a unit in running text, in order: `研修を2回及び…交流の場…を1回開催` → 2回, 1回. */
export function figuresIn(text: string): TextFigure[] {
  if (typeof text !== "string") return [];
  const raw = blankHtmlTags(text);
  return figuresOf(narrow(raw), raw);
}

// ---------------------------------------------------------------- one bullet

const BASELINE_LABEL = /現在|時点|現状|実績|基準|当初/;
const HORIZON_RE = /\d+年間で|\d+年に|(?:令和|平成)\s*(?:\d+|元)\s*年度\s*(?:末\s*)?まで(?:に|の間)?/;
const RELATIVE_RE = /前年度(?:の)?(?:実績)?(?:値)?以上/;
const AIM_AFTER = /^\s*(?:\)\s*)?を\s*(?:目指|目標)/;
const AIM_BEFORE = /目標(?:額|値|件数|数)?\s*(?:は|を|:)?\s*$/;

/** `raw` is the text as written, `p` found in its narrowed copy (same positions). */
function baselineOf(p: Paren, raw: string): GoalBaseline | undefined {
  const colon = p.inner.indexOf(":");
  if (colon <= 0) return undefined;
  const inner = raw.slice(p.start + 1, p.end - 1);
  const label = inner.slice(0, colon).trim();
  if (!BASELINE_LABEL.test(p.inner.slice(0, colon))) return undefined;
  const valueText = inner.slice(colon + 1).trim();
  const q = parseValue(`(${p.inner})`).qualifiers[0];
  return {
    text: inner,
    label,
    valueText,
    ...(q?.quantity ? { quantity: q.quantity } : {}),
    ...(q?.date ? { asOf: q.date } : {}),
    ...(q?.fiscalYear !== undefined ? { fiscalYear: q.fiscalYear } : {}),
  };
}

/** `(9団体)` at the end of the sentence (before a final `。` at most): one figure and nothing else. */
function statusOf(p: Paren, n: string, raw: string): GoalStatus | undefined {
  if (!/^[\s。.]*$/.test(n.slice(p.end))) return undefined;
  const v = parseValue(p.inner.trim());
  if (v.kind !== "simple" || v.parts.length !== 1) return undefined;
  const q = quantityOf(p.inner.trim());
  if (!q || q.comparator) return undefined;
  return { text: raw.slice(p.start + 1, p.end - 1).trim(), quantity: q };
}

function readBullet(raw: string, bullet: number, source: GoalSource): Goal | undefined {
  const n = narrow(raw);
  let baseline: GoalBaseline | undefined;
  let status: GoalStatus | undefined;
  // The body is the sentence without its baseline and status parentheses (blanked, so positions stay).
  let body = n;
  for (const p of topParens(n)) {
    const b = baseline ? undefined : baselineOf(p, raw);
    const s = b || status ? undefined : statusOf(p, n, raw);
    if (b) baseline = b;
    else if (s) status = s;
    else continue;
    body = body.slice(0, p.start) + " ".repeat(p.end - p.start) + body.slice(p.end);
  }
  const figures = figuresOf(body, raw);
  const target =
    figures.find((f) => f.quantity.comparator) ??
    figures.find((f) => AIM_AFTER.test(body.slice(f.index + f.text.length))) ??
    figures.find((f) => AIM_BEFORE.test(body.slice(Math.max(0, f.index - 8), f.index)));
  const rel = RELATIVE_RE.exec(body);
  const relative: RelativeTarget | undefined = rel && !target ? { text: raw.slice(rel.index, rel.index + rel[0].length), kind: "at-least-previous" } : undefined;
  if (!target && !relative && !baseline && !status) return undefined;
  const h = HORIZON_RE.exec(n);
  const comparator = target?.quantity.comparator ?? (relative ? ">=" : undefined);
  return {
    text: raw,
    cell: source.cell,
    column: source.column,
    ...(source.header !== undefined ? { header: source.header } : {}),
    bullet,
    ...(target ? { target: { ...target.quantity, text: target.text } } : {}),
    ...(comparator ? { comparator } : {}),
    ...(relative ? { relative } : {}),
    ...(h ? { horizon: raw.slice(h.index, h.index + h[0].length) } : {}),
    ...(baseline ? { baseline } : {}),
    ...(status ? { status } : {}),
  };
}

/** The numeric goals of one cell, one per bullet that states a target, a baseline or a 前年度末 status. */
export function extractGoals(text: string, source: GoalSource): Goal[] {
  const out: Goal[] = [];
  splitBullets(text).forEach((b, i) => {
    const g = readBullet(b, i, source);
    if (g) out.push(g);
  });
  return out;
}
