/**
 * The 武蔵野市 取組状況 layout (docs/formats.md) as sheet specs: the 取組状況 sheet with every
 * project stacked under its 基本方針 / 項 / 細目 heading rows, and the 目次 sheet (事業名 | 担当課 | 頁 under the same
 * headings). Column A holds the labels, B–E the four years; text cells are merged over the year columns. A record with
 * a merged first year (`平成 29～30 年度`) is 4 columns wide, a record with a sub-item column 6 (the years in C–F, the
 * status in C). The status cells carry a list validation (◎ ○ △ ×).
 */
import { t } from "../../src/core/i18n";
import type { CellRange } from "../../src/core/model/address";
import type { ListValidation, SheetSpec, SpecCell, SpecValue } from "../../src/core/sheet-spec";
import { MUSASHINO_ERA_NOTE, MUSASHINO_LEGEND, MUSASHINO_TITLE, MUSASHINO_TOC_TITLE, type ProjectInput, type TocLine } from "./musashino";

export const STATUS_LIST = ["◎", "○", "△", "×"] as const;
export const RECORDS_SHEET = "取組状況";
export const CONTENTS_SHEET = "目次";

const STYLES = {
  title: { bold: true, fontSize: 14, vAlign: "middle" },
  note: { fontSize: 9, wrap: true, vAlign: "top" },
  policy: { bold: true, fontSize: 12, fill: "#D9E1F2" },
  section: { bold: true, fontSize: 11 },
  subsection: { bold: true },
  label: { bold: true, fill: "#F2F2F2", border: "thin", wrap: true, vAlign: "middle" },
  header: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  text: { border: "thin", wrap: true, vAlign: "top" },
  plan: { border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  status: { border: "thin", hAlign: "center", vAlign: "middle", bold: true, fontSize: 14 },
  page: { border: "thin", hAlign: "right", vAlign: "top" },
} as const;

type Style = keyof typeof STYLES;

/** Excel column widths: A the labels, then four years (a sub-item column takes B in 6-column records). */
const LABEL_WIDTH = 24;
const YEAR_WIDTH = 22;

function valueOf(v: string | number | null | undefined): SpecValue {
  if (v === null || v === undefined || v === "") return { t: "empty" };
  if (typeof v === "number") return { t: "number", v };
  return { t: "text", v };
}

/** Where each project's cells ended up (0-based), for tests and citations. */
export interface RecordCells {
  readonly no: number;
  readonly nameRow: number;
  readonly plans: readonly { readonly headerRow: number; readonly valueRow: number; readonly statusRow: number; readonly statusCol: number }[];
  readonly reasonRow: number;
  readonly progressRow: number;
}

class Builder {
  readonly cells: SpecCell[] = [];
  readonly merges: CellRange[] = [];
  readonly validations: ListValidation[] = [];
  readonly rowHeights: Record<number, number> = {};

  put(row: number, col: number, v: string | number | null | undefined, style: Style, cols = 1): void {
    this.cells.push({ row, col, value: valueOf(v), style });
    if (cols > 1) this.merges.push({ top: row, left: col, bottom: row, right: col + cols - 1 });
  }

  /** Row height for wrapped text over `width` Excel characters (a kanji is two), like Excel's autofit would give. */
  fit(row: number, text: string | null | undefined, width: number): void {
    if (!text) return;
    const units = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
    const lines = Math.max(1, Math.ceil(units / Math.max(width - 2, 1)));
    const h = Math.min(409, Math.max(18, lines * 13.5 + 4));
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, h);
  }
}

/** The record's width: the years, plus the sub-item column when it has one. */
function yearCount(p: ProjectInput): number {
  return Math.max(...p.plans.map((pl) => pl.headers.length));
}

function writeRecord(b: Builder, p: ProjectInput, top: number): { next: number; cells: RecordCells } {
  const sub = p.subItemColumn ? 1 : 0;
  const years = yearCount(p);
  const span = sub + years; // B … last column
  let r = top;
  const text = (label: string, value: string | null): number => {
    b.put(r, 0, label, "label");
    b.put(r, 1, value, "text", span);
    b.fit(r, value, span * YEAR_WIDTH);
    b.fit(r, label, LABEL_WIDTH);
    return r++;
  };
  const nameRow = text("事業名", p.name);
  text("担当課", p.departments);
  text("課題・目的", p.purpose);
  text("取組事項", p.actions);
  const plans: RecordCells["plans"][number][] = [];
  for (const pl of p.plans) {
    const headerRow = r++;
    b.put(headerRow, 0, "年次計画", "label");
    if (sub) b.put(headerRow, 1, null, "header");
    pl.headers.forEach((h, i) => b.put(headerRow, 1 + sub + i, h, "header"));
    const valueRow = r++;
    if (p.subItemColumn === "merged") b.put(valueRow, 0, pl.subItem ?? null, "label", 2);
    else {
      b.put(valueRow, 0, null, "label");
      if (sub) b.put(valueRow, 1, pl.subItem ?? null, "label");
    }
    pl.cells.forEach((c, i) => {
      b.put(valueRow, 1 + sub + i, c, "plan");
      b.fit(valueRow, c, YEAR_WIDTH);
    });
    const statusRow = r++;
    const statusCol = 1 + sub;
    b.put(statusRow, 0, "実施状況", "label");
    if (sub) b.put(statusRow, 1, null, "text");
    for (let i = 0; i < pl.headers.length; i++) b.put(statusRow, statusCol + i, i === 0 ? pl.status : null, i === 0 ? "status" : "text");
    b.validations.push({
      range: { top: statusRow, left: statusCol, bottom: statusRow, right: statusCol },
      list: STATUS_LIST,
      errorTitle: t("ja", "template.status.errorTitle"),
      error: t("ja", "template.status.error"),
      prompt: t("ja", "template.status.prompt"),
    });
    b.rowHeights[statusRow] = 24;
    plans.push({ headerRow, valueRow, statusRow, statusCol });
  }
  const progressRow = text(p.progressLabel, p.progress);
  const reasonRow = text(p.reasonLabel, p.reason);
  return { next: r, cells: { no: p.no, nameRow, plans, reasonRow, progressRow } };
}

