/**
 * The pane's state and actions: settings stored in the workbook, validation in batches with progress and
 * cancel, selecting a finding's cell, applying fixes. Logic lives in the core and the port; this is only the glue.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { LoggedEdit } from "../core/changelog";
import type { Lang } from "../core/i18n";
import type { CellEdit, Finding, RuleId } from "../core/model/finding";
import { describeProfileProblems, parseUserProfile, type UserProfileResult, withUserProfiles } from "../core/profile/user-profile";
import type { Profile } from "../core/profile/types";
import { BUILT_IN_PROFILES } from "../core/profiles";
import { DEFAULT_SETTINGS, parseSettings, serializeSettings, type WorkbookSettings } from "../core/settings";
import { t } from "../core/i18n";
import { isWorkbookError, type WorkbookPort } from "../workbook/port";
import { cellList, editPlace, errorMessage } from "./format";
import { goToCell } from "./go-to-cell";
import { type PaneReport, type Progress, validateInBatches } from "./run-validation";

export type NoticeIntent = "success" | "warning" | "error" | "info";

export interface Notice {
  readonly intent: NoticeIntent;
  /** Rendered in the current language, so a notice follows the language toggle. */
  readonly text: (lang: Lang) => string;
  /** A button that offers the way out the notice describes (show a hidden sheet). */
  readonly action?: { readonly label: (lang: Lang) => string; readonly run: () => void };
}

/** Built-in profiles, with the profile stored in the workbook (if any, and valid) replacing one of the same id. */
export function profilesFor(settings: WorkbookSettings): { profiles: readonly Profile[]; storedProfileProblem?: (lang: Lang) => string } {
  if (!settings.profileJson) return { profiles: BUILT_IN_PROFILES };
  const r = parseUserProfile(settings.profileJson);
  if (r.ok) return { profiles: withUserProfiles(BUILT_IN_PROFILES, [r.profile]) };
  return { profiles: BUILT_IN_PROFILES, storedProfileProblem: (lang) => profileProblemText(r, lang) };
}

/** What is wrong with a profile, in one line that names the bad fields. */
export function profileProblemText(r: Exclude<UserProfileResult, { ok: true }>, lang: Lang): string {
  return r.reason === "not-json" ? t(lang, "pane.profile.not-json") : describeProfileProblems(r.problems, lang).join("; ");
}

export interface Checker {
  readonly settings: WorkbookSettings;
  readonly settingsLoaded: boolean;
  readonly profiles: readonly Profile[];
  readonly running: boolean;
  readonly progress?: Progress;
  readonly report?: PaneReport;
  /** Checks finished so far (a re-check after a fix counts too). */
  readonly runs: number;
  /** Settings changed since the last check: the findings may no longer be true. */
  readonly stale: boolean;
  /** The user changed the workbook since the last check (where the host can tell; an undo counts too). */
  readonly changedSinceCheck: boolean;
  readonly notice?: Notice;
  readonly selected?: Finding;
  readonly validate: () => Promise<void>;
  readonly cancel: () => void;
  /** Shows the finding's details and, when the host can, selects its cell in the workbook. */
  readonly select: (f: Finding, selectInWorkbook?: boolean) => Promise<void>;
  readonly applyFix: (edits: readonly CellEdit[], ruleId: RuleId) => Promise<void>;
  readonly saveSettings: (patch: Partial<WorkbookSettings>) => Promise<void>;
  readonly dismissNotice: () => void;
}

