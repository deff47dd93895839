/**
 * @jest-environment node
 *
 * Summary sheets generated from seeds/musashino-h29.xlsx, checked in the saved file as a user would open it, against
 * the figures of docs/summaries.md (武蔵野 取組状況, by 基本方針), which seeds/data/musashino/summary_expected.json
 * holds as counted from the source text.
 */
import { tableBelow } from "../summary/helpers";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { linkAt } from "../helpers/exceljs-book";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { editedSeed, recordCells, seedBytes } from "./helpers";

const AT = new Date(2026, 10, 22, 9, 30);

interface Expected {
  by_policy: Record<string, { projects: number; plan_rows: number; projects_by_status: Record<string, number>; plan_rows_by_status: Record<string, number> }>;
  by_department: Record<string, { projects: number; projects_by_status: Record<string, number> }>;
}
const expected = JSON.parse(readFileSync(path.join(ROOT, "seeds", "data", "musashino", "summary_expected.json"), "utf8")) as Expected;

async function generate(snapshot?: WorkbookSnapshot) {
  const book = await XlsxWorkbook.load(seedBytes());
  const rep = validateWorkbook(snapshot ?? (await book.readAll()), { profiles: BUILT_IN_PROFILES });
  const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT });
  await book.writeOwnedSheets(specs);
  const saved = await book.toBytes();
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(saved as unknown as ArrayBuffer);
  return { reopened, specs, saved };
}


const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
/** The policy's Roman numeral: the sheet writes the heading as read (`II:市民視点に…`), the data as `II：…`. */
const roman = (label: string) => /^([IVX]+)\s*[:：]/.exec(String(label))?.[1];

let reopened: ExcelJS.Workbook;
let saved: Uint8Array;
beforeAll(async () => {
  ({ reopened, saved } = await generate());
});

describe("評価集計 (docs/summaries.md の表を再現する)", () => {
  test("基本方針別: 79事業、◎ 13・○ 66・△ 0・× 0。計は数式", () => {
    const ws = reopened.getWorksheet("評価集計")!;
    const t = tableBelow(ws, "基本方針");
    expect(t.header).toEqual(["基本方針", "◎", "○", "△", "×", "未記入", "計"]);
    expect(t.rows.map((r) => roman(String(r[0])) ?? r[0])).toEqual([...ROMAN, "計", "割合"]);
    // docs/summaries.md: I 13 (1/12), II 10 (2/8), III 9 (2/7), IV 5 (1/4), V 30 (6/24), VI 12 (1/11), 計 79 (13/66).
    const byRoman = Object.fromEntries(t.rows.slice(0, 6).map((r) => [roman(String(r[0])), r.slice(1)]));
    expect(byRoman).toEqual({
      I: [1, 12, 0, 0, 0, 13],
      II: [2, 8, 0, 0, 0, 10],
      III: [2, 7, 0, 0, 0, 9],
      IV: [1, 4, 0, 0, 0, 5],
      V: [6, 24, 0, 0, 0, 30],
      VI: [1, 11, 0, 0, 0, 12],
    });
    expect(t.rows[6].slice(1)).toEqual([13, 66, 0, 0, 0, 79]);
    expect(t.formulas[6].slice(1)).toEqual(["SUM(B5:B10)", "SUM(C5:C10)", "SUM(D5:D10)", "SUM(E5:E10)", "SUM(F5:F10)", "SUM(G5:G10)"]);
    // The same figures as counted from the source text (summary_expected.json, by_policy).
    for (const [label, e] of Object.entries(expected.by_policy)) {
      expect([roman(label), ...byRoman[roman(label)!].slice(0, 4), byRoman[roman(label)!][5]]).toEqual([roman(label), e.projects_by_status["◎"], e.projects_by_status["○"], e.projects_by_status["△"], e.projects_by_status["×"], e.projects]);
    }
    expect(String(ws.getCell("A2").value)).toContain("読み取った記録: 79件");
    expect(String(ws.getCell("A2").value)).toContain("エラーの指摘: 0件");
  });

  test("年次計画の行ごと: 84行、◎ 13・○ 71", () => {
    const t = tableBelow(reopened.getWorksheet("評価集計")!, "基本方針（年次計画の行）");
    expect(t.rows[6].slice(1)).toEqual([13, 71, 0, 0, 0, 84]);
    for (const [label, e] of Object.entries(expected.by_policy)) {
      const row = t.rows.find((r) => roman(String(r[0])) === roman(label))!;
      expect([roman(label), row[1], row[2], row[6]]).toEqual([roman(label), e.plan_rows_by_status["◎"], e.plan_rows_by_status["○"], e.plan_rows]);
    }
  });

  test("担当課別: summary_expected.json の by_department と同じ（企画調整課 21 = ◎3 ○18、各課 16 は別の行）", () => {
    const t = tableBelow(reopened.getWorksheet("評価集計")!, "所管課");
    const rows = new Map(t.rows.map((r) => [String(r[0]), r.slice(1)] as const));
    expect(rows.get("企画調整課")).toEqual([3, 18, 0, 0, 0, 21]);
    expect(rows.get("各課（課を特定しない記載）")).toEqual([1, 15, 0, 0, 0, 16]);
    for (const [dept, e] of Object.entries(expected.by_department)) {
      const label = dept === "各課" ? "各課（課を特定しない記載）" : dept;
      expect([dept, rows.get(label)]).toEqual([dept, [e.projects_by_status["◎"], e.projects_by_status["○"], e.projects_by_status["△"], e.projects_by_status["×"], 0, e.projects]]);
    }
    // 36 names (35 departments and 各課), 136 department-project pairs.
    expect(t.rows).toHaveLength(36 + 1);
    expect(rows.get("延べ計")).toEqual([22, 114, 0, 0, 0, 136]);
    const labels = t.rows.map((r) => String(r[0]));
    expect(labels[labels.length - 2]).toBe("各課（課を特定しない記載）");
  });
});