/** Heading rows (基本方針 / 項 / 細目) before the first record each covers, as the source prints them. */
function headingsBefore(prev: ProjectInput | undefined, p: ProjectInput): { text: string; style: Style }[] {
  const out: { text: string; style: Style }[] = [];
  const newPolicy = !prev || prev.policy !== p.policy;
  const newSection = newPolicy || prev.section !== p.section;
  const newSub = newSection || prev.subsection !== p.subsection;
  if (newPolicy) out.push({ text: p.policy, style: "policy" });
  if (newSection) out.push({ text: p.section, style: "section" });
  if (newSub) out.push({ text: p.subsection, style: "subsection" });
  return out;
}

export interface RecordsSheet {
  readonly spec: SheetSpec;
  readonly cells: readonly RecordCells[];
}

/** The 取組状況 sheet: title, the era note and the status legend, then every project under its headings. */
export function recordsSheetSpec(projects: readonly ProjectInput[], name = RECORDS_SHEET): RecordsSheet {
  const b = new Builder();
  const width = 5;
  b.put(0, 0, MUSASHINO_TITLE, "title", width);
  b.rowHeights[0] = 24;
  b.put(1, 0, MUSASHINO_ERA_NOTE, "note", width);
  b.put(2, 0, MUSASHINO_LEGEND, "note", width);
  b.rowHeights[1] = 26;
  b.rowHeights[2] = 26;
  let r = 4;
  const cells: RecordCells[] = [];
  projects.forEach((p, i) => {
    // Heading cells are not merged: their text runs over the empty cells to the right anyway, and the sheet stays
    // under 512 merged areas, which Office.js reads in one request (more would cost the add-in an extra sync).
    for (const h of headingsBefore(projects[i - 1], p)) {
      b.put(r, 0, h.text, h.style);
      r++;
    }
    const w = writeRecord(b, p, r);
    cells.push(w.cells);
    r = w.next;
  });
  return {
    spec: {
      name,
      cells: b.cells,
      styles: STYLES,
      merges: b.merges,
      columnWidths: [LABEL_WIDTH, YEAR_WIDTH, YEAR_WIDTH, YEAR_WIDTH, YEAR_WIDTH, YEAR_WIDTH],
      rowHeights: b.rowHeights,
      validations: b.validations,
      print: { orientation: "portrait", paper: "A4", fitToWidth: true, footer: "&A（&P / &N ページ）" },
    },
    cells,
  };
}

/** The 目次: title, a header row 事業名 | 担当課 | 頁, then the contents' headings and entries in order. */
export function contentsSheetSpec(lines: readonly TocLine[], name = CONTENTS_SHEET): SheetSpec {
  const b = new Builder();
  b.put(0, 0, MUSASHINO_TOC_TITLE, "title", 3);
  const head = 2;
  b.put(head, 0, "事業名", "header");
  b.put(head, 1, "担当課", "header");
  b.put(head, 2, "頁", "header");
  let r = head + 1;
  for (const l of lines) {
    if (l.kind === "heading") {
      const style: Style = /^\(\d+\)/.test(l.text) ? "subsection" : /^\d+\./.test(l.text) ? "section" : "policy";
      b.put(r, 0, l.text, style, 3);
    } else {
      b.put(r, 0, l.name, "text");
      b.put(r, 1, l.departments, "text");
      b.put(r, 2, l.page, "page");
      b.fit(r, l.name, 56);
      b.fit(r, l.departments, 44);
    }
    r++;
  }
  return {
    name,
    cells: b.cells,
    styles: STYLES,
    merges: b.merges,
    columnWidths: [56, 44, 6],
    rowHeights: b.rowHeights,
    freeze: { rows: head + 1, cols: 0 },
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, repeatRows: { top: head, bottom: head }, footer: "&A（&P / &N ページ）" },
  };
}
