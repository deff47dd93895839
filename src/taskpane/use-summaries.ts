/**
 * The 集計 view's state and actions: which summary sheets to make, the 再掲 option, the warning when the last check
 * found errors, progress with a count and a cancel before the write, and the sheets written. The building is the
 * core's (core/summary), the writing the port's (writeOwnedSheets); this is only the glue.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import { isWorkbookError, type WorkbookPort, type WriteSheetResult } from "../workbook/port";
import { errorMessage } from "./format";
import { goToCell } from "./go-to-cell";
import type { Notice } from "./use-checker";
import type { PaneReport } from "./run-validation";
import { createSummaries, interruptedText, isInterrupted, readSubmissions, summariesFor, type SummaryProgress, type SummarySheet } from "./run-summaries";
import type { SubmissionsState } from "../core/cycle/types";
import { t } from "../core/i18n";
import { useMounted } from "./use-mounted";

/** idle: choosing; confirm: the error warning is up; running: building, then writing; the results stay after. */
export type SummaryStage = "idle" | "confirm" | "running";

export interface Summaries {
  /** What the last check can give (empty before a check). */
  readonly available: readonly SummarySheet[];
  readonly chosen: ReadonlySet<SummarySheet>;
  readonly includeReposts: boolean;
  readonly errorCount: number;
  readonly stage: SummaryStage;
  readonly progress?: SummaryProgress;
  /** The sheets written by the last 集計シート作成, in order. */
  readonly results?: readonly WriteSheetResult[];
  readonly notice?: Notice;
  readonly setChosen: (sheet: SummarySheet, on: boolean) => void;
  readonly setIncludeReposts: (on: boolean) => void;
  /** 集計シート作成: asks first when the last check found errors. */
  readonly request: () => void;
  /** Goes on after the warning. */
  readonly confirm: () => void;
  /** Leaves the warning without creating anything. */
  readonly dismiss: () => void;
  /** Stops before the write starts (the write itself is one batch). */
  readonly cancel: () => void;
  readonly openSheet: (name: string) => Promise<void>;
}

export function useSummaries(port: WorkbookPort, report: PaneReport | undefined, profiles: readonly Profile[], lang: Lang): Summaries {
  // 提出状況 depends on the settings 回収 writes: read them again with each check.
  const [submissions, setSubmissions] = useState<SubmissionsState>();
  useEffect(() => {
    let live = true;
    void readSubmissions(port).then((s) => live && setSubmissions(s));
    return () => {
      live = false;
    };
  }, [port, report]);
  const comparison = report?.previousYear?.comparison;
  const available = useMemo(() => (report ? summariesFor(report, profiles, submissions, comparison) : []), [report, profiles, submissions, comparison]);
  const [unchosen, setUnchosen] = useState<ReadonlySet<SummarySheet>>(new Set());
  const [includeReposts, setIncludeReposts] = useState(false);
  const [stage, setStage] = useState<SummaryStage>("idle");
  const [progress, setProgress] = useState<SummaryProgress>();
  const [results, setResults] = useState<readonly WriteSheetResult[]>();
  const [notice, setNotice] = useState<Notice>();
  const cancelled = useRef(false);
  const mounted = useMounted();

  const chosen = useMemo(() => new Set(available.filter((s) => !unchosen.has(s))), [available, unchosen]);
  const errorCount = useMemo(() => report?.findings.filter((f) => f.severity === "error").length ?? 0, [report]);

  const setChosen = useCallback((sheet: SummarySheet, on: boolean) => {
    setUnchosen((prev) => {
      const next = new Set(prev);
      if (on) next.delete(sheet);
      else next.add(sheet);
      return next;
    });
  }, []);

  const run = useCallback(async () => {
    if (!report || chosen.size === 0) return;
    cancelled.current = false;
    setStage("running");
    setNotice(undefined);
    setResults(undefined);
    setProgress(undefined);
    try {
      const written = await createSummaries(
        port,
        { report, profiles, lang, includeReposts, comparison },
        [...chosen],
        { onProgress: (p) => mounted.current && setProgress(p), isCancelled: () => cancelled.current },
      );
      if (!mounted.current) return;
      setResults(written);
      setNotice({ intent: "success", text: (l) => t(l, "pane.summaries.done", { count: written.length }) });
    } catch (e) {
      if (!mounted.current) return;
      if (isWorkbookError(e) && e.code === "cancelled") setNotice({ intent: "info", text: (l) => t(l, "pane.summaries.cancelled") });
      else if (isInterrupted(e)) setNotice({ intent: "error", text: (l) => interruptedText(l, e) });
      else setNotice({ intent: "error", text: (l) => errorMessage(l, e) });
    } finally {
      if (mounted.current) {
        setStage("idle");
        setProgress(undefined);
      }
    }
  }, [port, report, profiles, lang, includeReposts, chosen, comparison]);

  const request = useCallback(() => {
    if (stage !== "idle" || chosen.size === 0) return;
    if (errorCount > 0) {
      setNotice(undefined);
      setStage("confirm");
    } else void run();
  }, [stage, chosen, errorCount, run]);

  const confirm = useCallback(() => {
    if (stage === "confirm") void run();
  }, [stage, run]);

  const dismiss = useCallback(() => {
    setStage((s) => (s === "confirm" ? "idle" : s));
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const openSheet = useCallback(
    async (name: string) => {
      // A sheet the user hid after it was written: offered to show, as a finding's sheet is.
      await goToCell({ port, setNotice, mounted: () => mounted.current }, name, "A1");
    },
    [port],
  );

  return {
    available,
    chosen,
    includeReposts,
    errorCount,
    stage,
    progress,
    results,
    notice,
    setChosen,
    setIncludeReposts,
    request,
    confirm,
    dismiss,
    cancel,
    openSheet,
  };
}
