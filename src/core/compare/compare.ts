/**
 * 前年度比較 (docs/compare.md): last year's and this year's validated workbooks of the same plan, item by item. Pure:
 * records in, plain data out. What is compared is the profile's `compare` section; this file only follows it.
 */
import { a1 } from "../model/finding";
import type { Indicator, SurveyRecord } from "../model/record";
import { evaluateIndicator, hasMeasurement, judgedValues, pairParts, type Direction } from "../indicators/achievement";
import { directionSetting } from "../indicators/directions";
import { indicatorName } from "../indicators/format";
import { periodFromHeaders, type YearSpan } from "../plan-period";
import type { CompareSpec, Profile } from "../profile/types";
import type { ValuePart } from "../values/types";
import { fieldLabel } from "../rules/field-label";
import { sheetNameKey } from "../owned";
import { keyNames, type MatchCorrections } from "./matches";
import { compareKey, similarity } from "./similarity";
import type {
  CarryComparison,
  CompareResult,
  CompareTotals,
  IndicatorComparison,
  IndicatorTrend,
  ItemChange,
  ItemRef,
  ItemRow,
  MatchedBy,
  RatingComparison,
  TextComparison,
} from "./types";

/** What a side of the comparison is: a validated workbook's records and the years it was checked against. */
export interface YearInput {
  readonly records: readonly SurveyRecord[];
  readonly fiscalYear?: number;
  readonly planPeriods?: readonly ({ readonly profileId: string } & YearSpan)[];
}

export interface CompareOptions {
  /** The user's corrections of the pairs (the workbook's `compareMatches` setting), applied before the matching. */
  readonly matches?: MatchCorrections;
}

const DEFAULT_TITLE_THRESHOLD = 0.8;
const DEFAULT_TEXT_THRESHOLD = 0.9;
const DEFAULT_TEXT_MIN_LENGTH = 10;
/** Last year's (A) is reflected in this year's (P) when the (P) holds it, or the two are at least this alike. */
const CARRY_THRESHOLD = 0.5;

type RatingField = RatingComparison["field"];

interface Item {
  readonly rec: SurveyRecord;
  readonly idKey?: string;
  readonly name: string;
  readonly nameKey: string;
  readonly ended: boolean;
  readonly order: number;
  /** The item is its sheet (小平 調査票: one record per sheet), so the sheet's name names it. */
  readonly ownSheet: boolean;
  readonly group?: string;
}

/** The title, or for a table row of one indicator, the indicator's name (with the title when both are there). */
function itemName(rec: SurveyRecord, profile: Profile | undefined): string {
  const title = rec.title?.text.trim() ?? "";
  const shape = profile?.layouts.find((l) => l.id === rec.layoutId)?.shape;
  const ind = shape === "table" && rec.indicators.length === 1 ? indicatorName(rec.indicators[0].label.text) : "";
  return [title, ind].filter(Boolean).join(" / ");
}

function endedSpec(profile: Profile | undefined): CompareSpec["ended"] {
  return profile?.compare?.ended ?? profile?.rollover?.ended;
}

