/**
 * The ExcelJS adapter of the workbook port: for the CLI, the browser demo and the tests.
 * It works on bytes in memory; reading and writing files is the caller's business.
 */
import ExcelJS from "exceljs";
import { parseRangeA1 } from "../../core/model/address";
import { cellText } from "../../core/model/cell";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, type LoggedEdit } from "../../core/changelog";
import type { SheetGrid, WorkbookSnapshot } from "../../core/model/grid";
import { type SheetSpec, text } from "../../core/sheet-spec";
import { freeSheetName } from "../sheet-names";
import { OWNED_KEY, type OwnedSheet, ownedValue, parseOwned, planOwned, SETTINGS_SHEET, sameSheetName } from "../owned";
import { type AppliedEdits, type ReadOptions, WorkbookError, type WorkbookPort, type WriteSheetResult, type WriteSheetsOptions } from "../port";
import { readWorksheet, toCellValue } from "./read";
import { renderSheetSpec } from "./render";
import { assertXlsxBytes } from "./sniff";

/** The veryHidden sheet that holds the add-in's settings and its list of owned sheets (owned.ts). */
export { SETTINGS_SHEET } from "../owned";

export class XlsxWorkbook implements WorkbookPort {
  constructor(readonly wb: ExcelJS.Workbook) {}

