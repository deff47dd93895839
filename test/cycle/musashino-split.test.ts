/**
 * @jest-environment node
 *
 * 配布 by rows on the 武蔵野 取組状況 (seeds/musashino-h29.xlsx: records stacked down one sheet under 基本方針 / 項 /
 * 細目 headings): which rows go to which department, and each department's workbook: the master's sheet with only the
 * heading rows and its own records' rows, everything else of the sheet kept (values, styles, merges, widths,
 * heights, print setup, validations), and a marker that maps its rows back to the master's.
 */
import { readFileSync } from "node:fs";
import { formHash } from "../../src/core/cycle/form-hash";
import { readMarker } from "../../src/core/cycle/collect";
import { projectRows, sheetRows } from "../../src/core/cycle/rows";
import { planSplit, type SplitPlan } from "../../src/core/cycle/split";
import { cellText } from "../../src/core/model/cell";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES, builtInProfile } from "../../src/core/profiles";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { readSheetEntries, workbookPart } from "../../src/workbook/xlsx/book";
import { deleteSheetRows } from "../../src/workbook/xlsx/delete-rows";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { sheetDifferences } from "../helpers/sheet-compare";
import { MUSASHINO, SHEET, splitMaster } from "./musashino-fixtures";

let seed: Uint8Array;
let snap: WorkbookSnapshot;
let report: ValidationReport;
let grid: SheetGrid;
beforeAll(async () => {
  seed = new Uint8Array(readFileSync(MUSASHINO));
  snap = await (await XlsxWorkbook.load(seed, "m.xlsx")).readAll();
  report = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
  grid = snap.sheets.find((g) => g.name === SHEET)!;
});

const ok = (p: ReturnType<typeof planSplit>): SplitPlan => {
  if (!p.ok) throw new Error(`refused: ${JSON.stringify(p)}`);
  return p;
};
const recordsOf = () => report.records.filter((r) => r.sheet === SHEET);
const rowSet = (rows: readonly { from: number; to: number }[]) => new Set(rows.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i)));
const text = (row: number, col = 0) => cellText(grid.rows[row - 1 - grid.top]?.[col - grid.left] ?? null);

describe("配布's plan for a sheet of stacked records", () => {
  test("each record's rows go to its lead department; the rows above the first record go to everyone; 目次 stays in the master", () => {
    const plan = ok(planSplit(snap, report, BUILT_IN_PROFILES));
    expect(plan.kept).toEqual(["目次"]);
    const recs = recordsOf();
    const layout = sheetRows(grid, recs)!;
    expect(layout.headBottom).toBe(6); // title, notes and the first record's headings (rows 1-7)
    for (const f of plan.files) {
      expect(f.sheets).toEqual([SHEET]);
      const rows = rowSet(f.rows![SHEET]);
      for (let r = 1; r <= 7; r++) expect(rows.has(r)).toBe(true);
    }
    // Every record named by name is held by its lead, and only by it; its heading rows come with it.
    recs.forEach((rec, i) => {
      const list = rec.departments!.list;
      const lead = list.departments.find((d) => !list.wildcards.includes(d.name))!.name;
      const span = layout.records[i];
      const holders = plan.files.filter((f) => rowSet(f.rows![SHEET]).has(span.top + 1)).map((f) => f.department);
      expect([rec.title?.text, holders]).toEqual([rec.title?.text, [lead]]);
      const file = plan.files.find((f) => f.department === lead)!;
      for (const h of span.headings) expect(rowSet(file.rows![SHEET]).has(h + 1)).toBe(true);
    });
    // 防災課 gets its one record (事業名 … 未着手・中止の理由) under its headings, and nothing of another's.
    const bousai = plan.files.find((f) => f.department === "防災課")!;
    const rows = [...rowSet(bousai.rows![SHEET])].filter((r) => r > 7);
    expect(rows.map((r) => text(r)).filter(Boolean)).toEqual(["2. 多様な主体間における連携の推進", "(2) 市民活動の自立化の促進と積極的活動への支援", "事業名", "担当課", "課題・目的", "取組事項", "年次計画", "実施状況", "目標に対する1年間の取組状況、課題及び今後の予定", "未着手・中止の理由"].map((s) => expect.stringContaining(s.slice(0, 4))));
    // Shared items are listed per record, sent to the lead only.
    const shared = plan.shared.find((s) => s.item.startsWith("在宅医療"))!;
    expect(shared).toMatchObject({ sheet: SHEET, lead: "地域支援課", others: ["高齢者支援課", "障害者福祉課", "健康課"], sentTo: ["地域支援課"] });
  });

  test("--shared copy: a record naming several departments goes to each of them", () => {
    const plan = ok(planSplit(snap, report, BUILT_IN_PROFILES, { shared: "copy" }));
    const shared = plan.shared.find((s) => s.item.startsWith("在宅医療"))!;
    expect(shared.sentTo).toEqual(["地域支援課", "高齢者支援課", "障害者福祉課", "健康課"]);
    const i = recordsOf().findIndex((r) => r.title?.text.startsWith("在宅医療"));
    const top = sheetRows(grid, recordsOf())!.records[i].top + 1;
    for (const d of shared.sentTo) expect(rowSet(plan.files.find((f) => f.department === d)!.rows![SHEET]).has(top)).toBe(true);
  });

  test("records that share rows cannot be split by rows: refused, naming the sheet", () => {
    const recs = recordsOf();
    // Two records on one row (as if side by side): move the second record's title onto the first one's row.
    const moved = report.records.map((r) => (r === recs[1] ? { ...r, title: { ...r.title!, cell: { row: recs[0].title!.cell.row, col: 3 } }, row: recs[0].title!.cell.row } : r));
    expect(planSplit(snap, { ...report, records: moved }, BUILT_IN_PROFILES)).toEqual({ ok: false, reason: "table-format", sheets: [SHEET] });
  });
});

