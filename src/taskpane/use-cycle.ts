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
import { canMakeNewWorkbook, rollOver } from "./run-cycle";
import type { Notice } from "./use-checker";

export interface Cycle {
  /** The host can make a new workbook (Excel with ExcelApi 1.8, the demo). */
  readonly canRoll: boolean;
  readonly dropEnded: boolean;
  readonly setDropEnded: (on: boolean) => void;
  readonly running?: "rollover";
  readonly notice?: Notice;
  /** What the last 年度更新 did, line by line. */
  readonly lines?: readonly ((lang: Lang) => string)[];
  readonly roll: () => Promise<void>;
}

export function useCycle(port: WorkbookPort, profiles: readonly Profile[], settings: WorkbookSettings, lang: Lang, baseName?: string): Cycle {
  const [dropEnded, setDropEnded] = useState(false);
  const [running, setRunning] = useState<"rollover">();
  const [notice, setNotice] = useState<Notice>();
  const [lines, setLines] = useState<readonly ((lang: Lang) => string)[]>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const roll = useCallback(async () => {
    setRunning("rollover");
    setNotice(undefined);
    setLines(undefined);
    try {
      const out = await rollOver(port, { profiles, settings, dropEnded, baseName, lang });
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
  }, [port, profiles, settings, dropEnded, baseName, lang]);

  return { canRoll: canMakeNewWorkbook(port), dropEnded, setDropEnded, running, notice, lines, roll };
}
