/**
 * How this year's items pair with last year's, as the 年度 tab lists them, and the user's corrections (the
 * `compareMatches` setting, docs/compare.md "Correcting the match"). The list is the last check's comparison; after a
 * correction the pane compares again from the records that check kept (no read of the workbook), and the next check
 * uses the stored corrections for its findings and 前年度比較.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { compareYears } from "../core/compare/compare";
import {
  COMPARE_MATCHES_KEY,
  itemKeyOf,
  type MatchCorrection,
  type MatchCorrections,
  serializeMatchCorrections,
  withCorrection,
} from "../core/compare/matches";
import { compareKey } from "../core/compare/similarity";
import type { ItemRef, ItemRow, YearComparison } from "../core/compare/types";
import { t } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import { MAX_SETTING_CHARS } from "../workbook/owned";
import type { WorkbookPort } from "../workbook/port";
import { errorMessage } from "./format";
import type { PaneReport } from "./run-validation";
import type { Notice } from "./use-checker";
import { useMounted } from "./use-mounted";

/** A row worth showing: not paired by its No., nor (items without a No.) by the very same title. */
export function isNotableMatch(row: ItemRow): boolean {
  if (row.matchedBy === "id") return false;
  if (row.matchedBy === "title" && !row.renumbered && !row.last?.id && !row.this?.id) return compareKey(row.last!.name) !== compareKey(row.this!.name);
  return true;
}

export interface Matches {
  readonly comparison?: YearComparison;
  /** The rows to show: merged items once, by this year's item. */
  readonly rows: readonly ItemRow[];
  /** Last year's items, as the corrections offer them. */
  readonly lastItems: readonly ItemRef[];
  readonly corrections?: MatchCorrections;
  readonly saving: boolean;
  readonly notice?: Notice;
  /** Pairs this year's item with last year's, or (undefined) says it has none. */
  readonly correct: (thisItem: ItemRef, lastItem: ItemRef | undefined) => Promise<void>;
  readonly reset: () => Promise<void>;
}

const refKey = (r: ItemRef) => `${r.sheet}\u0000${r.cell}`;

export function useMatches(port: WorkbookPort, profiles: readonly Profile[], report: PaneReport | undefined): Matches {
  const prev = report?.previousYear;
  // Set once the user saves a correction in this pane; a new check starts again from what it used.
  const [edited, setEdited] = useState<{ readonly matches?: MatchCorrections }>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const mounted = useMounted();
  useEffect(() => {
    setEdited(undefined);
    setNotice(undefined);
  }, [report]);

  const corrections = edited ? edited.matches : prev?.last?.matches;
  const comparison = useMemo(() => {
    if (!edited) return prev?.comparison;
    if (!prev?.last || !report) return undefined;
    const r = compareYears(prev.last, report, profiles, { matches: edited.matches });
    return r.ok ? r.comparison : undefined;
  }, [edited, prev, report, profiles]);

  const rows = useMemo(() => {
    const seen = new Set<string>();
    return (comparison?.items ?? []).filter((r) => {
      if (!isNotableMatch(r)) return false;
      if (r.change !== "merged" || !r.this) return true;
      const k = refKey(r.this);
      return !seen.has(k) && !!seen.add(k);
    });
  }, [comparison]);

  const lastItems = useMemo(() => {
    const out = new Map<string, ItemRef>();
    for (const r of comparison?.items ?? []) if (r.last && !out.has(refKey(r.last))) out.set(refKey(r.last), r.last);
    const refs = [...out.values()];
    // By No. where every item has one (the rows are in this year's order, which puts a renumbered item out of place).
    return refs.every((r) => r.id) ? refs.sort((a, b) => a.id!.localeCompare(b.id!, "ja", { numeric: true })) : refs;
  }, [comparison]);

  const save = useCallback(
    async (next: MatchCorrections | undefined, done: Notice) => {
      const value = next && next.pairs.length ? serializeMatchCorrections(next) : "";
      // A setting fills at most one row of the settings sheet.
      if (value.length > MAX_SETTING_CHARS) {
        setNotice({ intent: "error", text: (l) => t(l, "pane.matches.tooMany") });
        return;
      }
      setSaving(true);
      setNotice(undefined);
      try {
        await port.writeSettings({ [COMPARE_MATCHES_KEY]: value });
        if (!mounted.current) return;
        setEdited({ ...(next ? { matches: next } : {}) });
        setNotice(done);
      } catch (e) {
        if (mounted.current) setNotice({ intent: "error", text: (l) => errorMessage(l, e) });
      } finally {
        if (mounted.current) setSaving(false);
      }
    },
    [port, mounted],
  );

  const correct = useCallback(
    (thisItem: ItemRef, lastItem: ItemRef | undefined) => {
      const c: MatchCorrection = { this: itemKeyOf(thisItem), ...(lastItem ? { last: itemKeyOf(lastItem) } : {}) };
      return save(withCorrection(corrections, c, new Date()), { intent: "success", text: (l) => t(l, "pane.matches.saved") });
    },
    [save, corrections],
  );

  const reset = useCallback(() => save(undefined, { intent: "success", text: (l) => t(l, "pane.matches.resetDone") }), [save]);

  return { comparison, rows, lastItems, corrections, saving, notice, correct, reset };
}
