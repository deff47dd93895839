/**
 * The demo's side panel: the active sheet as a plain grid, so that "select cell" and "apply fix" can be seen.
 * Cell text is React text (a cell holding `<p>` shows `<p>`).
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Field, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, parseRangeA1, toA1 } from "../../core/model/address";
import { cellText } from "../../core/model/cell";
import type { SheetGrid } from "../../core/model/grid";
import { useT } from "../i18n";
import { formatNumber } from "./number-format";
import type { DemoPort } from "./demo-port";

const MAX_SHOWN_ROWS = 300;
const MAX_SHOWN_COLS = 40;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0, minHeight: 0, height: "100%" },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "end", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  nameBox: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: "8em",
    display: "inline-block",
  },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: "200px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  caption: { textAlign: "start", padding: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "end",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: 0,
    verticalAlign: "top",
    color: tokens.colorNeutralForeground1,
  },
  content: {
    minWidth: "3em",
    maxWidth: "16em",
    maxHeight: "4.5em",
    overflow: "hidden",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  selected: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

interface Layout {
  readonly rows: number;
  readonly cols: number;
  /** "r,c" of a merge's top-left → its span. */
  readonly spans: ReadonlyMap<string, { rowSpan: number; colSpan: number }>;
  /** Cells covered by a merge, other than its top-left. */
  readonly covered: ReadonlySet<string>;
  readonly cut: boolean;
}

function layoutOf(grid: SheetGrid, mustShow?: { row: number; col: number }): Layout {
  let rows = grid.top + grid.rows.length;
  let cols = grid.left + Math.max(0, ...grid.rows.map((r) => r.length));
  for (const m of grid.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  const fullRows = rows;
  const fullCols = cols;
  rows = Math.min(rows, Math.max(MAX_SHOWN_ROWS, (mustShow?.row ?? 0) + 1));
  cols = Math.min(cols, Math.max(MAX_SHOWN_COLS, (mustShow?.col ?? 0) + 1));
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of grid.merges) {
    if (m.top >= rows || m.left >= cols) continue;
    const bottom = Math.min(m.bottom, rows - 1);
    const right = Math.min(m.right, cols - 1);
    spans.set(`${m.top},${m.left}`, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return { rows, cols, spans, covered, cut: rows < fullRows || cols < fullCols };
}

function value(grid: SheetGrid, r: number, c: number): string {
  const v = grid.rows[r - grid.top]?.[c - grid.left] ?? null;
  return typeof v === "number" ? formatNumber(v, grid.numberFormats?.get(`${r},${c}`)) : cellText(v);
}

export function GridPanel({ port }: { port: DemoPort }) {
  const styles = useStyles();
  const tr = useT();
  const version = useSyncExternalStore(
    (l) => port.subscribe(l),
    () => port.version,
  );
  const names = useMemo(() => port.sheetNames(), [port, version]);
  const [chosen, setChosen] = useState<string>();
  const selection = port.selection;
  // Selecting a finding's cell activates its sheet, as in Excel.
  useEffect(() => {
    if (selection) setChosen(selection.sheet);
  }, [selection]);
  const sheet = chosen && names.includes(chosen) ? chosen : names[0];
  // Undefined until the worker has sent the sheet (the port re-renders us when it comes).
  const grid = useMemo(() => (sheet ? port.sheetGrid(sheet) : undefined), [port, sheet, version]);
  const selectedRange = selection && selection.sheet === sheet ? parseRangeA1(selection.address) : null;
  const layout = useMemo(
    () => (grid ? layoutOf(grid, selectedRange ? { row: selectedRange.bottom, col: selectedRange.right } : undefined) : undefined),
    [grid, selectedRange?.bottom, selectedRange?.right],
  );
  const selectedEl = useRef<HTMLTableCellElement | null>(null);
  useEffect(() => {
    selectedEl.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selection, sheet, version]);

  if (!port.ready) return <p className={styles.note}>{tr("demo.loading")}</p>;

  const isSelected = (r: number, c: number) =>
    !!selectedRange && r >= selectedRange.top && r <= selectedRange.bottom && c >= selectedRange.left && c <= selectedRange.right;

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Field label={tr("demo.grid.sheet")}>
          <Select value={sheet ?? ""} onChange={(_, d) => setChosen(d.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <span className={styles.note} id="demo-name-box-label">
            {tr("demo.grid.selection")}
          </span>{" "}
          <output className={styles.nameBox} aria-labelledby="demo-name-box-label" data-testid="name-box">
            {selection ? `${selection.sheet}!${selection.address}` : "—"}
          </output>
        </div>
      </div>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={tr("demo.grid.label", { sheet: sheet ?? "" })}>
        {grid && layout ? (
          <table className={styles.table} data-sheet={sheet}>
            <caption className={styles.caption}>{sheet}</caption>
            <thead>
              <tr>
                <td className={styles.head} />
                {Array.from({ length: layout.cols }, (_, c) => (
                  <th key={c} scope="col" className={styles.head}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: layout.rows }, (_, r) => (
                <tr key={r}>
                  <th scope="row" className={styles.rowHead}>
                    {r + 1}
                  </th>
                  {Array.from({ length: layout.cols }, (_, c) => {
                    const k = `${r},${c}`;
                    if (layout.covered.has(k)) return null;
                    const span = layout.spans.get(k);
                    const sel = isSelected(r, c);
                    return (
                      <td
                        key={c}
                        className={mergeClasses(styles.cell, sel && styles.selected)}
                        rowSpan={span?.rowSpan}
                        colSpan={span?.colSpan}
                        data-cell={toA1(r, c)}
                        data-selected={sel ? "true" : undefined}
                        ref={sel ? selectedEl : undefined}
                      >
                        <div className={styles.content}>{value(grid, r, c)}</div>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {layout?.cut ? <p className={styles.note}>{tr("demo.grid.cut", { rows: layout.rows, cols: layout.cols })}</p> : null}
    </div>
  );
}
