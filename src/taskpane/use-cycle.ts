/**
 * The 年度 tab's state and actions: 年度更新 (and, as they are added, 入力支援 and 新しい計画). The work is the core's
 * and the file layer's (run-cycle.ts); this holds what the pane shows: the options, running or not, the result.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import type { WorkbookSettings } from "../core/settings";
import type { WorkbookPort } from "../workbook/port";
import { errorMessage } from "./format";
import { canMakeNewWorkbook, canSetInputAids, rollOver, setInputAids } from "./run-cycle";
import type { Notice } from "./use-checker";

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
  readonly running?: "rollover" | "aids";
  readonly notice?: Notice;
  /** What the last 年度更新 did, line by line. */
  readonly lines?: readonly ((lang: Lang) => string)[];
  readonly roll: () => Promise<void>;
  /** 入力支援 on the open workbook. */
  readonly aid: () => Promise<void>;
}

export function useCycle(port: WorkbookPort, profiles: readonly Profile[], settings: WorkbookSettings, lang: Lang, baseName?: string): Cycle {
  const [dropEnded, setDropEnded] = useState(false);
  const [rollAids, setRollAids] = useState(true);
  const [protect, setProtect] = useState(false);
  const [running, setRunning] = useState<"rollover" | "aids">();
  const [notice, setNotice] = useState<Notice>();
  const [lines, setLines] = useState<readonly ((lang: Lang) => string)[]>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const act = useCallback(async (kind: "rollover" | "aids", work: () => ReturnType<typeof rollOver>) => {
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
    () => act("rollover", () => rollOver(port, { profiles, settings, dropEnded, aids: rollAids, protect, baseName, lang })),
    [act, port, profiles, settings, dropEnded, rollAids, protect, baseName, lang],
  );
  const aid = useCallback(() => act("aids", () => setInputAids(port, { profiles, settings, protect, lang })), [act, port, profiles, settings, protect, lang]);

  return {
    canRoll: canMakeNewWorkbook(port),
    canAid: canSetInputAids(port),
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
  };
}