export function useChecker(port: WorkbookPort): Checker {
  const [settings, setSettings] = useState<WorkbookSettings>(DEFAULT_SETTINGS);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [report, setReport] = useState<PaneReport>();
  const [runs, setRuns] = useState(0);
  const [stale, setStale] = useState(false);
  const [changed, setChanged] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [selected, setSelected] = useState<Finding>();
  const cancelled = useRef(false);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    port
      .readSettings()
      .then((stored) => {
        if (!mounted.current) return;
        setSettings(parseSettings(stored));
        setSettingsLoaded(true);
      })
      .catch((e: unknown) => {
        if (!mounted.current) return;
        setSettingsLoaded(true);
        setNotice({ intent: "error", text: (lang) => errorMessage(lang, e) });
      });
    return () => {
      mounted.current = false;
    };
  }, [port]);

  const { profiles, storedProfileProblem } = useMemo(() => profilesFor(settings), [settings]);

  // After the first check, listen for the user's changes to the workbook, where the host can.
  const checked = runs > 0;
  useEffect(() => {
    if (!checked || !port.watchChanges) return;
    let stop: (() => void) | undefined;
    let gone = false;
    port
      .watchChanges(() => {
        if (mounted.current) setChanged(true);
      })
      .then((s) => (gone ? s?.() : (stop = s)))
      .catch(() => undefined);
    return () => {
      gone = true;
      stop?.();
    };
  }, [port, checked]);

  useEffect(() => {
    if (storedProfileProblem) {
      setNotice({ intent: "warning", text: (lang) => t(lang, "pane.notice.stored-profile-invalid", { path: storedProfileProblem(lang) }) });
    }
  }, [storedProfileProblem]);

  const run = useCallback(
    async (after?: Notice): Promise<PaneReport | undefined> => {
      cancelled.current = false;
      setRunning(true);
      setProgress({ phase: "read", done: 0, total: 0 });
      // From here on the check reads the workbook as it is; a change made while it runs is still news afterwards.
      setChanged(false);
      if (!after) setNotice(undefined);
      const s = settingsRef.current;
      try {
        const next = await validateInBatches(
          port,
          { profiles, stage: s.stage, fiscalYear: s.fiscalYear, planPeriod: s.planPeriod, overrides: s.overrides },
          { onProgress: (p) => mounted.current && setProgress(p), isCancelled: () => cancelled.current },
        );
        if (!mounted.current) return undefined;
        setReport(next);
        setRuns((n) => n + 1);
        setStale(false);
        if (after) setNotice(after);
        else if (!next.sheets.some((sh) => sh.status === "recognised")) {
          setNotice({ intent: "warning", text: (lang) => t(lang, "error.no-recognised-sheet", { count: next.sheets.length }) });
        }
        return next;
      } catch (e) {
        if (!mounted.current) return undefined;
        if (isWorkbookError(e) && e.code === "cancelled") setNotice({ intent: "info", text: (lang) => t(lang, "error.cancelled") });
        else setNotice({ intent: "error", text: (lang) => errorMessage(lang, e) });
        return undefined;
      } finally {
        if (mounted.current) {
          setRunning(false);
          setProgress(undefined);
        }
      }
    },
    [port, profiles],
  );

  const validate = useCallback(async () => {
    const next = await run();
    if (next) setSelected(undefined);
  }, [run]);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const select = useCallback(
    async (f: Finding, selectInWorkbook = true) => {
      setSelected(f);
      if (!selectInWorkbook) return;
      await goToCell({ port, setNotice, mounted: () => mounted.current }, f.sheet, f.cell);
    },
    [port],
  );

  const applyFix = useCallback(
    async (edits: readonly CellEdit[], ruleId: RuleId) => {
      if (edits.length === 0) return;
      setRunning(true);
      let applied = 0;
      let refused = 0;
      let formulas: string[] = [];
      try {
        const logged: LoggedEdit[] = edits.map((e) => ({ ...e, ruleId }));
        const res = await port.applyEdits(logged);
        applied = res.applied.length;
        refused = res.refused.length;
        formulas = res.formulas.map((e) => editPlace(e));
      } catch (e) {
        if (mounted.current) {
          setRunning(false);
          setNotice({ intent: "error", text: (lang) => errorMessage(lang, e) });
        }
        return;
      }
      const done: Notice = {
        intent: refused || formulas.length ? "warning" : "success",
        text: (lang) =>
          [
            applied ? t(lang, "pane.notice.applied", { count: applied }) : "",
            refused ? t(lang, "pane.notice.refused", { count: refused }) : "",
            formulas.length ? t(lang, "pane.notice.formula", { cells: cellList(lang, formulas) }) : "",
          ]
            .filter(Boolean)
            .join(" "),
      };
      // Re-read and re-check, so the list stays true; keep the place in the list where the fixed finding was.
      const before = selected;
      const next = await run(done);
      if (next && before) {
        const same = next.findings.find((f) => f.sheet === before.sheet && f.cell === before.cell && f.ruleId === before.ruleId);
        setSelected(same);
      }
    },
    [port, run, selected],
  );

  const saveSettings = useCallback(
    async (patch: Partial<WorkbookSettings>) => {
      const next = { ...settingsRef.current, ...patch };
      setSettings(next);
      settingsRef.current = next;
      setStale(true);
      try {
        await port.writeSettings(serializeSettings(next));
        if (mounted.current) setNotice({ intent: "success", text: (lang) => t(lang, "pane.notice.settings-saved") });
      } catch (e) {
        if (mounted.current) setNotice({ intent: "error", text: (lang) => errorMessage(lang, e) });
      }
    },
    [port],
  );

  const dismissNotice = useCallback(() => setNotice(undefined), []);

  return {
    settings,
    settingsLoaded,
    profiles,
    running,
    progress,
    report,
    runs,
    stale: stale && !!report,
    changedSinceCheck: changed && !!report,
    notice,
    selected,
    validate,
    cancel,
    select,
    applyFix,
    saveSettings,
    dismissNotice,
  };
}