/** Marked ended: by its title, a text in one of the profile's fields that is or starts with one of its words, or a code. */
export function isEndedItem(rec: SurveyRecord, profile: Profile | undefined): boolean {
  if (rec.ended) return true;
  const spec = endedSpec(profile);
  if (!spec) return false;
  const words = spec.words ?? [];
  for (const field of spec.fields ?? []) {
    const text = (rec.texts[field as keyof SurveyRecord["texts"]]?.text ?? "").trim();
    // The word alone or leading the text (`廃止（No.5に統合）`), not inside a sentence (`…完了させる予定`), as 年度更新 reads it.
    if (words.some((w) => text === w || (text.startsWith(w) && /^[\s（(：:。、・]/.test(text.slice(w.length))))) return true;
  }
  for (const [field, codes] of Object.entries(spec.codes ?? {}) as [RatingField, readonly string[]][]) {
    const code = rec.codes[field]?.parsed.code;
    if (code !== undefined && codes.includes(code)) return true;
  }
  return false;
}

function firstCell(rec: SurveyRecord): string {
  const p = rec.id?.cell ?? rec.title?.cell ?? rec.indicators[0]?.label.cell ?? (rec.row !== undefined ? { row: rec.row, col: 0 } : undefined);
  return p ? a1(p) : "A1";
}

function refOf(item: Item): ItemRef {
  const r = item.rec;
  return {
    sheet: r.sheet,
    cell: firstCell(r),
    ...(r.id ? { id: r.id.text } : {}),
    name: item.name,
    ...(item.group ? { group: item.group } : {}),
    departments: r.departments?.list.departments.map((d) => d.name) ?? [],
    ended: item.ended,
  };
}

/**
 * The items of one year. `listGroups`: the group (方針) each No. has on the year's list sheet, for a record whose own
 * sheet does not say it (小平: the 方針 is a column of the 評価一覧 only).
 */
function itemsOf(records: readonly SurveyRecord[], profile: Profile | undefined, listGroups: ReadonlyMap<string, string>): Item[] {
  return records.map((rec, order) => {
    const name = itemName(rec, profile);
    const layout = profile?.layouts.find((l) => l.id === rec.layoutId);
    const ownSheet = layout?.shape === "form" && layout.recordsPerSheet === "one";
    const idKey = rec.id ? compareKey(rec.id.text) : undefined;
    // A sub-item (No.2-1, No.2-1~5) is in its parent's group.
    const group = rec.group?.text || (idKey ? (listGroups.get(idKey) ?? listGroups.get(idKey.split("-")[0])) : undefined);
    return { rec, ...(idKey ? { idKey } : {}), name, nameKey: compareKey(name), ended: isEndedItem(rec, profile), order, ownSheet, ...(group ? { group } : {}) };
  });
}

/** No. → group on the list sheets (評価一覧) of one profile. */
function groupsOnLists(records: readonly SurveyRecord[], profileId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) if (r.role === "list" && r.profileId === profileId && r.id && r.group?.text) out.set(compareKey(r.id.text), r.group.text);
  return out;
}

interface Pair {
  readonly last: Item;
  readonly this: Item;
  readonly by: MatchedBy;
}

/** One of last year's items split into several of this year's, or several merged into one. */
interface Parting {
  readonly kind: "split" | "merged";
  readonly last: readonly Item[];
  readonly this: readonly Item[];
}

/**
 * Pairs last year's items with this year's: the same No. with a like title; then a like title (an item renumbered);
 * then splits and merges among the rest (partOf); then the same No. whatever its title; then, for a format of one item
 * per sheet, the same sheet name (as Excel compares names).
 */
function matchItems(last: readonly Item[], current: readonly Item[], threshold: number): { pairs: Pair[]; partings: Parting[]; lastLeft: Item[]; thisLeft: Item[] } {
  const pairs: Pair[] = [];
  const usedLast = new Set<Item>();
  const usedThis = new Set<Item>();
  const take = (l: Item, t: Item, by: MatchedBy) => {
    pairs.push({ last: l, this: t, by });
    usedLast.add(l);
    usedThis.add(t);
  };
  const alike = (l: Item, t: Item) => l.nameKey === t.nameKey || (!!l.nameKey && !!t.nameKey && similarity(l.name, t.name) >= threshold);
  const byId = new Map<string, Item[]>();
  for (const l of last) if (l.idKey) (byId.get(l.idKey) ?? byId.set(l.idKey, []).get(l.idKey)!).push(l);
  for (const t of current) {
    if (!t.idKey) continue;
    const l = byId.get(t.idKey)?.find((x) => !usedLast.has(x) && alike(x, t));
    if (l) take(l, t, "id");
  }
  // The same title exactly first (cheap), then alike titles, best first.
  const byName = new Map<string, Item[]>();
  for (const l of last) if (!usedLast.has(l) && l.nameKey) (byName.get(l.nameKey) ?? byName.set(l.nameKey, []).get(l.nameKey)!).push(l);
  for (const t of current) {
    if (usedThis.has(t) || !t.nameKey) continue;
    const l = byName.get(t.nameKey)?.find((x) => !usedLast.has(x));
    if (l) take(l, t, "title");
  }
  const candidates: { l: Item; t: Item; s: number }[] = [];
  const restLast = last.filter((l) => !usedLast.has(l) && l.nameKey);
  for (const t of current) {
    if (usedThis.has(t) || !t.nameKey) continue;
    for (const l of restLast) {
      const s = similarity(l.name, t.name);
      if (s >= threshold) candidates.push({ l, t, s });
    }
  }
  candidates.sort((x, y) => y.s - x.s || x.t.order - y.t.order || x.l.order - y.l.order);
  for (const c of candidates) if (!usedLast.has(c.l) && !usedThis.has(c.t)) take(c.l, c.t, "title");
  const partings = findPartings(
    last.filter((l) => !usedLast.has(l)),
    current.filter((t) => !usedThis.has(t)),
  );
  for (const p of partings) {
    for (const l of p.last) usedLast.add(l);
    for (const t of p.this) usedThis.add(t);
  }
  for (const t of current) {
    if (usedThis.has(t) || !t.idKey) continue;
    const l = byId.get(t.idKey)?.find((x) => !usedLast.has(x));
    if (l) take(l, t, "id-only");
  }
  const onSheet = (items: readonly Item[], used: Set<Item>) => {
    const m = new Map<string, Item[]>();
    for (const i of items) {
      if (used.has(i) || !i.ownSheet) continue;
      // As Excel compares names: No.7 this year is last year's Ｎｏ．７.
      const key = sheetNameKey(i.rec.sheet);
      (m.get(key) ?? m.set(key, []).get(key)!).push(i);
    }
    return m;
  };
  const lastSheets = onSheet(last, usedLast);
  for (const [sheet, ts] of onSheet(current, usedThis)) {
    const ls = lastSheets.get(sheet);
    if (ts.length === 1 && ls?.length === 1) take(ls[0], ts[0], "sheet");
  }
  pairs.sort((x, y) => x.this.order - y.this.order);
  return { pairs, partings, lastLeft: last.filter((l) => !usedLast.has(l)), thisLeft: current.filter((t) => !usedThis.has(t)) };
}