  /** Opens .xlsx bytes; bad input becomes a WorkbookError with a code the catalogue words. */
  static async load(bytes: Uint8Array, fileName = ""): Promise<XlsxWorkbook> {
    assertXlsxBytes(bytes, fileName);
    const wb = new ExcelJS.Workbook();
    try {
      // ExcelJS accepts a Buffer in Node and an ArrayBuffer in the browser.
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new WorkbookError("corrupt", e instanceof Error ? e.message : String(e));
    }
    return new XlsxWorkbook(wb);
  }

  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "chosahyo";
    return new XlsxWorkbook(wb);
  }

  async toBytes(): Promise<Uint8Array> {
    const buf = await this.wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }

  private userSheets(): ExcelJS.Worksheet[] {
    return this.wb.worksheets.filter((ws) => !sameSheetName(ws.name, SETTINGS_SHEET));
  }

  /** A worksheet by name, compared case-insensitively as Excel does (ExcelJS's getWorksheet is case-sensitive). */
  private sheetNamed(name: string): ExcelJS.Worksheet | undefined {
    return this.wb.getWorksheet(name) ?? this.wb.worksheets.find((ws) => sameSheetName(ws.name, name));
  }

  async readAll(options?: ReadOptions): Promise<WorkbookSnapshot> {
    const sheets: SheetGrid[] = [];
    const list = this.userSheets();
    for (let i = 0; i < list.length; i++) {
      if (options?.isCancelled?.()) throw new WorkbookError("cancelled");
      sheets.push(readWorksheet(list[i]));
      options?.onProgress?.({ done: i + 1, total: list.length });
    }
    if (sheets.length === 0) throw new WorkbookError("no-worksheets");
    const settings = await this.readSettings();
    return { sheets, skippedSheets: [], settings: Object.keys(settings).length ? settings : undefined };
  }

  async applyEdits(edits: readonly LoggedEdit[], at: Date = new Date()): Promise<AppliedEdits> {
    const applied: LoggedEdit[] = [];
    const refused: LoggedEdit[] = [];
    for (const e of edits) {
      const ws = this.wb.getWorksheet(e.sheet);
      if (!ws) throw new WorkbookError("sheet-missing", e.sheet, e.sheet);
      const cell = ws.getCell(e.cell);
      if (cellText(toCellValue(cell)) !== e.before) {
        refused.push(e); // the user changed it since the check
        continue;
      }
      cell.value = e.after;
      applied.push(e);
    }
    if (applied.length) await this.appendChangeLog(applied, at);
    return { applied, refused };
  }

  /** Appends to 変更履歴, creating it (as an owned sheet, with its header) when missing. */
  private async appendChangeLog(edits: readonly LoggedEdit[], at: Date): Promise<void> {
    let ws: ExcelJS.Worksheet | undefined;
    const owned = await this.ownership();
    const mine = owned.find((o) => o.base === CHANGE_LOG_SHEET);
    if (mine) ws = this.sheetNamed(mine.sheet);
    else {
      const header = CHANGE_LOG_HEADER.map((h, i) => ({ row: 0, col: i, value: text(h), style: "header" }));
      await this.writeOwnedSheet({
        name: CHANGE_LOG_SHEET,
        cells: header,
        styles: { header: { bold: true, fill: "#DDEBF7", border: "thin" } },
        merges: [],
        columnWidths: [20, 14, 8, 40, 40, 22],
        freeze: { rows: 1, cols: 0 },
      });
      ws = this.sheetNamed((await this.ownership()).find((o) => o.base === CHANGE_LOG_SHEET)!.sheet);
    }
    if (!ws) return;
    let next = ws.actualRowCount + 1;
    for (const row of changeLogRows(edits, at)) {
      row.forEach((v, i) => {
        ws!.getCell(next, i + 1).value = v.t === "text" ? v.v : null;
      });
      next++;
    }
  }

  /** Owned sheets as recorded: the sheet's name, and the name it was generated for (they differ after a clash). */
  private async ownership(): Promise<OwnedSheet[]> {
    return parseOwned(await this.readSettings(), (name) => !!this.sheetNamed(name));
  }

  async ownedSheets(): Promise<readonly string[]> {
    return (await this.ownership()).map((o) => o.sheet);
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return (await this.writeOwnedSheets([spec]))[0];
  }

  /**
   * The sheets generated before are removed first (their tables' names are free again), then each spec is added
   * (a replaced sheet at its old place) and rendered, and the ownership list is written once.
   */
  async writeOwnedSheets(specs: readonly SheetSpec[], options?: WriteSheetsOptions): Promise<WriteSheetResult[]> {
    if (specs.length === 0) return [];
    const plan = planOwned(
      specs.map((s) => s.name),
      await this.ownership(),
      this.wb.worksheets.map((w) => w.name),
    );
    const orderNos = plan.targets.map((t) => {
      if (!t.previous) return undefined;
      const ws = this.sheetNamed(t.previous.sheet)!;
      const orderNo = (ws as unknown as { orderNo: number }).orderNo;
      this.wb.removeWorksheet(ws.id);
      return orderNo;
    });
    const results: WriteSheetResult[] = [];
    specs.forEach((spec, i) => {
      const { name, previous } = plan.targets[i];
      const ws = this.wb.addWorksheet(name);
      if (orderNos[i] !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNos[i];
      renderSheetSpec(ws, { ...spec, name });
      results.push({
        name,
        ...(name !== spec.name ? { requestedName: spec.name } : {}),
        replaced: !!previous,
        // ExcelJS cannot draw charts: the basis cell says so (render.ts).
        ...(spec.charts?.length ? { omitted: ["chart" as const] } : {}),
      });
      options?.onProgress?.(i + 1, specs.length);
    });
    await this.writeSettings({ [OWNED_KEY]: ownedValue(plan.owned) });
    return results;
  }

  /**
   * Copies a worksheet from another workbook (values, styles, merges, widths, heights, data validation) under a
   * free name; used to consolidate a folder of submissions. Returns the name it got.
   */
  importSheet(from: XlsxWorkbook, sheet: string, wanted = sheet): string {
    const src = from.wb.getWorksheet(sheet);
    if (!src) throw new WorkbookError("sheet-missing", sheet, sheet);
    const name = freeSheetName(wanted, this.wb.worksheets.map((w) => w.name));
    const dst = this.wb.addWorksheet(name, { properties: { ...src.properties }, pageSetup: { ...src.pageSetup } });
    (src.columns ?? []).forEach((col, i) => {
      if (col?.width) dst.getColumn(i + 1).width = col.width;
    });
    src.eachRow({ includeEmpty: true }, (row, r) => {
      const out = dst.getRow(r);
      if (row.height) out.height = row.height;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const d = out.getCell(c);
        // A formula shared with other cells is copied as its own formula, so it stays right on its own.
        const v = cell.value as ExcelJS.CellValue & { sharedFormula?: string; result?: unknown };
        if (cell.type !== ExcelJS.ValueType.Merge) d.value = v && typeof v === "object" && "sharedFormula" in v ? ({ formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue) : v;
        d.style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
        if (cell.dataValidation) d.dataValidation = JSON.parse(JSON.stringify(cell.dataValidation)) as ExcelJS.DataValidation;
      });
    });
    const merges = (src as unknown as { _merges?: Record<string, { range?: string; model?: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
    for (const m of Object.values(merges)) {
      const r = m.model;
      if (r) dst.mergeCells(r.top, r.left, r.bottom, r.right);
    }
    return name;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new WorkbookError("sheet-missing", sheet, sheet);
    const range = parseRangeA1(address);
    if (!range) return;
    const view = ws.views?.[0];
    ws.views = [{ ...(view ?? {}), state: view?.state ?? "normal", activeCell: address.split(":")[0] } as ExcelJS.WorksheetView];
    const index = this.userSheets().findIndex((w) => w.name === sheet);
    this.wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: Math.max(index, 0), visibility: "visible" }];
  }

  async readSettings(): Promise<Readonly<Record<string, string>>> {
    const ws = this.sheetNamed(SETTINGS_SHEET);
    const out: Record<string, string> = {};
    if (!ws) return out;
    ws.eachRow((row) => {
      const k = cellText(toCellValue(row.getCell(1)));
      if (k) out[k] = cellText(toCellValue(row.getCell(2)));
    });
    return out;
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    const merged = { ...(await this.readSettings()), ...settings };
    let ws = this.sheetNamed(SETTINGS_SHEET);
    if (ws) this.wb.removeWorksheet(ws.id);
    ws = this.wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    let r = 1;
    for (const [k, v] of Object.entries(merged)) {
      ws.getCell(r, 1).value = k;
      ws.getCell(r, 2).value = v;
      r++;
    }
  }
}
