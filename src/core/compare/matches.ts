/**
 * The user's corrections of how items pair across the years (docs/compare.md, "Correcting the match"): "this year's
 * X is last year's Y", "X has no pair" or "Y has no pair". A workbook setting next to `previousYear`, applied by
 * compareYears before its own matching, so the rules, the 前年度比較 sheet and the pane all see the corrected pairs.
 * A value that cannot be read counts as no corrections, an entry that cannot be read is left out.
 */
import { sameSheetName } from "../owned";
import { storedObject } from "../stored-json";
import { compareKey } from "./similarity";
import type { ItemRef } from "./types";

/** The settings key. */
export const COMPARE_MATCHES_KEY = "compareMatches";

/**
 * An item as a correction names it: its sheet and its No.; its title only when it has no No. (a No. stays when a title
 * is reworded, and a sheet of 小平 keeps its name when the item is renumbered). Last year's sheet is the name it had in
 * last year's workbook.
 */
export interface ItemKey {
  readonly sheet: string;
  readonly id?: string;
  readonly name?: string;
}

/** Both sides: a pair. One side only: that item has no pair (new this year, or gone). */
export interface MatchCorrection {
  readonly this?: ItemKey;
  readonly last?: ItemKey;
}

export interface MatchCorrections {
  readonly v: 1;
  readonly pairs: readonly MatchCorrection[];
  /** When last changed (ISO 8601). */
  readonly at?: string;
}

const MAX_ENTRIES = 2000;
const isText = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0 && v.length <= 255;

function keyOf(raw: unknown): ItemKey | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (!isText(o.sheet)) return undefined;
  if (isText(o.id)) return { sheet: o.sheet, id: o.id };
  return isText(o.name) ? { sheet: o.sheet, name: o.name } : undefined;
}

/** The key of an item of the comparison. */
export function itemKeyOf(ref: ItemRef): ItemKey {
  return ref.id ? { sheet: ref.sheet, id: ref.id } : { sheet: ref.sheet, name: ref.name };
}

/** The key names this item: the same sheet, and the same No. (or, without one, the same title) after normalisation. */
export function keyNames(key: ItemKey, item: { readonly sheet: string; readonly id?: string; readonly name: string }): boolean {
  if (!sameSheetName(key.sheet, item.sheet)) return false;
  if (key.id !== undefined) return item.id !== undefined && compareKey(key.id) === compareKey(item.id);
  return item.id === undefined && compareKey(key.name ?? "") === compareKey(item.name);
}

export function sameItemKey(a: ItemKey, b: ItemKey): boolean {
  return keyNames(a, { sheet: b.sheet, ...(b.id !== undefined ? { id: b.id } : {}), name: b.name ?? "" });
}

/** The stored value, or undefined for none, another version or anything malformed; entries naming an item twice keep the first. */
export function parseMatchCorrections(text: string | undefined): MatchCorrections | undefined {
  const o = storedObject(text);
  if (!o || o.v !== 1 || !Array.isArray(o.pairs)) return undefined;
  const pairs: MatchCorrection[] = [];
  for (const entry of (o.pairs as unknown[]).slice(0, MAX_ENTRIES)) {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) continue;
    const e = entry as Record<string, unknown>;
    const t = e.this === undefined || e.this === null ? undefined : keyOf(e.this);
    const l = e.last === undefined || e.last === null ? undefined : keyOf(e.last);
    // A side given but unreadable makes the entry unreadable: "no pair" is never guessed from a broken key.
    if ((e.this != null && !t) || (e.last != null && !l) || (!t && !l)) continue;
    if (pairs.some((p) => (t && p.this && sameItemKey(p.this, t)) || (l && p.last && sameItemKey(p.last, l)))) continue;
    pairs.push({ ...(t ? { this: t } : {}), ...(l ? { last: l } : {}) });
  }
  return { v: 1, pairs, ...(isText(o.at) ? { at: o.at } : {}) };
}

export function serializeMatchCorrections(m: MatchCorrections): string {
  return JSON.stringify(m);
}

/** The corrections with `c` added, replacing any that named either of its items. */
export function withCorrection(current: MatchCorrections | undefined, c: MatchCorrection, at?: Date): MatchCorrections {
  const kept = (current?.pairs ?? []).filter((p) => !((c.this && p.this && sameItemKey(p.this, c.this)) || (c.last && p.last && sameItemKey(p.last, c.last))));
  return { v: 1, pairs: [...kept, c], ...(at ? { at: at.toISOString() } : {}) };
}
