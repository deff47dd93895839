/**
 * The 年度 tab's 配布 section: its choice (--shared lead|copy), running or not, the files handed over (k / n, with a
 * stop between files in Excel) and the result list. The work is run-distribute.ts's.
 */
import { useCallback, useRef, useState } from "react";
import type { SharedMode } from "../core/cycle/split";
import type { Lang } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import type { WorkbookSettings } from "../core/settings";
import type { WorkbookPort } from "../workbook/port";
import { errorMessage } from "./format";
import { canDistribute } from "./cycle-capabilities";
import type { DistributedFile, ResultGroup } from "./run-distribute";
import type { Notice } from "./use-checker";
import { useMounted } from "./use-mounted";

export interface Distribution {
  /** The host can take the departments' workbooks (the demo, Excel with ExcelApi 1.8). */
  readonly canDistribute: boolean;
  readonly shared: SharedMode;
  readonly setShared: (mode: SharedMode) => void;
  readonly running: boolean;
  /** Workbooks opened so far in Excel, of all; undefined while they are being made. */
  readonly progress?: { readonly done: number; readonly total: number };
  readonly cancelled: boolean;
  readonly notice?: Notice;
  readonly files?: readonly DistributedFile[];
  readonly groups?: readonly ResultGroup[];
  readonly run: () => Promise<void>;
  /** Stops before the next workbook is opened. */
  readonly cancel: () => void;
}

export function useDistribute(port: WorkbookPort, profiles: readonly Profile[], settings: WorkbookSettings, lang: Lang): Distribution {
  const [shared, setShared] = useState<SharedMode>("lead");
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [cancelled, setCancelled] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [result, setResult] = useState<{ files: readonly DistributedFile[]; groups: readonly ResultGroup[] }>();
  const stop = useRef(false);
  const mounted = useMounted();

  const run = useCallback(async () => {
    setRunning(true);
    setProgress(undefined);
    setCancelled(false);
    setNotice(undefined);
    setResult(undefined);
    stop.current = false;
    try {
      const { distribute } = await import(/* webpackChunkName: "cycle" */ "./run-distribute");
      const out = await distribute(
        port,
        { profiles, settings, shared, lang },
        { onProgress: (done, total) => mounted.current && setProgress({ done, total }), isCancelled: () => stop.current || !mounted.current },
      );
      if (!mounted.current) return;
      if (out.ok) {
        setNotice({ intent: "success", text: (l) => out.notice[l] });
        setResult({ files: out.files, groups: out.groups });
      } else setNotice({ intent: "warning", text: (l) => out.reason[l] });
    } catch (e) {
      if (mounted.current) setNotice({ intent: "error", text: (l) => errorMessage(l, e) });
    } finally {
      if (mounted.current) {
        setRunning(false);
        setProgress(undefined);
      }
    }
  }, [port, profiles, settings, shared, lang]);

  const cancel = useCallback(() => {
    stop.current = true;
    setCancelled(true);
  }, []);

  return { canDistribute: canDistribute(port), shared, setShared, running, progress, cancelled, notice, files: result?.files, groups: result?.groups, run, cancel };
}
