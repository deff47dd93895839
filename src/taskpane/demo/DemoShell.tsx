/**
 * The browser demo, and the offline checker for PCs where the add-in cannot be deployed (LGWAN): the task pane
 * next to a grid of the active sheet, over an ExcelJS workbook. The user can open their own .xlsx (it stays in
 * this browser tab: nothing is uploaded) and download the result.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../App";
import { errorMessage } from "../format";
import type { Host } from "../host";
import { useLang, useT } from "../i18n";
import { DemoPort } from "./demo-port";
import { GridPanel } from "./GridPanel";
import { SAMPLE_NAME } from "./sample";
import type * as BookLoader from "./book-loader";

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

export type LoadBooks = () => Promise<typeof BookLoader>;

declare global {
  interface Window {
    /** For people and browser tests watching the demo: the port's selection and the open file. */
    __chosahyoDemo?: { readonly selection: () => { sheet: string; address: string } | undefined; readonly fileName: () => string };
  }
}

export function DemoShell({ loadBooks }: { loadBooks: LoadBooks }) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const [port, setPort] = useState(() => new DemoPort(loadBooks().then((m) => m.openSample()), SAMPLE_NAME));
  const [docId, setDocId] = useState(0);
  const [problem, setProblem] = useState<unknown>();
  const [opening, setOpening] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Re-render when the book has loaded (the download button waits for it).
  useSyncExternalStore(
    (l) => port.subscribe(l),
    () => port.version,
  );
  useEffect(() => {
    window.__chosahyoDemo = { selection: () => port.selection, fileName: () => port.fileName };
  }, [port]);

  const host: Host = useMemo(() => ({ port, kind: "demo", missingRequirements: [] }), [port]);

  const open = useCallback(
    async (file: File) => {
      setOpening(true);
      setProblem(undefined);
      try {
        const [m, buf] = await Promise.all([loadBooks(), file.arrayBuffer()]);
        const book = await m.openBytes(new Uint8Array(buf), file.name);
        setPort(new DemoPort(Promise.resolve(book), file.name));
        setDocId((n) => n + 1);
      } catch (e) {
        setProblem(e); // the workbook open before stays open
      } finally {
        setOpening(false);
      }
    },
    [loadBooks],
  );

  const download = useCallback(async () => {
    try {
      const bytes = await port.toBytes();
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = tr("demo.download.fileName", { name: port.fileName.replace(/\.xlsx$/i, "") });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setProblem(e);
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
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hidden}
            aria-label={tr("demo.open")}
            data-testid="file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = ""; // the same file can be opened again
              if (f) void open(f);
            }}
          />
          <Button onClick={() => input.current?.click()} disabled={opening}>
            {tr(opening ? "demo.opening" : "demo.open")}
          </Button>
          <Button onClick={() => void download()} disabled={!port.current}>
            {tr("demo.download")}
          </Button>
        </div>
        {problem ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{errorMessage(lang, problem)}</MessageBarBody>
          </MessageBar>
        ) : null}
      </header>
      <div className={styles.body}>
        <section className={styles.grid} aria-label={tr("demo.grid.region")}>
          <GridPanel port={port} />
        </section>
        <div className={styles.pane}>
          <App key={docId} host={host} />
        </div>
      </div>
    </div>
  );
}