/** The user's corrections that name one item on each side they give: pairs, and items said to have no pair. */
function userMatches(last: readonly Item[], current: readonly Item[], corrections: MatchCorrections | undefined) {
  const pairs: Pair[] = [];
  const lastAlone: Item[] = [];
  const thisAlone: Item[] = [];
  const used = new Set<Item>();
  const find = (items: readonly Item[], key: Parameters<typeof keyNames>[0]) => {
    const hits = items.filter((i) => keyNames(key, { sheet: i.rec.sheet, ...(i.rec.id ? { id: i.rec.id.text } : {}), name: i.name }));
    return hits.length === 1 && !used.has(hits[0]) ? hits[0] : undefined;
  };
  for (const c of corrections?.pairs ?? []) {
    const t = c.this ? find(current, c.this) : undefined;
    const l = c.last ? find(last, c.last) : undefined;
    // A correction naming an item this comparison does not have (gone, renamed, another profile's) is left out.
    if (c.this && c.last ? !t || !l : !t && !l) continue;
    if (t && l) pairs.push({ last: l, this: t, by: "user" });
    else if (t) thisAlone.push(t);
    else if (l) lastAlone.push(l);
    if (t) used.add(t);
    if (l) used.add(l);
  }
  return { pairs, lastAlone, thisAlone, used };
}

/** Split: one of last year's unpaired items is two or more of this year's; merged: two or more are one. */
function findPartings(lastLeft: readonly Item[], thisLeft: readonly Item[]): Parting[] {
  const out: Parting[] = [];
  const parted = new Set<Item>();
  for (const l of lastLeft) {
    const parts = thisLeft.filter((t) => !parted.has(t) && partOf(t, l));
    if (parts.length < 2) continue;
    parted.add(l);
    for (const t of parts) parted.add(t);
    out.push({ kind: "split", last: [l], this: parts });
  }
  for (const t of thisLeft) {
    if (parted.has(t)) continue;
    const wholes = lastLeft.filter((l) => !parted.has(l) && partOf(l, t));
    if (wholes.length < 2) continue;
    parted.add(t);
    for (const l of wholes) parted.add(l);
    out.push({ kind: "merged", last: wholes, this: [t] });
  }
  return out;
}

/** `part` is a part of `whole`: its No. is the whole's with a suffix (`5` → `5-1`), or one title holds the other. */
function partOf(part: Item, whole: Item): boolean {
  if (part.idKey && whole.idKey && part.idKey.startsWith(whole.idKey + "-")) return true;
  const [a, b] = [part.nameKey, whole.nameKey];
  return a.length >= 4 && b.length >= 4 && a !== b && (a.includes(b) || b.includes(a));
}

