/**
 * The 年度 tab's 回収 section (docs/distribution.md): the returned files picked, their preview (the CLI's words, made
 * by the port) before anything is written, then taking them in through port.collectInto (the demo's workbook, or
 * Excel from ExcelApi 1.13). A file held back for a changed form can be accepted from the preview: it is planned
 * again with only its input cells taken in, and the preview shows that before anything is written. A host without collectInto says where 回収 can be done instead; when Excel stops part
 * way, the pane says which files are in and which are not.
 */
import { useCallback, useState } from "react";
import { type Lang, t } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import type { CollectOutcome, ReturnedFile } from "../workbook/collect-port";
import { INSERT_WORKSHEETS } from "../workbook/office/requirements";
import { isWorkbookError, WorkbookError, type WorkbookPort } from "../workbook/port";
import { errorMessage } from "./format";
import type { Notice } from "./use-checker";
import { useMounted } from "./use-mounted";

export interface Collect {
  /** The host can take returned files into the open workbook (the demo, Excel). */
  readonly canCollect: boolean;
  readonly running?: "preview" | "apply";
  /** The files picked, while their preview is shown. */
  readonly files?: readonly ReturnedFile[];
  /**
   * The preview: per file, its lines; `held` a file held back for a changed form, `accepted` one whose changed form
   * the user accepted (only its input cells are taken in).
   */
  readonly preview?: (lang: Lang) => readonly PreviewFile[];
  /** Some previewed file would be taken in. */
  readonly canConfirm: boolean;
  readonly notice?: Notice;
  readonly lines?: readonly ((lang: Lang) => string)[];
  readonly choose: (files: readonly ReturnedFile[]) => Promise<void>;
  readonly confirm: () => Promise<void>;
  readonly cancel: () => void;
  /** Accepts (or no longer accepts) a held file's changed form, and shows the preview again. */
  readonly toggleAccept: (file: string) => Promise<void>;
}

export interface PreviewFile {
  readonly file: string;
  readonly lines: readonly string[];
  readonly held?: boolean;
  readonly accepted?: boolean;
}

const takenIn = (o: CollectOutcome) => o.plan.files.filter((f) => !f.refusal && !f.held);

function previewOf(o: CollectOutcome): (lang: Lang) => PreviewFile[] {
  // The preview is made from the plan's files, in the same order.
  return (lang) => [
    ...o.preview.map((p, i) => ({ file: p.file, lines: [...p.lines[lang]], ...(o.plan.files[i]?.held ? { held: true } : {}), ...(o.plan.files[i]?.formAccepted ? { accepted: true } : {}) })),
    ...o.unreadable.map((u) => ({ file: u.file, lines: [u.file, t(lang, "cli.collect.read-error", { message: errorMessage(lang, new WorkbookError(u.code, u.detail)) }).trim()] })),
  ];
}

export function useCollect(port: WorkbookPort, profiles: readonly Profile[], lang: Lang): Collect {
  const [running, setRunning] = useState<"preview" | "apply">();
  const [files, setFiles] = useState<readonly ReturnedFile[]>();
  const [accepted, setAccepted] = useState<readonly string[]>([]);
  const [outcome, setOutcome] = useState<CollectOutcome>();
  const [notice, setNotice] = useState<Notice>();
  const [lines, setLines] = useState<readonly ((lang: Lang) => string)[]>();
  const mounted = useMounted();

  const cancel = useCallback(() => {
    setFiles(undefined);
    setOutcome(undefined);
    setAccepted([]);
  }, []);

  const run = useCallback(
    async (kind: "preview" | "apply", picked: readonly ReturnedFile[], accept: readonly string[]) => {
      if (!port.collectInto) return;
      setRunning(kind);
      setNotice(undefined);
      setLines(undefined);
      try {
        const out = await port.collectInto(picked, { profiles, dryRun: kind === "preview", lang, ...(accept.length ? { acceptFormChanges: accept } : {}) });
        if (!mounted.current) return;
        if (kind === "preview") {
          // What 取り込む will send is what this preview showed; a preview that fails leaves both as they were.
          setFiles(picked);
          setOutcome(out);
          setAccepted(accept);
          return;
        }
        setFiles(undefined);
        setOutcome(undefined);
        setAccepted([]);
        const taken = takenIn(out);
        const left = [...out.plan.files.filter((f) => f.refusal || f.held).map((f) => f.file), ...out.unreadable.map((u) => u.file)];
        const leftLine = left.length ? [(l: Lang) => t(l, "pane.collect.notTaken", { files: left.join(", ") })] : [];
        if (!out.written || taken.length === 0) {
          setNotice({ intent: "warning", text: (l) => t(l, "pane.collect.nothing") });
          setLines(leftLine);
          return;
        }
        const w = out.written;
        const stop = w.interrupted;
        if (stop) {
          const done = w.files ?? [];
          const list = (l: Lang, files: readonly string[]) => (files.length ? files.join(", ") : t(l, "pane.collect.none"));
          const notDone = [...taken.map((f) => f.file).filter((f) => !done.includes(f)), ...left];
          setNotice({
            intent: stop.confirmed ? "warning" : "error",
            text: (l) => t(l, stop.confirmed ? "pane.collect.interrupted" : "pane.collect.unconfirmed", { file: stop.file, taken: list(l, done), left: list(l, notDone) }),
          });
          // Why, where Excel said: Excel on the web refuses some sheets; cell-edit mode, a co-author's change …
          if (stop.code === "UnsupportedFeature") setLines([(l: Lang) => t(l, "pane.collect.webInsert")]);
          // The file itself is the request: no cell to look for, only another Excel to use.
          else if (stop.code === "RequestPayloadSizeLimitExceeded") setLines([(l: Lang) => t(l, "pane.collect.webTooLarge")]);
          else if (stop.reason) setLines([(l: Lang) => errorMessage(l, new WorkbookError(stop.reason!))]);
          return;
        }
        setNotice({ intent: "success", text: (l) => t(l, "pane.collect.done", { count: taken.length, sheets: w.sheetsReplaced, cells: w.cellsChanged, files: taken.map((f) => f.file).join(", ") }) });
        const formulaCells = w.formulaCells ?? [];
        const formulaLine = formulaCells.length ? [(l: Lang) => t(l, "pane.collect.formulaCells", { cells: formulaCells.join(" ") })] : [];
        setLines([(l: Lang) => t(l, "pane.collect.next"), ...formulaLine, ...leftLine]);
      } catch (e) {
        const older = isWorkbookError(e) && e.detail === INSERT_WORKSHEETS.detail;
        if (mounted.current) setNotice({ intent: "error", text: (l) => (older ? t(l, "pane.collect.needsExcel2021") : errorMessage(l, e)) });
      } finally {
        if (mounted.current) setRunning(undefined);
      }
    },
    [port, profiles, lang],
  );

  const choose = useCallback((picked: readonly ReturnedFile[]) => run("preview", picked, []), [run]);
  const confirm = useCallback(async () => {
    if (files) await run("apply", files, accepted);
  }, [run, files, accepted]);
  const toggleAccept = useCallback(
    async (file: string) => {
      if (!files) return;
      await run("preview", files, accepted.includes(file) ? accepted.filter((f) => f !== file) : [...accepted, file]);
    },
    [run, files, accepted],
  );

  return {
    canCollect: typeof port.collectInto === "function",
    running,
    files,
    preview: outcome ? previewOf(outcome) : undefined,
    canConfirm: !!outcome && takenIn(outcome).length > 0,
    notice,
    lines,
    choose,
    confirm,
    cancel,
    toggleAccept,
  };
}
