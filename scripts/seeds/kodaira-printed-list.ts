/**
 * The 評価一覧 laid out as the 小平市 document prints it (seeds/data/kodaira/001-chosahyo-h29.txt, lines 3-72), for
 * seeds/kodaira-h29-list-as-printed.xlsx: the number and the title share one cell (`2 【新規】【フォローアップ】
 * 協働事業の推進`), the header 項目 spans the 方針 column and the item column, 29年度下半期評価 spans 所管課 / 行革本部,
 * each 方針 is one cell merged down its rows, and the header is written again where the second page starts.
 * The canonical layout (src/core/template) gives No. its own column instead.
 */
import type { CellRange } from "../../src/core/model/address";
import type { SheetSpec, SpecCell } from "../../src/core/sheet-spec";
import type { ListRowInput, ListSheetInput } from "../../src/core/template/kodaira-chosahyo";

/** The printed first page ends after item 30; the second page repeats the header. */
const FIRST_PAGE_ITEMS = 30;

const STYLES = {
  title: { bold: true, fontSize: 14, hAlign: "left", vAlign: "middle" },
  note: { hAlign: "left", vAlign: "middle" },
  header: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  group: { border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  body: { border: "thin", wrap: true, vAlign: "top" },
  rating: { border: "thin", hAlign: "center", vAlign: "middle", bold: true },
} as const;

export interface PrintedListInput extends ListSheetInput {
  /** `第3次行財政再構築プラン 進捗状況 調査票 (平成29年度末)` */
  readonly documentTitle: string;
  /** The rating legend and the notes on reposts above the list, one line each (an empty string is a blank row). */
  readonly preface: readonly string[];
  /** The tag legend under the list (【新規】は…). */
  readonly footnotes: readonly string[];
}

/** `2 【新規】【フォローアップ】 協働事業の推進`: number, then the title as the list writes it. */
export function numberedTitle(row: ListRowInput): string {
  return `${row.no} ${row.title}`;
}

export function printedListSheetSpec(input: PrintedListInput): SheetSpec {
  const cells: SpecCell[] = [];
  const merges: CellRange[] = [];
  const put = (row: number, col: number, v: string | number | null, style: keyof typeof STYLES, rows = 1, cols = 1) => {
    cells.push({ row, col, value: v === null || v === "" ? { t: "empty" } : typeof v === "number" ? { t: "number", v } : { t: "text", v }, style });
    if (rows > 1 || cols > 1) merges.push({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
  };
  let r = 0;
  put(r, 0, input.documentTitle, "title", 1, 6);
  r += 2;
  for (const line of input.preface) {
    if (line) put(r, 0, line, "note", 1, 6);
    r++;
  }
  r++;
  put(r, 0, input.title, "title", 1, 6);
  r += 2;

  const header = (at: number, hq: string) => {
    put(at, 0, "項目", "header", 2, 2);
    put(at, 2, "主な推進\n担当課", "header", 2);
    put(at, 3, input.periodHeader, "header", 1, 2);
    put(at + 1, 3, "所管課", "header");
    put(at + 1, 4, hq, "header");
    put(at, 5, "目的・ねらい", "header", 2);
  };
  const pages = [input.rows.slice(0, FIRST_PAGE_ITEMS), input.rows.slice(FIRST_PAGE_ITEMS)];
  // 行革本部 is printed on two lines on the first page and as vertical text on the second.
  pages.forEach((rows, page) => {
    if (rows.length === 0) return;
    header(r, page === 0 ? "行革\n本部" : "行\n革\n本\n部");
    r += 2;
    rows.forEach((row, i) => {
      if (row.group !== null) {
        // The 方針 cell runs down to the next group's first row (or the page's end: in the document no 方針 runs on
        // past a page).
        let span = 1;
        while (i + span < rows.length && rows[i + span].group === null) span++;
        put(r, 0, row.group, "group", span);
      }
      put(r, 1, numberedTitle(row), "body");
      put(r, 2, row.departments, "body");
      put(r, 3, row.rating1, "rating");
      put(r, 4, row.rating2, "rating");
      put(r, 5, row.purpose, "body");
      r++;
    });
  });
  r++;
  for (const line of input.footnotes) put(r++, 0, line, "note", 1, 6);

  return {
    name: input.sheetName,
    cells,
    styles: STYLES,
    merges,
    columnWidths: [16, 40, 26, 8, 8, 60],
  };
}

