/**
 * @jest-environment node
 *
 * `chosahyo validate seeds/kodaira-h29-list-as-printed.xlsx`: the 小平 調査票 with its 評価一覧 laid out as the city
 * prints it (the number at the start of the title cell, `2 【新規】【フォローアップ】 協働事業の推進`, under a 項目
 * header that spans the 方針 and item columns, the header repeated where the second page starts). It must read as
 * the canonical sample seeds/kodaira-h29.xlsx does: the 43 rows, the same 評価集計, the same findings.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookSnapshot } from "../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import type { SheetSpec } from "../src/core/sheet-spec";
import { buildSummaries, summaryItems } from "../src/core/summary";
import { validateWorkbook, type ValidationReport } from "../src/core/validate";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import { kodairaSeed, ROOT } from "./helpers/grid";

interface ItemJson {
  no: number;
  title: string;
  tags: string[];
  policy: string;
  repost_of: number | null;
}

const items = JSON.parse(readFileSync(path.join(ROOT, "seeds", "data", "kodaira", "items.json"), "utf8")) as ItemJson[];

async function load(file: string): Promise<WorkbookSnapshot> {
  return (await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", file)))).readAll();
}

let printed: ValidationReport;
let canonical: ValidationReport;

beforeAll(async () => {
  printed = validateWorkbook(await load("kodaira-h29-list-as-printed.xlsx"), { profiles: BUILT_IN_PROFILES });
  canonical = validateWorkbook(await kodairaSeed(), { profiles: BUILT_IN_PROFILES });
});

const listRows = (r: ValidationReport) => r.records.filter((x) => x.role === "list");

describe("seeds/kodaira-h29-list-as-printed.xlsx", () => {
  test("評価一覧と58枚の調査票がすべて認識され、一覧は43行すべて読める", () => {
    expect(printed.sheets).toHaveLength(59);
    expect(printed.sheets.every((s) => s.status === "recognised" && s.profileId === "kodaira-chosahyo")).toBe(true);
    expect(printed.sheets.find((s) => s.name === "評価一覧")?.layoutId).toBe("list");
    expect(listRows(printed)).toHaveLength(43);
    expect(printed.records.filter((r) => r.role === "records")).toHaveLength(58);
  });

  test("番号は取組項目のセルの先頭から読み、題名には番号も【新規】【フォローアップ】も残らない", () => {
    const rows = listRows(printed);
    expect(rows.map((r) => r.id?.text)).toEqual(items.map((it) => String(it.no)));
    expect(rows.map((r) => r.title?.text)).toEqual(items.map((it) => it.title));
    expect(rows.map((r) => r.tags)).toEqual(items.map((it) => it.tags));
    expect(rows.map((r) => r.repostOf ?? null)).toEqual(items.map((it) => (it.repost_of === null ? null : String(it.repost_of))));
    // The 方針 cells are merged down their rows; 執行体制の再構築 starts again under the second page's header.
    expect(rows.map((r) => r.group?.text)).toEqual(items.map((it) => it.policy));
    // The id points at the cell it was read from: item 2's title cell, B16 (the list starts on row 15).
    expect(rows[1].id?.cell).toEqual({ row: 15, col: 1 });
    expect(rows[1].idWritten).toBeUndefined();
  });

  test("評価一覧の各行は元の見本の一覧と同じ項目になる（番号・題名・タグ・方針・所管課・評価・再掲）", () => {
    const strip = (r: ValidationReport) =>
      summaryItems(r.records, BUILT_IN_PROFILES).map((i) => ({
        id: i.id,
        title: i.title,
        tags: i.tags,
        group: i.group,
        departments: i.departments.map((d) => d.name),
        listDepartments: i.listRow?.departments?.list.departments.map((d) => d.name),
        eval1: i.eval1,
        eval2: i.eval2,
        listEval: [i.listRow?.codes.eval1?.parsed.code, i.listRow?.codes.eval2?.parsed.code],
        repostOf: i.repostOf,
        sheet: i.record?.sheet,
      }));
    const a = strip(printed);
    expect(a).toHaveLength(43);
    expect(a).toEqual(strip(canonical));
  });

  test("評価集計は元の見本と同じ 2 / 29 / 10（再掲を除く41項目）", () => {
    const at = new Date(2026, 10, 22, 9, 30);
    const table = (r: ValidationReport) => crosstabByGroup(buildSummaries({ records: r.records, findings: r.findings, fiscalYear: r.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: at }));
    const t = table(printed);
    expect(t["地域協働の推進"]).toEqual([1, 4, 2, 0, 7]);
    expect(t["情報の共有と双方向のコミュニケーション"]).toEqual([0, 1, 2, 0, 3]);
    expect(t["PDCAサイクルの構築"]).toEqual([0, 4, 2, 0, 6]);
    expect(t["財政基盤の強化"]).toEqual([1, 8, 4, 0, 13]);
    expect(t["執行体制の再構築"]).toEqual([0, 12, 0, 0, 12]);
    expect(t["計"]).toEqual([2, 29, 10, 0, 41]);
    expect(t).toEqual(table(canonical));
  });

  test("一覧の食い違いは元の見本と同じ5件で、この並びの対応するセルに出る", () => {
    const list = (r: ValidationReport) => r.findings.filter((f) => f.ruleId === "LIST-MISMATCH");
    // Titles of items 9, 10, 23, 25 are in column B here (C in the canonical list), No.40's departments in C (D):
    // rows 15-44 hold items 1-30, the header repeats on rows 45-46, items 31-43 follow from row 47.
    expect(list(printed).map((f) => `${f.recordId} ${f.cell}`)).toEqual(["9 B23", "10 B24", "23 B37", "25 B39", "40 C56"]);
    expect(list(canonical).map((f) => `${f.recordId} ${f.cell}`)).toEqual(["9 C13", "10 C14", "23 C27", "25 C29", "40 D44"]);
    expect(list(printed).map((f) => f.message)).toEqual(list(canonical).map((f) => f.message));
  });

  test("一覧以外の指摘は元の見本とまったく同じで、一覧には食い違いのほかに指摘がない", () => {
    const key = (f: ValidationReport["findings"][number]) => `${f.ruleId} ${f.sheet} ${f.cell} ${f.message.ja}`;
    const onSheets = (r: ValidationReport) => r.findings.filter((f) => f.sheet !== "評価一覧").map(key);
    expect(onSheets(printed)).toEqual(onSheets(canonical));
    expect(printed.findings.filter((f) => f.sheet === "評価一覧").map((f) => f.ruleId)).toEqual(Array(5).fill("LIST-MISMATCH"));
  });
});

/** The 評価集計 table under its 方針 header: label → S, A, B, 未評価, 計 (a total's cached value). */
function crosstabByGroup(specs: readonly SheetSpec[]): Record<string, (number | string | undefined)[]> {
  const spec = specs.find((s) => s.name === "評価集計")!;
  const at = new Map(spec.cells.map((c) => [`${c.row},${c.col}`, c.value] as const));
  const value = (row: number, col: number) => {
    const v = at.get(`${row},${col}`);
    if (!v) return undefined;
    if (v.t === "number" || v.t === "text") return v.v;
    return v.t === "formula" ? v.cached : undefined;
  };
  const head = spec.cells.find((c) => c.col === 0 && c.value.t === "text" && c.value.v === "方針")!.row;
  const out: Record<string, (number | string | undefined)[]> = {};
  for (let r = head + 1; value(r, 0) !== undefined; r++) out[String(value(r, 0))] = [1, 2, 3, 4, 5].map((c) => value(r, c));
  return out;
}
