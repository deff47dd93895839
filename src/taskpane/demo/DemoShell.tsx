/**
 * The browser demo, and the offline checker for PCs where the add-in cannot be deployed (LGWAN): the task pane
 * next to a grid of the active sheet. The workbook is held in a Web Worker (book-client.ts), so a big file never
 * freezes the page. The user can open their own .xlsx (it stays in this browser tab: nothing is uploaded), watch
 * its sheets being read, stop that, and download the result. An .ods is opened for checking only.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type Lang, t } from "../../core/i18n";
import { App } from "../App";
import { errorMessage } from "../format";
import type { Host } from "../host";
import { useLang, useT } from "../i18n";
import { type BookClient, type BookMode, type BookSources, startBook } from "./book-client";
import type { OpenSource } from "./book-rpc";
import { DemoPort, type OpenBook } from "./demo-port";
import { GridPanel } from "./GridPanel";
import { SAMPLE_NAME } from "./sample";

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    minHeight: 0,
    // Narrow screens: one column, and the page itself scrolls.
    "@media (max-width: 719px)": { height: "auto" },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  file: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  fileName: { overflowWrap: "anywhere" },
  privacy: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  opening: { display: "flex", alignItems: "end", columnGap: tokens.spacingHorizontalS, flexBasis: "100%", minWidth: 0 },
  openingField: { flexGrow: 1, minWidth: 0 },
  body: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
    "@media (max-width: 719px)": { flexDirection: "column-reverse" },
  },
  grid: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    "@media (max-width: 719px)": { flexGrow: 0, height: "70vh" },
  },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 719px)": { width: "auto", overflowY: "visible", borderLeft: "none" },
  },
  hidden: { display: "none" },
});

declare global {
  interface Window {
    /** For people and browser tests watching the demo: the port's selection, the open file, where the book is held. */
    __chosahyoDemo?: {
      readonly selection: () => { sheet: string; address: string } | undefined;
      readonly fileName: () => string;
      readonly mode: () => BookMode | undefined;
    };
  }
}

/** Opens the source in a fresh host; the host is ended when the open fails. */
async function openIn(
  client: BookClient,
  source: OpenSource,
  onProgress?: (done: number, total: number) => void,
): Promise<OpenBook> {
  try {
    const transfer = "bytes" in source ? [source.bytes.buffer as ArrayBuffer] : undefined;
    const { sheetNames, checkOnly } = await client.call("open", [source], { onProgress, transfer });
    return { client, sheetNames, checkOnly };
  } catch (e) {
    client.terminate();
    throw e;
  }
}

// The open's progress re-renders the toolbar often; the pane and the grid (hundreds of cells) need not follow.
const PaneApp = memo(App);
const Grid = memo(GridPanel);

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";
const ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** The download keeps the opened file's extension: Excel refuses a macro-enabled package named .xlsx. */
function downloadName(fileName: string): { base: string; ext: string; type: string } {
  const m = /\.(xlsx|xlsm)$/i.exec(fileName);
  const ext = m ? m[0] : ".xlsx";
  return { base: m ? fileName.slice(0, m.index) : fileName, ext, type: ext.toLowerCase() === ".xlsm" ? XLSM_TYPE : XLSX_TYPE };
}

interface Opening {
  readonly name: string;
  readonly done: number;
  readonly total: number;
}

interface Message {
  readonly intent: "error" | "info" | "success";
  readonly text: (lang: Lang) => string;
  readonly action?: { readonly label: (lang: Lang) => string; readonly run: () => void };
}

