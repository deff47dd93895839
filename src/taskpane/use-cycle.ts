/**
 * The 年度 tab's state and actions: 年度更新 (and, as they are added, 入力支援 and 新しい計画). The work is the core's
 * and the file layer's (run-cycle.ts); this holds what the pane shows: the options, running or not, the result.
 */
import { useCallback, useState } from "react";
import type { Lang } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import type { WorkbookSettings } from "../core/settings";
import type { WorkbookPort } from "../workbook/port";
import { errorMessage } from "./format";
import { type Distribution, useDistribute } from "./use-distribute";
import { defaultPlanPeriod, parsePlanPeriod, type YearSpan } from "../core/plan-period";
import { canMakeNewWorkbook, canSetInputAids } from "./cycle-capabilities";
import type { CycleOutcome } from "./run-cycle";
import type { Notice } from "./use-checker";
import { type Collect, useCollect } from "./use-collect";
import { useMounted } from "./use-mounted";

/** The 年度 tab's work, fetched on first use (cycle-capabilities.ts). */
const cycleWork = () => import(/* webpackChunkName: "cycle" */ "./run-cycle");

export interface Cycle {
  /** The host can make a new workbook (Excel with ExcelApi 1.8, the demo). */
  readonly canRoll: boolean;
  readonly dropEnded: boolean;
  readonly setDropEnded: (on: boolean) => void;
  /** Input aids on next year's sheets (on by default). */
  readonly rollAids: boolean;
  readonly setRollAids: (on: boolean) => void;
  /** Protect the sheets that get aids, leaving only input cells editable. */
  readonly protect: boolean;
  readonly setProtect: (on: boolean) => void;
  /** The host can set input aids on the open workbook. */
  readonly canAid: boolean;
  /** 配布: one workbook per department (use-distribute.ts). */
  readonly distribution: Distribution;
  readonly running?: "rollover" | "aids" | "newPlan";
  /** 新しい計画: the list file chosen, and the plan period as typed (read when it parses). */
  readonly listFile?: { readonly bytes: Uint8Array; readonly name: string };
  readonly setListFile: (file: { readonly bytes: Uint8Array; readonly name: string } | undefined) => void;
  readonly periodText: string;
  readonly setPeriodText: (text: string) => void;
  readonly period?: YearSpan;
  readonly notice?: Notice;
  /** What the last 年度更新 did, line by line. */
  readonly lines?: readonly ((lang: Lang) => string)[];
  readonly roll: () => Promise<void>;
  /** 入力支援 on the open workbook. */
  readonly aid: () => Promise<void>;
  /** 新しい計画 from the chosen list. */
  readonly makePlan: () => Promise<void>;
  /** 回収: returned files previewed, then taken in (use-collect.ts). */
  readonly collect: Collect;
}


export function useCycle(port: WorkbookPort, profiles: readonly Profile[], settings: WorkbookSettings, lang: Lang, baseName?: string): Cycle {
  const [dropEnded, setDropEnded] = useState(false);
  const [rollAids, setRollAids] = useState(true);
  const [protect, setProtect] = useState(false);
  const [running, setRunning] = useState<"rollover" | "aids" | "newPlan">();
  const [listFile, setListFile] = useState<{ readonly bytes: Uint8Array; readonly name: string }>();
  const [periodText, setPeriodText] = useState(() => {
    const p = settings.planPeriod ?? thisYearsPlan();
    return `${p.from}-${p.to}`;
  });
  const period = parsePlanPeriod(periodText);
  const [notice, setNotice] = useState<Notice>();
  const [lines, setLines] = useState<readonly ((lang: Lang) => string)[]>();
  const mounted = useMounted();

  const act = useCallback(async (kind: "rollover" | "aids" | "newPlan", work: () => Promise<CycleOutcome>) => {
    setRunning(kind);
    setNotice(undefined);
    setLines(undefined);
    try {
      const out = await work();
      if (!mounted.current) return;
      if (out.ok) {
        setNotice({ intent: "success", text: (l) => out.lines[0][l] });
        setLines(out.lines.slice(1).map((line) => (l: Lang) => line[l]));
      } else setNotice({ intent: "warning", text: (l) => out.reason[l] });
    } catch (e) {
      if (mounted.current) setNotice({ intent: "error", text: (l) => errorMessage(l, e) });
    } finally {
      if (mounted.current) setRunning(undefined);
    }
  }, []);

  const roll = useCallback(
    () => act("rollover", async () => (await cycleWork()).rollOver(port, { profiles, settings, dropEnded, aids: rollAids, protect, baseName, lang })),
    [act, port, profiles, settings, dropEnded, rollAids, protect, baseName, lang],
  );
  const aid = useCallback(() => act("aids", async () => (await cycleWork()).setInputAids(port, { profiles, settings, protect, lang })), [act, port, profiles, settings, protect, lang]);

  const makePlan = useCallback(async () => {
    if (!listFile || !period) return;
    await act("newPlan", async () => (await cycleWork()).newPlan(port, { profiles, file: listFile, planPeriod: period, aids: rollAids, protect, lang }));
  }, [act, port, profiles, listFile, period, rollAids, protect, lang]);

  return {
    canRoll: canMakeNewWorkbook(port),
    canAid: canSetInputAids(port),
    distribution: useDistribute(port, profiles, settings, lang),
    dropEnded,
    setDropEnded,
    rollAids,
    setRollAids,
    protect,
    setProtect,
    running,
    notice,
    lines,
    roll,
    aid,
    listFile,
    setListFile,
    periodText,
    setPeriodText,
    period,
    makePlan,
    collect: useCollect(port, profiles, lang),
  };
}

/** The plan period when none is set: the four fiscal years from this one. */
function thisYearsPlan(): YearSpan {
  const now = new Date();
  return defaultPlanPeriod(now.getFullYear(), now.getMonth() + 1);
}