/** The codes of a rating field best first: the profile's order, else the code set the field reads. */
function codeOrder(profile: Profile, field: RatingField, order?: readonly string[]): readonly string[] {
  if (order) return order;
  for (const layout of profile.layouts) {
    const fields = layout.shape === "form" ? layout.fields : layout.columns;
    for (const f of fields) {
      const codeSet = "codeSet" in f ? f.codeSet : undefined;
      if (codeSet && (f.id === field || (f.type === "plan-blocks" && field === "status"))) return profile.codeSets[codeSet]?.codes.map((c) => c.code) ?? [];
    }
  }
  return [];
}

function compareRatings(profile: Profile, l: SurveyRecord, t: SurveyRecord): RatingComparison[] {
  const out: RatingComparison[] = [];
  for (const spec of profile.compare?.ratings ?? []) {
    const order = codeOrder(profile, spec.field, spec.order);
    const lc = l.codes[spec.field];
    const tc = t.codes[spec.field];
    const last = lc?.parsed.code;
    const now = tc?.parsed.code;
    if (last === undefined && now === undefined) continue;
    const cells = {
      ...(lc ? { lastCell: a1(lc.cell) } : {}),
      ...(tc ? { thisCell: a1(tc.cell) } : t.emptyCells[spec.field] ? { thisCell: a1(t.emptyCells[spec.field]!) } : {}),
    };
    const base = { field: spec.field, label: fieldLabel(profile, t, spec.field), ...(last !== undefined ? { last } : {}), ...(now !== undefined ? { this: now } : {}), ...cells };
    if (last === undefined) out.push({ ...base, change: "new", steps: 0, toLowest: false, highlight: false });
    else if (now === undefined) out.push({ ...base, change: "blank", steps: 0, toLowest: false, highlight: false });
    else {
      const i = order.indexOf(last);
      const j = order.indexOf(now);
      if (i < 0 || j < 0) out.push({ ...base, change: "unknown", steps: 0, toLowest: false, highlight: false });
      else {
        const down = j > i;
        const toLowest = down && j === order.length - 1;
        const steps = Math.abs(j - i);
        out.push({ ...base, change: j < i ? "up" : down ? "down" : "same", steps, toLowest, highlight: down && (steps >= 2 || toLowest) });
      }
    }
  }
  return out;
}

/** Indicators of the two years paired: by name, then by their ①② marker, then in order when as many remain. */
function pairIndicators(last: readonly Indicator[], now: readonly Indicator[]): [Indicator | undefined, Indicator | undefined][] {
  const key = (i: Indicator) => compareKey(indicatorName(i.label.text));
  const used = new Set<Indicator>();
  const pairs = new Map<Indicator, Indicator>();
  for (const t of now) {
    const l = last.find((x) => !used.has(x) && key(x) === key(t)) ?? (t.index !== undefined ? last.find((x) => !used.has(x) && x.index === t.index) : undefined);
    if (l) {
      used.add(l);
      pairs.set(t, l);
    }
  }
  const restLast = last.filter((l) => !used.has(l));
  const restNow = now.filter((t) => !pairs.has(t));
  if (restLast.length === restNow.length) restNow.forEach((t, i) => (pairs.set(t, restLast[i]), used.add(restLast[i])));
  return [...now.map((t): [Indicator | undefined, Indicator | undefined] => [pairs.get(t), t]), ...last.filter((l) => !used.has(l)).map((l): [Indicator | undefined, Indicator | undefined] => [l, undefined])];
}

function mainParts(parts: readonly ValuePart[]): ValuePart[] {
  const top = parts.filter((p) => !p.inParentheses);
  return top.length ? top : [...parts];
}

/** Which way one figure moved in the direction: +1 better, −1 worse, 0 the same; undefined when units differ. */
function movement(last: ValuePart, now: ValuePart, direction: Direction | undefined, band?: { lo: number; hi: number }): number | undefined {
  if (last.unit && now.unit && last.unit !== now.unit) return undefined;
  if (last.value === now.value) return 0;
  if (direction === "band" && band) {
    const off = (v: number) => (v < band.lo ? band.lo - v : v >= band.hi ? v - band.hi : 0);
    return Math.sign(off(last.value) - off(now.value));
  }
  if (direction === undefined) return NaN;
  return direction === "lower" ? Math.sign(last.value - now.value) : Math.sign(now.value - last.value);
}

