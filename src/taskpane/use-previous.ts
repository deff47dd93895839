/**
 * The 年度 tab's 前年度と比べる section: which of last year's workbook this one keeps (the `previousYear` setting),
 * picking last year's file (read in the pane, its survey sheets copied in hidden as 前年度_…), pointing to 前年度_
 * sheets already in the workbook, and clearing it. The check itself reads and compares them (run-validation.ts).
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { describeCompareRefusal } from "../core/compare/describe";
import { compareYears } from "../core/compare/compare";
import { parsePreviousYear, PREVIOUS_YEAR_KEY, type PreviousYearSetting, previousSheetsNamed, serializePreviousYear } from "../core/compare/settings";
import { t } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import { INSERT_WORKSHEETS } from "../workbook/office/requirements";
import { isWorkbookError, type WorkbookPort } from "../workbook/port";
import { canKeepPreviousYear, type PreviousYearFile } from "../workbook/previous-year";
import { errorMessage } from "./format";
import type { PaneReport } from "./run-validation";
import type { Notice } from "./use-checker";
import { useMounted } from "./use-mounted";

/** Reading and checking last year's file: fetched on first use, with the 年度 tab's other work. */
const previousWork = () => import(/* webpackChunkName: "cycle" */ "./run-previous");

export type PreviousRunning = "read" | "keep" | "point" | "clear";

export interface PreviousYear {
  /** The host can copy a picked file in (Excel, the demo). */
  readonly canKeep: boolean;
  readonly setting?: PreviousYearSetting;
  /** `前年度_` sheets the last check found, to point to when nothing is set. */
  readonly candidates: readonly string[];
  readonly running?: PreviousRunning;
  readonly notice?: Notice;
  readonly choose: (file: PreviousYearFile) => Promise<void>;
  readonly pointToSheets: () => Promise<void>;
  readonly clear: () => Promise<void>;
}

export function usePreviousYear(port: WorkbookPort, profiles: readonly Profile[], report: PaneReport | undefined): PreviousYear {
  const [setting, setSetting] = useState<PreviousYearSetting>();
  const [running, setRunning] = useState<PreviousRunning>();
  const [notice, setNotice] = useState<Notice>();
  const mounted = useMounted();

  // The stored choice, read again after each check (the settings sheet is cached by the adapters: no extra sync); a
  // check also answers the last notice's "press 検証".
  useEffect(() => {
    let live = true;
    setNotice(undefined);
    port.readSettings().then(
      (s) => live && setSetting(parsePreviousYear(s[PREVIOUS_YEAR_KEY])),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [port, report]);

  const candidates = useMemo(() => (setting ? [] : previousSheetsNamed((report?.sheets ?? []).map((s) => s.name))?.sheets.map((s) => s.copy) ?? []), [report, setting]);

  const act = useCallback(
    async (kind: PreviousRunning, work: () => Promise<Notice | undefined>) => {
      setRunning(kind);
      setNotice(undefined);
      try {
        const done = await work();
        if (mounted.current) setNotice(done);
      } catch (e) {
        const older = isWorkbookError(e) && e.detail === INSERT_WORKSHEETS.detail;
        if (mounted.current) setNotice({ intent: "error", text: (l) => (older ? t(l, "pane.previous.needsExcel2021") : errorMessage(l, e)) });
      } finally {
        if (mounted.current) setRunning(undefined);
      }
    },
    [mounted],
  );

  const choose = useCallback(
    (file: PreviousYearFile) =>
      act("read", async () => {
        if (!canKeepPreviousYear(port)) return { intent: "warning", text: (l) => t(l, "pane.previous.unavailable") };
        const read = await (await previousWork()).readPreviousFile(file, profiles, { date1904: await port.datesFrom1904() });
        if (!read.ok) return { intent: "warning", text: (l) => t(l, "pane.previous.noSurvey", { file: file.name }) };
        // Against this year's last check, when there is one: a pair the comparison refuses is not copied in.
        if (report?.records.length) {
          const r = compareYears(read.report, report, profiles);
          if (!r.ok) {
            const reason = describeCompareRefusal(r.refusal);
            return { intent: "warning", text: (l) => t(l, "pane.previous.refused", { reason: reason[l] }) };
          }
        }
        if (mounted.current) setRunning("keep");
        const kept = await port.keepPreviousYear(read.copy, { sheets: read.sheets, fiscalYear: read.fiscalYear });
        if (mounted.current) setSetting(kept);
        return { intent: "success", text: (l) => t(l, "pane.previous.kept", { file: file.name, sheets: kept.sheets.length }) };
      }),
    [act, port, profiles, report, mounted],
  );

  const pointToSheets = useCallback(
    () =>
      act("point", async () => {
        const named = previousSheetsNamed(candidates, new Date());
        if (!named) return undefined;
        await port.writeSettings({ [PREVIOUS_YEAR_KEY]: serializePreviousYear(named) });
        if (mounted.current) setSetting(named);
        return { intent: "success", text: (l) => t(l, "pane.previous.pointed", { sheets: named.sheets.length }) };
      }),
    [act, port, candidates, mounted],
  );

  const clear = useCallback(
    () =>
      act("clear", async () => {
        if (canKeepPreviousYear(port)) await port.clearPreviousYear();
        else await port.writeSettings({ [PREVIOUS_YEAR_KEY]: "" });
        if (mounted.current) setSetting(undefined);
        return { intent: "success", text: (l) => t(l, "pane.previous.cleared") };
      }),
    [act, port, mounted],
  );

  return { canKeep: canKeepPreviousYear(port), setting, candidates, running, notice, choose, pointToSheets, clear };
}
