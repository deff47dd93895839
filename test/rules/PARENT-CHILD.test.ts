/**
 * @jest-environment node
 *
 * PARENT-CHILD on a 小平 item with sub-sheets (kodaira-chosahyo: No.2 with No.2-1, No.2-2, and the aggregate
 * No.2-1~2): the parent's rating outside its sub-sheets' range with no comment (on the parent's F8); the parent's
 * 所管課 not the union of the sub-sheets' (C8); a sub-sheet's copy of the parent's (or aggregate's) 現状値 or 目標値
 * that differs (on the sub-sheet's cell, C5 or D5); a sub-sheet left unrated under a rated parent, where the profile
 * does not already require the rating (F8 of the sub-sheet).
 */
import type { Profile } from "../../src/core/profile/types";
import { builtInProfile } from "../../src/core/profiles";
import type { IndicatorRowInput, SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey } from "./harness";

const RULE = "PARENT-CHILD";

const rated = (rating: string | null, comment: string | null = null) => ({ eval1: { rating, comment } });
const survey = (id: string, over: Partial<SurveySheetInput> = {}) => kodairaSurvey({ sheetName: `No.${id}`, id, itemTitle: `取組${id}`, ...over });
const reviews = (baseline: number | string, target: number | string = 20): IndicatorRowInput => ({ label: "見直し件数", baseline, target, actual: 15 });

/** No.2 and its sub-sheets No.2-1, No.2-2, each A with a comment, 行政経営課, 見直し件数 10 → 20 unless given. */
function family(parent: Partial<SurveySheetInput>, one: Partial<SurveySheetInput> = {}, two: Partial<SurveySheetInput> = {}, profile: string | Profile = "kodaira-chosahyo") {
  return check(profile, [survey("2", parent), survey("2-1", one), survey("2-2", two)]);
}

describe("指摘しない", () => {
  test("評価・所管課・指標の値が内訳とそろっている", () => {
    expect(family({}).of(RULE)).toEqual([]);
  });

  test("親の評価が内訳の評価の範囲内（A が S〜B の間）", () => {
    expect(family(rated("A"), rated("S", "前倒し"), rated("B", "遅れ")).of(RULE)).toEqual([]);
  });

  test("範囲外の評価でも、コメントで理由を書いていれば", () => {
    expect(family(rated("S", "全体として前倒しで進んだ。"), rated("A", "x"), rated("B", "y")).of(RULE)).toEqual([]);
  });

  test("親の所管課が内訳の所管課を合わせたものと同じ（順序は問わない）", () => {
    const r = family({ departments: "財政課 行政経営課" }, { departments: "行政経営課" }, { departments: "財政課" });
    expect(r.of(RULE)).toEqual([]);
  });

  test("内訳の値が親と同じ値で、空白の入れ方だけが違う（10件 と 10 件）", () => {
    expect(family({ indicators: [reviews("10件", "20件")] }, { indicators: [reviews("10 件", "20 件")] }).of(RULE)).toEqual([]);
  });

  test("内訳シートのない項目（No.1）は比べない", () => {
    expect(check("kodaira-chosahyo", [survey("1", { departments: "財政課", ...rated("S") })]).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("親が S、内訳が A と B、コメントなし: 親の評価のセル F8 に、内訳の評価の範囲を示す警告", () => {
    const r = family(rated("S"), rated("A", "x"), rated("B", "y"));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.2",
        cell: "F8",
        ja: "評価（S）が内訳シートの評価の範囲（A〜B）から外れていますが、コメントがありません。理由を記入してください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toBe("The rating (S) is outside the range of its sub-sheets' ratings (A〜B) and has no comment. Explain it.");
  });

  test("内訳がどちらも A なら範囲は「A」ひとつ", () => {
    const r = family(rated("B", null), rated("A", "x"), rated("A", "y"));
    expect(r.cells(RULE)).toEqual(["No.2!F8"]);
    expect(r.of(RULE)[0].ja).toContain("評価（B）が内訳シートの評価の範囲（A）から外れています");
  });

  test("親の所管課が内訳の合計と違う: 親の所管課のセル C8 に、不足と余分を示す", () => {
    const r = family({ departments: "行政経営課 契約課" }, { departments: "行政経営課" }, { departments: "財政課" });
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.ja])).toEqual([["No.2", "C8", "所管課が内訳シートの所管課の合計と一致しません（不足: 財政課／余分: 契約課）。"]]);
  });

  test("余分だけなら不足は「—」", () => {
    const [f] = family({ departments: "行政経営課 財政課" }).of(RULE);
    expect(f.ja).toContain("（不足: —／余分: 財政課）");
  });

  test("内訳の現状値が親の値と違う: 内訳シートの C5 に、両方の値を示す", () => {
    const r = family({}, { indicators: [reviews(12)] });
    expect(r.of(RULE)).toEqual([expect.objectContaining({ sheet: "No.2-1", cell: "C5", ja: "現状値の「見直し件数」（12）がNo.2の値（10）と異なります。" })]);
  });

  test("内訳の目標値が違えば D5", () => {
    expect(family({}, {}, { indicators: [reviews(10, 25)] }).cells(RULE)).toEqual(["No.2-2!D5"]);
  });

  test("集計シート No.2-1~2 があれば、内訳の値は主項目ではなく集計と比べる", () => {
    const r = check("kodaira-chosahyo", [
      survey("2", { indicators: [reviews(99)] }),
      survey("2-1~2"),
      survey("2-1", { indicators: [reviews(11)] }),
      survey("2-2", { indicators: [reviews(99)] }),
    ]);
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.ja])).toEqual([
      ["No.2-1", "C5", "現状値の「見直し件数」（11）がNo.2-1~2の値（10）と異なります。"],
      ["No.2-2", "C5", "現状値の「見直し件数」（99）がNo.2-1~2の値（10）と異なります。"],
    ]);
  });

  test("1次評価を必須としない様式では、評価済みの親の下の評価のない内訳を、その内訳の F8 に示す", () => {
    const kodaira = builtInProfile("kodaira-chosahyo")!;
    const optional = {
      ...kodaira,
      layouts: kodaira.layouts.map((l) => (l.shape === "form" ? { ...l, fields: l.fields.map((f) => (f.id === "eval1" ? { ...f, required: "final-stage" } : f)) } : l)),
    } as Profile;
    const r = family({}, rated(null), {}, optional);
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.ja])).toEqual([["No.2-1", "F8", "No.2は評価済みですが、この内訳シートには評価がありません。"]]);
    // With the built-in profile the rating is required: REQUIRED-MISSING reports it, and this rule does not repeat it.
    const builtIn = family({}, rated(null));
    expect(builtIn.of(RULE)).toEqual([]);
    expect(builtIn.cells("REQUIRED-MISSING")).toEqual(["No.2-1!F8"]);
  });
});