/** Saves bytes under a name through the browser's download. */
function saveAs(bytes: Uint8Array, fileName: string): void {
  const type = /\.zip$/i.test(fileName) ? "application/zip" : downloadName(fileName).type;
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function DemoShell({ sources }: { sources: BookSources }) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  // A new workbook the pane makes (年度更新) is downloaded and offered to open here; the handler is set below.
  const newWorkbook = useRef<(bytes: Uint8Array, name: string) => void>(() => undefined);
  const onNewWorkbook = useCallback((bytes: Uint8Array, name: string) => newWorkbook.current(bytes, name), []);
  const [port, setPort] = useState(() => new DemoPort(startBook(sources).then((c) => openIn(c, { sample: true })), SAMPLE_NAME, onNewWorkbook));
  const portRef = useRef(port);
  const [docId, setDocId] = useState(0);
  const [message, setMessage] = useState<Message>();
  const [opening, setOpening] = useState<Opening>();
  // The open under way: its number (a cancelled open's late answer is dropped) and its host (ended on cancel).
  const openSeq = useRef(0);
  const openingClient = useRef<BookClient>();
  const input = useRef<HTMLInputElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  // Re-render when the book has loaded (the download button waits for it).
  useSyncExternalStore(
    (l) => port.subscribe(l),
    () => port.version,
  );
  useEffect(() => {
    window.__chosahyoDemo = { selection: () => port.selection, fileName: () => port.fileName, mode: () => port.mode };
  }, [port]);

  const host: Host = useMemo(() => ({ port, kind: "demo", missingRequirements: [], fileName: port.fileName }), [port]);

  // The new file gets a host of its own; the open workbook's host is ended only once the new one has opened, so a
  // failed or cancelled open leaves the page as it was.
  const open = useCallback(
    async (file: File) => {
      const seq = ++openSeq.current;
      const name = file.name;
      const current = () => seq === openSeq.current;
      setOpening({ name, done: 0, total: 0 });
      setMessage(undefined);
      try {
        const [client, buf] = await Promise.all([startBook(sources), file.arrayBuffer()]);
        if (!current()) return client.terminate();
        openingClient.current = client;
        const book = await openIn(client, { bytes: new Uint8Array(buf), name }, (done, total) => current() && setOpening({ name, done, total }));
        if (!current()) return client.terminate();
        const next = new DemoPort(Promise.resolve(book), name, onNewWorkbook);
        portRef.current.dispose();
        portRef.current = next;
        setPort(next);
        setDocId((n) => n + 1);
        // Said at once, before a fix or a summary is refused: an .ods is checked here but not changed.
        if (book.checkOnly) setMessage({ intent: "info", text: (l) => t(l, "demo.open.checkOnly", { name }) });
      } catch (e) {
        if (current()) setMessage({ intent: "error", text: (l) => errorMessage(l, e) });
      } finally {
        if (current()) {
          openingClient.current = undefined;
          setOpening(undefined);
        }
      }
    },
    [sources, onNewWorkbook],
  );

  newWorkbook.current = (bytes, name) => {
    saveAs(bytes, name);
    // 配布's ZIP of the departments' workbooks: downloaded only, there is no one workbook to open here.
    if (/\.zip$/i.test(name)) return setMessage({ intent: "success", text: (l) => t(l, "demo.newWorkbook.downloadedFiles", { name }) });
    setMessage({
      intent: "success",
      text: (l) => t(l, "demo.newWorkbook.downloaded", { name }),
      action: { label: (l) => t(l, "demo.newWorkbook.open"), run: () => void open(new File([bytes as Uint8Array<ArrayBuffer>], name)) },
    });
  };

  const cancelOpen = useCallback(() => {
    if (!opening) return;
    openSeq.current++;
    // Terminating the worker stops the read even in the middle of one long step.
    openingClient.current?.terminate();
    openingClient.current = undefined;
    setOpening(undefined);
    const previous = portRef.current.fileName;
    setMessage({ intent: "info", text: (l) => t(l, "demo.open.cancelled", { name: opening.name, previous }) });
    refocus.current = true; // the cancel button is gone: back to the open button once it is enabled again
  }, [opening]);

  useEffect(() => {
    if (opening || !refocus.current) return;
    refocus.current = false;
    openButton.current?.focus();
  }, [opening]);

  const download = useCallback(async () => {
    try {
      const bytes = await port.toBytes();
      const { base, ext } = downloadName(port.fileName);
      saveAs(bytes, tr("demo.download.name", { name: base, ext }));
    } catch (e) {
      setMessage({ intent: "error", text: (l) => errorMessage(l, e) });
    }
  }, [port, tr]);

  return (
    <div className={styles.shell}>
      <header className={styles.toolbar}>
        <div className={styles.file}>
          <Text weight="semibold">{tr("demo.title")}</Text>
          <Text size={200} className={styles.fileName} data-testid="file-name">
            {tr("demo.file", { name: port.fileName })}
          </Text>
          <p className={styles.privacy}>{tr("demo.privacy")}</p>
        </div>
        <div className={styles.buttons}>
          <input
            ref={input}
            type="file"
            accept={`.xlsx,.xlsm,.ods,${XLSX_TYPE},${XLSM_TYPE},${ODS_TYPE}`}
            className={styles.hidden}
            aria-label={tr("demo.open")}
            data-testid="file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = ""; // the same file can be opened again
              if (f) void open(f);
            }}
          />
          <Button ref={openButton} onClick={() => input.current?.click()} disabled={!!opening}>
            {tr(opening ? "demo.opening" : "demo.open")}
          </Button>
          <Button onClick={() => void download()} disabled={!port.ready || !!port.checkOnly}>
            {tr("demo.download")}
          </Button>
        </div>
        {opening ? (
          <div className={styles.opening} data-testid="open-progress">
            <Field
              className={styles.openingField}
              label={tr("demo.open.unpacking", { name: opening.name })}
              validationMessage={opening.total > 0 ? tr("demo.open.sheets", { done: opening.done, total: opening.total }) : tr("demo.open.starting")}
              validationState="none"
            >
              <ProgressBar value={opening.total > 0 ? opening.done / opening.total : undefined} max={1} thickness="large" />
            </Field>
            <Button onClick={cancelOpen}>{tr("demo.open.cancel")}</Button>
          </div>
        ) : null}
        {message ? (
          <MessageBar intent={message.intent} layout="multiline" data-testid="demo-message">
            <MessageBarBody>{message.text(lang)}</MessageBarBody>
            {message.action ? (
              <MessageBarActions>
                <Button size="small" onClick={message.action.run} data-testid="demo-message-action">
                  {message.action.label(lang)}
                </Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        ) : null}
      </header>
      <div className={styles.body}>
        <section className={styles.grid} aria-label={tr("demo.grid.region")}>
          <Grid port={port} />
        </section>
        <div className={styles.pane}>
          <PaneApp key={docId} host={host} />
        </div>
      </div>
    </div>
  );
}