describe("a department's workbook", () => {
  test("holds its rows of the master's sheet: values and merges cell by cell; row heights, widths, print setup and everything else as the master's with the other rows deleted", async () => {
    const split = await splitMaster(seed, { aids: false });
    expect(split.books.length).toBe(split.plan.files.length);
    for (const department of ["防災課", "企画調整課", "人事課"]) {
      const book = split.books.find((b) => b.department === department)!;
      const copy = await XlsxWorkbook.load(book.bytes, "d.xlsx");
      const marker = readMarker(await copy.readSettings())!;
      const rows = marker.sheets[0].rows!;
      const expected = projectRows(grid, rows);
      const got = copy.sheetGrid(SHEET)!;
      const cells = (g: SheetGrid) => g.rows.flatMap((row, i) => row.map((v, j) => [g.top + i, g.left + j, cellText(v)] as const).filter(([, , v]) => v !== ""));
      expect(cells(got)).toEqual(cells(expected));
      const merges = (g: SheetGrid) => g.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort();
      expect(merges(got)).toEqual(merges(expected));
      // Row heights, read from the parts: each copy row has its master row's height.
      const heights = (bytes: Uint8Array) => {
        const pkg = Package.open(bytes);
        const part = readSheetEntries(pkg, workbookPart(pkg)).find((e) => e.name === SHEET)!.part!;
        return new Map([...pkg.text(part)!.matchAll(/<row r="(\d+)"([^>]*)>/g)].map((m) => [Number(m[1]), /ht="([^"]*)"/.exec(m[2])?.[1] ?? ""]));
      };
      const master = heights(seed);
      const mine = heights(book.bytes);
      const kept = [...rowSet(rows)];
      kept.forEach((r, k) => expect([r, mine.get(k + 1) ?? ""]).toEqual([r, master.get(r) ?? ""]));
      // Everything else of the sheet: the master with the department's other rows deleted, compared part by part.
      const pkg = Package.open(seed);
      deleteSheetRows(pkg, SHEET, rows, grid.top + grid.rows.length - 1);
      expect(sheetDifferences(pkg.toBytes(), book.bytes, SHEET)).toEqual([]);
    }
  });

  test("with the input aids: its marker's form hash is the hash of what it got, as read back from the file", async () => {
    const split = await splitMaster(seed);
    const profile = builtInProfile("musashino-torikumi");
    for (const book of split.books.slice(0, 5)) {
      const copy = await XlsxWorkbook.load(book.bytes, "d.xlsx");
      const s = await copy.readAll();
      const marker = readMarker(s.settings)!;
      const recs = validateWorkbook(s, { profiles: BUILT_IN_PROFILES }).records.filter((r) => r.sheet === SHEET);
      expect(recs.length).toBeGreaterThan(0);
      expect([book.department, formHash(s.sheets.find((g) => g.name === SHEET)!, recs, profile)]).toEqual([book.department, marker.sheets[0].formHash]);
      // Validations came with the rows (the aids' lists on its status cells).
      expect(Package.open(book.bytes).names().some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && Package.open(book.bytes).text(n)!.includes("<dataValidation "))).toBe(true);
    }
  });
});