function compareIndicators(profile: Profile, l: SurveyRecord, t: SurveyRecord, lastYear: number | undefined, thisYear: number | undefined): IndicatorComparison[] {
  if (!profile.compare?.indicators) return [];
  return pairIndicators(l.indicators, t.indicators).map(([li, ti]) => {
    const name = indicatorName((ti ?? li)!.label.text);
    const lv = li ? judgedValues(li) : undefined;
    const tv = ti ? judgedValues(ti) : undefined;
    const la = li ? evaluateIndicator(li, lastYear, directionSetting(profile, li, l)) : undefined;
    const ta = ti ? evaluateIndicator(ti, thisYear, directionSetting(profile, ti, t)) : undefined;
    const setting = ti ? directionSetting(profile, ti, t) : li ? directionSetting(profile, li, l) : undefined;
    const direction: Direction | undefined = ta?.direction ?? la?.direction ?? (setting === "higher" || setting === "lower" ? setting : undefined);
    let trend: IndicatorTrend = "undeterminable";
    const lp = lv?.actual?.parsed;
    const tp = tv?.actual?.parsed;
    if (lp && tp && hasMeasurement(lp) && hasMeasurement(tp) && !lp.yearTable && !tp.yearTable) {
      const pairs = pairParts(mainParts(lp.parts), mainParts(tp.parts)) ?? [];
      const band = ta?.pairs[0]?.target.band ?? la?.pairs[0]?.target.band;
      const moves = pairs.map(([a, b]) => movement(a, b, direction, band)).filter((m): m is number => m !== undefined);
      if (moves.length > 0) {
        if (moves.some((m) => Number.isNaN(m))) trend = "changed";
        else if (moves.some((m) => m < 0)) trend = "worse";
        else if (moves.some((m) => m > 0)) trend = "better";
        else trend = "same";
      }
    }
    // The column a value came from, where the indicator has a series of them (三鷹: 平成30年度 (中期), 令和2(2020) 年度).
    const value = (ind: Indicator | undefined, v: ReturnType<typeof judgedValues> | undefined) => {
      if (!v?.actual) return undefined;
      const cell = v.actual.cell;
      const header = v.actualFrom?.header ?? ind?.series?.find((s) => s.value.cell.row === cell.row && s.value.cell.col === cell.col)?.header;
      return { text: v.actual.text, cell: a1(cell), ...(header ? { from: header } : {}) };
    };
    const lastValue = value(li, lv);
    const thisValue = value(ti, tv);
    const thisCell = tv?.actual?.cell ?? ti?.actualCell;
    const metLast = la?.status === "met";
    return {
      name,
      ...(lastValue ? { last: lastValue } : {}),
      ...(thisValue ? { this: thisValue } : {}),
      ...(direction ? { direction } : {}),
      trend,
      metLast,
      metNow: ta?.status === "met",
      regressed: metLast && ta?.status === "unmet",
      ...(thisCell ? { thisCell: a1(thisCell) } : {}),
    };
  });
}

type TextFieldId = keyof SurveyRecord["texts"];

function compareTexts(profile: Profile, l: SurveyRecord, t: SurveyRecord): TextComparison[] {
  const spec = profile.compare?.texts;
  if (!spec) return [];
  const threshold = spec.threshold ?? DEFAULT_TEXT_THRESHOLD;
  const minLength = spec.minLength ?? DEFAULT_TEXT_MIN_LENGTH;
  const out: TextComparison[] = [];
  for (const field of spec.fields) {
    const lt = l.texts[field as TextFieldId];
    const tt = t.texts[field as TextFieldId];
    if (!lt || !compareKey(lt.text)) continue;
    const thisCell = tt?.cell ?? t.emptyCells[field];
    const cells = { label: fieldLabel(profile, t, field), lastCell: a1(lt.cell), ...(thisCell ? { thisCell: a1(thisCell) } : {}) };
    if (!tt || !compareKey(tt.text)) {
      out.push({ field, verdict: "empty", similarity: 0, short: false, ...cells });
      continue;
    }
    const s = similarity(lt.text, tt.text);
    const verdict = compareKey(lt.text) === compareKey(tt.text) ? "identical" : s >= threshold ? "similar" : "new";
    out.push({ field, verdict, similarity: Math.round(s * 100) / 100, short: compareKey(tt.text).length < minLength, ...cells });
  }
  return out;
}

