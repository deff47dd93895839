/**
 * @jest-environment node
 *
 * Every summary sheet the project builds for seeds/kodaira-h29.xlsx, written by renderSheetXml into a package with
 * the seed's own styles.xml, reads back in ExcelJS with the values the spec holds.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { rangeToA1 } from "../../../src/core/model/address";
import { BUILT_IN_PROFILES } from "../../../src/core/profiles";
import type { SheetSpec } from "../../../src/core/sheet-spec";
import { buildSummaries } from "../../../src/core/summary";
import { validateWorkbook } from "../../../src/core/validate";
import { tableColumnNames } from "../../../src/workbook/table-names";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../../helpers/grid";
import { miniPackage } from "./mini-package";

const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");

describe("kodaira-h29 の集計シートを renderSheetXml で書き、ExcelJS で読む", () => {
  let specs: SheetSpec[];
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const bytes = readFileSync(SEED);
    const book = await XlsxWorkbook.load(bytes, "kodaira-h29.xlsx");
    const rep = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: new Date(2026, 10, 22, 9, 30) });
    const styles = strFromU8(unzipSync(bytes, { filter: (f) => f.name === "xl/styles.xml" })["xl/styles.xml"]);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(miniPackage(specs, styles).bytes as unknown as ArrayBuffer);
  });

  test("集計シートがすべてあり、セルの値・数式・計算済みの値が仕様どおり", () => {
    expect(specs.length).toBeGreaterThanOrEqual(4);
    let checked = 0;
    for (const spec of specs) {
      const ws = wb.getWorksheet(spec.name);
      expect([spec.name, !!ws]).toEqual([spec.name, true]);
      const headers = new Set((spec.tables ?? []).flatMap((t) => Array.from({ length: t.range.right - t.range.left + 1 }, (_, i) => `${t.range.top},${t.range.left + i}`)));
      for (const c of spec.cells) {
        if (headers.has(`${c.row},${c.col}`)) continue;
        if (spec.charts?.length && spec.basisCell?.row === c.row && spec.basisCell.col === c.col) continue;
        const cell = ws!.getCell(c.row + 1, c.col + 1);
        const where = `${spec.name}!${cell.address}`;
        const v = c.value;
        if (v.t === "text") expect([where, cell.formula || undefined, cell.text]).toEqual([where, undefined, v.v]);
        else if (v.t === "number" || v.t === "bool") expect([where, cell.value]).toEqual([where, v.v]);
        else if (v.t === "formula") expect([where, cell.formula, cell.result]).toEqual([where, v.f.replace(/^=/, ""), v.cached]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  test("テーブルの見出しは列名、結合・列幅・固定も仕様どおり", () => {
    expect(specs.filter((s) => s.tables?.length).length).toBeGreaterThanOrEqual(2);
    for (const spec of specs) {
      const ws = wb.getWorksheet(spec.name)!;
      for (const t of spec.tables ?? []) {
        const labels = Array.from({ length: t.range.right - t.range.left + 1 }, (_, i) => {
          const c = spec.cells.find((x) => x.row === t.range.top && x.col === t.range.left + i);
          return c && (c.value.t === "text" || c.value.t === "number") ? String(c.value.v) : "";
        });
        const names = tableColumnNames(labels);
        names.forEach((n, i) => expect([spec.name, ws.getCell(t.range.top + 1, t.range.left + 1 + i).value]).toEqual([spec.name, n]));
        const table = ws.getTable(t.name) as unknown as { table: { columns: { name: string }[] } };
        expect([spec.name, table.table.columns.map((c) => c.name)]).toEqual([spec.name, names]);
      }
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect([spec.name, [...merges].sort()]).toEqual([spec.name, spec.merges.map(rangeToA1).sort()]);
      (spec.columnWidths ?? []).forEach((w, i) => expect([spec.name, i, ws.getColumn(i + 1).width]).toEqual([spec.name, i, w]));
      if (spec.freeze) expect([spec.name, ws.views[0]]).toMatchObject([spec.name, { state: "frozen", ySplit: spec.freeze.rows || undefined }]);
      if (spec.print?.repeatRows) expect([spec.name, ws.pageSetup.printTitlesRow]).toEqual([spec.name, `${spec.print.repeatRows.top + 1}:${spec.print.repeatRows.bottom + 1}`]);
    }
  });
});