describe("未着手・中止一覧", () => {
  test("見本には △/× がないので「該当なし」", () => {
    const ws = reopened.getWorksheet("未着手・中止一覧")!;
    const t = tableBelow(ws, "基本方針");
    expect(t.header).toEqual(["基本方針", "項", "細目", "事業名", "担当課", "年次計画の項目", "実施状況", "未着手・中止の理由", "理由の記入"]);
    expect(t.rows.map((r) => r[0])).toEqual(["該当なし"]);
  });

  test("#25 の2行目を × にすると、その年次計画の行が1行、補助項目と「記入なし」つきで載る", async () => {
    const s = recordCells(25).plans[1];
    const { reopened: wb, saved: edited } = await generate(await editedSeed([{ row: s.statusRow, col: s.statusCol, value: "×" }]));
    const ws = wb.getWorksheet("未着手・中止一覧")!;
    const t = tableBelow(ws, "基本方針");
    expect(t.rows).toHaveLength(1);
    const [group, section, subsection, , depts, item, status, reason, flag] = t.rows[0];
    const name = linkAt(edited, "未着手・中止一覧", t.headerRow + 1, 4);
    expect([roman(String(group)), section, subsection]).toEqual(["III", "1. 市民に届く情報提供と市民要望に的確に応える仕組みづくり", "(1) 市民視点に立った市政情報の提供"]);
    expect([depts, item, status, reason ?? null, flag]).toEqual(["秘書広報課・防災課", "防災情報システム", "×", null, "記入なし"]);
    // The 事業名 links to the status cell of that row.
    expect(name.hyperlink).toBe(`#'取組状況'!C${s.statusRow + 1}`);
    // 評価集計 counts the project by its least advanced row (×), and the plan rows one by one.
    const byPolicy = tableBelow(wb.getWorksheet("評価集計")!, "基本方針");
    expect(byPolicy.rows.find((r) => roman(String(r[0])) === "III")!.slice(1)).toEqual([2, 6, 0, 1, 0, 9]);
    const byRow = tableBelow(wb.getWorksheet("評価集計")!, "基本方針（年次計画の行）");
    expect(byRow.rows.find((r) => roman(String(r[0])) === "III")!.slice(1)).toEqual([2, 8, 0, 1, 0, 11]);
  });
});

describe("評価一覧", () => {
  test("79事業を1行ずつ（目次の行は別の事業として数えない）、事業名は取組状況のセルへリンクする", () => {
    const ws = reopened.getWorksheet("評価一覧")!;
    const t = tableBelow(ws, "基本方針");
    expect(t.rows).toHaveLength(79);
    expect(t.header).toContain("実施状況");
    const first = linkAt(saved, "評価一覧", 5, 3);
    expect(first.text).toBe("自治体運営に関する基本的なルールの条例化検討");
    expect(first.hyperlink).toBe(`#'取組状況'!B${recordCells(1).nameRow + 1}`);
  });
});
