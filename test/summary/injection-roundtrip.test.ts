/**
 * @jest-environment node
 *
 * Security and reliability: text from cells lands in generated sheets as text, never as a formula; and
 * generating the summaries leaves every other sheet as it was (values, formulas, merges, validations, styles).
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries, SUMMARY_SHEETS } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { injectedSample, INJECTIONS } from "../helpers/injected-sample";

export { injectedSample, INJECTIONS };

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function generate(bytes: Uint8Array): Promise<{ before: ExcelJS.Workbook; after: ExcelJS.Workbook; written: string[] }> {
  const book = await XlsxWorkbook.load(bytes);
  const rep = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
  const written: string[] = [];
  for (const s of buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: new Date() })) {
    written.push((await book.writeOwnedSheet(s)).name);
  }
  return { before: await load(bytes), after: await load(await book.toBytes()), written };
}

function cellText(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as unknown;
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
  return undefined;
}

describe("数式の注入: セルの文字列は集計シートに文字列として書く", () => {
  let written: string[];
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    ({ after, written } = await generate(await injectedSample()));
  });

  test("保存したファイルで、注入文字列はどの集計シートでも数式ではなく元どおりの文字列", () => {
    const seen = new Map<string, Set<string>>();
    for (const name of written) {
      const ws = after.getWorksheet(name)!;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const text = cellText(cell);
          if (cell.formula) expect(INJECTIONS).not.toContain(cell.formula.replace(/^=?/, "="));
          if (text === undefined || !INJECTIONS.includes(text)) return;
          expect(cell.formula).toBeFalsy();
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.SharedString, ExcelJS.ValueType.Hyperlink, ExcelJS.ValueType.RichText]).toContain(cell.type);
          if (!seen.has(text)) seen.set(text, new Set());
          seen.get(text)!.add(name);
        }),
      );
    }
    // Every string reached a generated sheet and read back exactly as in the source.
    expect(INJECTIONS.filter((s) => !seen.has(s))).toEqual([]);
    expect(seen.get(INJECTIONS[0])).toEqual(new Set(["評価一覧 (2)", "指標達成状況"]));
    expect(seen.get("+1")).toContain("評価集計"); // the department as a row label of the by-department table
    expect(seen.get("@SUM(A1)")).toContain("指標達成状況"); // the indicator name
  });

  test("集計シートの数式は、この追加が作る合計の数式だけ", () => {
    for (const name of written) {
      after.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) expect(cell.formula).toMatch(/^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|IF\([A-Z]+\d+=0,0,[A-Z]+\d+\/[A-Z]+\d+\))$/);
        }),
      );
    }
  });
});

describe("ラウンドトリップ: 集計シート以外は何も変わらない", () => {
  test("値・数式・結合・入力規則・書式・列幅・行の高さが一致する", async () => {
    const { before, after, written } = await generate(new Uint8Array(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"))));
    expect(written.length).toBeGreaterThanOrEqual(4);
    const generated = new Set([...written, "_chosahyo"]);
    const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name).filter((n) => !generated.has(n));
    expect(names(after)).toEqual(names(before));
    let cells = 0;
    for (const ws of before.worksheets) {
      const other = after.getWorksheet(ws.name)!;
      const dump = (s: ExcelJS.Worksheet) => {
        const out: unknown[] = [];
        s.eachRow({ includeEmpty: true }, (row, r) => {
          out.push({ r, height: row.height });
          row.eachCell({ includeEmpty: true }, (cell, c) => {
            out.push({ r, c, value: cell.value, formula: cell.formula, style: cell.style, validation: cell.dataValidation });
          });
        });
        return out;
      };
      const a = dump(ws);
      cells += a.length;
      expect(JSON.parse(JSON.stringify(dump(other)))).toEqual(JSON.parse(JSON.stringify(a)));
      const merges = (s: ExcelJS.Worksheet) => Object.keys((s as unknown as { _merges: Record<string, unknown> })._merges).sort();
      expect(merges(other)).toEqual(merges(ws));
      expect(other.columns?.map((c) => c.width)).toEqual(ws.columns?.map((c) => c.width));
    }
    expect(cells).toBeGreaterThan(5000);
    expect(SUMMARY_SHEETS).toContain("評価集計");
  });
});