function compareCarry(profile: Profile, l: SurveyRecord, t: SurveyRecord): CarryComparison[] {
  const carry = profile.rollover?.layouts[l.layoutId]?.carry ?? [];
  const out: CarryComparison[] = [];
  for (const { from, to } of carry) {
    const lt = l.texts[from as TextFieldId];
    if (!lt || !compareKey(lt.text)) continue;
    const tt = t.texts[to as TextFieldId];
    const s = tt ? similarity(lt.text, tt.text) : 0;
    const held = !!tt && compareKey(tt.text).includes(compareKey(lt.text));
    const thisCell = tt?.cell ?? t.emptyCells[to];
    out.push({ from, to, fromLabel: fieldLabel(profile, l, from), toLabel: fieldLabel(profile, t, to), reflected: held || s >= CARRY_THRESHOLD, similarity: Math.round(s * 100) / 100, lastCell: a1(lt.cell), ...(thisCell ? { thisCell: a1(thisCell) } : {}) });
  }
  return out;
}

const NOTHING = { ratings: [], indicators: [], texts: [], carry: [] } as const;

function pairRow(profile: Profile, p: { last: Item; this: Item }, change: ItemChange, years: { last?: number; this?: number }, extra: Partial<ItemRow> = {}): ItemRow {
  const l = p.last.rec;
  const t = p.this.rec;
  return {
    profileId: profile.id,
    change,
    // A split or merged item's new No. is part of the split or the merge, not a renumbering.
    renumbered: change !== "split" && change !== "merged" && !!p.last.idKey && !!p.this.idKey && p.last.idKey !== p.this.idKey,
    last: refOf(p.last),
    this: refOf(p.this),
    ...extra,
    ratings: compareRatings(profile, l, t),
    indicators: compareIndicators(profile, l, t, years.last, years.this),
    texts: compareTexts(profile, l, t),
    carry: compareCarry(profile, l, t),
  };
}

function lifecycle(lastEnded: boolean, thisEnded: boolean): ItemChange {
  if (thisEnded) return "ended";
  return lastEnded ? "restarted" : "continued";
}

function compareProfile(
  profile: Profile,
  last: { readonly records: readonly SurveyRecord[]; readonly groups: ReadonlyMap<string, string> },
  now: { readonly records: readonly SurveyRecord[]; readonly groups: ReadonlyMap<string, string> },
  years: { last?: number; this?: number },
  corrections: MatchCorrections | undefined,
): ItemRow[] {
  const lastItems = itemsOf(last.records, profile, last.groups);
  const thisItems = itemsOf(now.records, profile, now.groups);
  const user = userMatches(lastItems, thisItems, corrections);
  const matched = matchItems(
    lastItems.filter((l) => !user.used.has(l)),
    thisItems.filter((t) => !user.used.has(t)),
    profile.compare?.titleThreshold ?? DEFAULT_TITLE_THRESHOLD,
  );
  const { partings } = matched;
  const byOrder = <T extends { readonly order: number }>(a: T, b: T) => a.order - b.order;
  const pairs = [...user.pairs, ...matched.pairs].sort((x, y) => byOrder(x.this, y.this));
  const thisLeft = [...matched.thisLeft, ...user.thisAlone].sort(byOrder);
  const lastLeft = [...matched.lastLeft, ...user.lastAlone].sort(byOrder);
  const said = (i: Item) => (user.used.has(i) ? { matchedBy: "user" as const } : {});
  const rows: ItemRow[] = pairs.map((p) => pairRow(profile, p, lifecycle(p.last.ended, p.this.ended), years, { matchedBy: p.by }));
  for (const p of partings) {
    for (const l of p.last) {
      for (const t of p.this) {
        const partners = p.kind === "split" ? p.this.filter((x) => x !== t) : p.last.filter((x) => x !== l);
        rows.push(pairRow(profile, { last: l, this: t }, p.kind, years, { partners: partners.map(refOf) }));
      }
    }
  }
  for (const t of thisLeft) rows.push({ profileId: profile.id, change: "added", ...said(t), renumbered: false, this: refOf(t), ...NOTHING });
  for (const l of lastLeft) rows.push({ profileId: profile.id, change: l.ended ? "ended" : "removed", ...said(l), renumbered: false, last: refOf(l), ...NOTHING });
  return rows;
}

