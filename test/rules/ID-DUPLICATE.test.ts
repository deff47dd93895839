/**
 * @jest-environment node
 *
 * ID-DUPLICATE: two records of one profile and role with the same No. are both reported (error) on their No. cell,
 * each naming where the other is. 小平 調査票 sheets (No. in A5), the 評価一覧's rows (B), the 推進プログラム's rows (A)
 * and the 三鷹 アクションプラン's items (A).
 */
import type { SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaList, kodairaSurvey, mitakaActions, programSheet } from "./harness";

const RULE = "ID-DUPLICATE";

/** A 小平 調査票 on sheet `sheetName` whose heading says `No.{id}`. */
const survey = (sheetName: string, id: string, over: Partial<SurveySheetInput> = {}) => kodairaSurvey({ sheetName, id, itemTitle: `取組${id}`, ...over });

describe("小平 調査票", () => {
  test("番号がすべて違えば指摘しない（主項目 No.2 と内訳 No.2-1、集計 No.2-1~2 も別の番号）", () => {
    const r = check("kodaira-chosahyo", [survey("No.1", "1"), survey("No.2", "2"), survey("No.2-1", "2-1"), survey("No.2-2", "2-2"), survey("No.2-1~2", "2-1~2")]);
    expect(r.of(RULE)).toEqual([]);
  });

  test("評価一覧の行とシートが同じ番号なのは重複ではない（役割が違う）", () => {
    expect(check("kodaira-chosahyo", [kodairaList([{ title: "取組1" }]), survey("No.1", "1")]).of(RULE)).toEqual([]);
  });

  test("2枚のシートが No.1: どちらのシートの A5 にも、もう一方のシートを示すエラー", () => {
    const r = check("kodaira-chosahyo", [survey("No.1", "1"), survey("No.1 (2)", "1"), survey("No.2", "2")]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "error", sheet: "No.1", cell: "A5", ja: "No.1 が重複しています（ほかに No.1 (2)）。番号を確認してください。" }),
      expect.objectContaining({ severity: "error", sheet: "No.1 (2)", cell: "A5", ja: "No.1 が重複しています（ほかに No.1）。番号を確認してください。" }),
    ]);
    expect(r.of(RULE)[0].en).toBe("No.1 appears more than once (also at No.1 (2)). Check the numbering.");
  });

  test("3枚が同じ番号なら、それぞれがほかの2枚を示す", () => {
    const r = check("kodaira-chosahyo", [survey("A", "3"), survey("B", "3"), survey("C", "3")]);
    expect(r.of(RULE).map((f) => [f.sheet, f.ja.match(/ほかに (.+?)）/)?.[1]])).toEqual([
      ["A", "B、C"],
      ["B", "A、C"],
      ["C", "A、B"],
    ]);
  });

  test("同じ番号が多くのシートにあれば、ほかの場所は5か所まで示し残りは数で言う（英語は英語の区切りで）", () => {
    const names = ["A", "B", "C", "D", "E", "F", "G", "H"];
    const r = check("kodaira-chosahyo", names.map((n) => survey(n, "3")));
    expect(r.of(RULE)).toHaveLength(8);
    expect(r.of(RULE)[0].ja).toBe("No.3 が重複しています（ほかに B、C、D、E、F ほか 2 か所）。番号を確認してください。");
    expect(r.of(RULE)[7].en).toBe("No.3 appears more than once (also at A, B, C, D, E and 2 more). Check the numbering.");
    const six = check("kodaira-chosahyo", names.slice(0, 6).map((n) => survey(n, "3")));
    expect(six.of(RULE)[0].en).toBe("No.3 appears more than once (also at B, C, D, E, F). Check the numbering.");
  });

  test("評価一覧で No. が2行に: 各行の No. のセルに、もう一方の行をセル番地で示す", () => {
    const r = check("kodaira-chosahyo", [kodairaList([{ no: 1, title: "取組1" }, { no: 1, title: "取組1" }, { no: 2, title: "取組2" }]), survey("No.1", "1"), survey("No.2", "2")]);
    expect(r.cells(RULE)).toEqual(["評価一覧!B5", "評価一覧!B6"]);
    expect(r.of(RULE)[0].ja).toContain("（ほかに 評価一覧!B6）");
  });
});

describe("ほかの様式", () => {
  test("推進プログラム: 番号の違う行は指摘せず、同じ番号の2行はそれぞれの A 列に", () => {
    expect(check("kodaira-program", programSheet([{}, {}])).of(RULE)).toEqual([]);
    const r = check("kodaira-program", programSheet([{ no: 1 }, { no: 1 }]));
    expect(r.of(RULE).map((f) => [f.cell, f.severity, f.ja])).toEqual([
      ["A6", "error", "No.1 が重複しています（ほかに 推進プログラム!A7）。番号を確認してください。"],
      ["A7", "error", "No.1 が重複しています（ほかに 推進プログラム!A6）。番号を確認してください。"],
    ]);
  });

  test("三鷹 アクションプラン: 同じ番号 1-(1) の2項目はそれぞれの番号のセル（A5・A9）に", () => {
    expect(check("mitaka-actionplan", mitakaActions([{}, {}])).of(RULE)).toEqual([]);
    const r = check("mitaka-actionplan", mitakaActions([{ id: "1-(1)" }, { id: "1-(1)" }]));
    expect(r.cells(RULE)).toEqual(["A5", "A9"]);
    expect(r.of(RULE)[0].ja).toContain("1-(1) が重複しています");
  });
});
