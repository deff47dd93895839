/**
 * @jest-environment node
 *
 * DEPT-UNKNOWN: when the workbook has a 所管課マスタ sheet, a department a record names that is not on it is reported
 * (warning) on the record's department cell, naming every unknown one. Wildcards (各課, 全課, 各所管課) are not
 * departments. On a 小平 調査票 (所管課 in C8), the 三鷹 アクションプラン (担当 in C of the item's row) and the
 * 武蔵野 取組状況 (担当課 in B2).
 */
import type { SheetGrid } from "../../src/core/model/grid";
import { check, kodairaSurvey, mitakaActions, musashinoSheet, sheet } from "./harness";

const RULE = "DEPT-UNKNOWN";

const MASTER: SheetGrid = sheet("所管課マスタ", [["所管課"], ["行政経営課"], ["財政課"], ["企画経営課"], ["企画調整課"]]);
const kodaira = (departments: string, others: SheetGrid[] = [MASTER]) => check("kodaira-chosahyo", kodairaSurvey({ departments }), { others });

describe("指摘しない", () => {
  test.each([
    ["マスタにある課", "行政経営課"],
    ["マスタにある課を複数", "行政経営課 財政課"],
    ["全角・半角の空白の違いだけ", "行政経営課　財政課"],
    ["「各課」はワイルドカード", "各課"],
    ["「全課」もワイルドカード", "全課"],
  ])("%s（%s）", (_, departments) => {
    expect(kodaira(departments).of(RULE)).toEqual([]);
  });

  test("所管課マスタのシートがなければ、どの課も比べない", () => {
    expect(kodaira("謎の課", []).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("マスタにない課: 所管課のセル C8 に、その課名を示す警告", () => {
    const r = kodaira("行政経営課 市民課");
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "warning", sheet: "No.1", cell: "C8", ja: "所管課「市民課」が所管課マスタにありません。課名を確認してください。" }),
    ]);
    expect(r.of(RULE)[0].en).toBe('Department "市民課" is not in 所管課マスタ. Check the name.');
  });

  test("マスタにない課が2つなら、1件の指摘に両方の名前", () => {
    expect(kodaira("市民課 財政課 契約課").of(RULE).map((f) => f.ja)).toEqual(["所管課「市民課、契約課」が所管課マスタにありません。課名を確認してください。"]);
    // In English the names are listed with a comma, not with 、.
    expect(kodaira("市民課 財政課 契約課").of(RULE)[0].en).toContain("市民課, 契約課");
  });

  test("三鷹 アクションプラン: 2つ目の項目の担当課（C9）", () => {
    const r = check("mitaka-actionplan", mitakaActions([{}, { departments: "企画課" }]), { others: [MASTER] });
    expect(r.cells(RULE)).toEqual(["アクションプラン!C9"]);
    expect(r.of(RULE)[0].ja).toContain("「企画課」が所管課マスタにありません");
  });

  test("武蔵野 取組状況: 担当課のセル B2 に、欄の名前（担当課）とともに", () => {
    const r = check("musashino-torikumi", musashinoSheet([{ departments: "企画調整課・資産活用課" }]), { others: [MASTER] });
    expect(r.of(RULE).map((f) => [f.cell, f.ja])).toEqual([["B2", expect.stringContaining("「資産活用課」が所管課マスタにありません")]]);
    expect(r.of(RULE)[0].ja).toContain("担当課");
  });
});