function totalsOf(rows: readonly ItemRow[]): CompareTotals {
  const items: Record<ItemChange, number> = { continued: 0, added: 0, removed: 0, ended: 0, restarted: 0, split: 0, merged: 0 };
  const ratings = new Map<string, { field: string; up: number; same: number; down: number }>();
  const indicators = { better: 0, same: 0, worse: 0, regressed: 0 };
  const texts = { identical: 0, similar: 0, new: 0 };
  for (const r of rows) {
    items[r.change]++;
    for (const x of r.ratings) {
      const t = ratings.get(x.field) ?? ratings.set(x.field, { field: x.field, up: 0, same: 0, down: 0 }).get(x.field)!;
      if (x.change === "up" || x.change === "same" || x.change === "down") t[x.change]++;
    }
    for (const x of r.indicators) {
      if (x.trend === "better" || x.trend === "same" || x.trend === "worse") indicators[x.trend]++;
      if (x.regressed) indicators.regressed++;
    }
    for (const x of r.texts) if (x.verdict !== "empty") texts[x.verdict]++;
  }
  return { items, renumbered: rows.filter((r) => r.renumbered).length, ratings: [...ratings.values()], indicators, texts };
}

function periodOf(side: YearInput, profileId: string): YearSpan | undefined {
  return side.planPeriods?.find((p) => p.profileId === profileId) ?? periodFromHeaders(side.records).get(profileId);
}

/**
 * Compares last year's workbook with this year's. Refused, with the reason, when either has no items, when they share
 * no profile, when last year's is not the earlier year, when their plan periods do not overlap (another plan), or when
 * not one item pairs up. The user's corrections (`opts.matches`) are applied first; the matching pairs the rest.
 */
export function compareYears(last: YearInput, current: YearInput, profiles: readonly Profile[], opts: CompareOptions = {}): CompareResult {
  const lastRecs = last.records.filter((r) => r.role === "records");
  const thisRecs = current.records.filter((r) => r.role === "records");
  if (lastRecs.length === 0) return { ok: false, refusal: { kind: "no-records", side: "last" } };
  if (thisRecs.length === 0) return { ok: false, refusal: { kind: "no-records", side: "this" } };
  const ids = (rs: readonly SurveyRecord[]) => [...new Set(rs.map((r) => r.profileId))];
  const lastIds = ids(lastRecs);
  const thisIds = ids(thisRecs);
  const shared = thisIds.filter((p) => lastIds.includes(p));
  if (shared.length === 0) return { ok: false, refusal: { kind: "different-profiles", last: lastIds, this: thisIds } };
  if (last.fiscalYear !== undefined && current.fiscalYear !== undefined && last.fiscalYear >= current.fiscalYear) {
    return { ok: false, refusal: { kind: "not-later", lastYear: last.fiscalYear, thisYear: current.fiscalYear } };
  }
  for (const pid of shared) {
    const lp = periodOf(last, pid);
    const tp = periodOf(current, pid);
    if (lp && tp && (lp.to < tp.from || tp.to < lp.from)) return { ok: false, refusal: { kind: "different-plans", profileId: pid, last: { from: lp.from, to: lp.to }, this: { from: tp.from, to: tp.to } } };
  }
  const byId = new Map(profiles.map((p) => [p.id, p] as const));
  const years = { last: last.fiscalYear, this: current.fiscalYear };
  const items: ItemRow[] = [];
  for (const pid of shared) {
    const profile = byId.get(pid) ?? { id: pid, name: { ja: pid, en: pid }, layouts: [], codeSets: {}, rules: {} };
    items.push(
      ...compareProfile(
        profile,
        { records: lastRecs.filter((r) => r.profileId === pid), groups: groupsOnLists(last.records, pid) },
        { records: thisRecs.filter((r) => r.profileId === pid), groups: groupsOnLists(current.records, pid) },
        years,
        opts.matches,
      ),
    );
  }
  const paired = items.filter((r) => r.last && r.this).length;
  if (paired === 0) return { ok: false, refusal: { kind: "no-common-items", last: lastRecs.length, this: thisRecs.length } };
  return {
    ok: true,
    comparison: {
      ...(last.fiscalYear !== undefined ? { lastYear: last.fiscalYear } : {}),
      ...(current.fiscalYear !== undefined ? { thisYear: current.fiscalYear } : {}),
      profiles: shared,
      onlyLast: lastIds.filter((p) => !shared.includes(p)),
      onlyThis: thisIds.filter((p) => !shared.includes(p)),
      items,
      totals: totalsOf(items),
    },
  };
}
