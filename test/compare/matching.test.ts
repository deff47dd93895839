/**
 * @jest-environment node
 *
 * How items pair across the years (docs/compare.md), on small 小平 調査票 sheets: by No. with a like title, by a like
 * title (renumbered), by No. alone (retitled); split and merged items are reported as such, not as removed and added;
 * ended and restarted from the profile's marks; and the pairs the comparison refuses, with the reason in words.
 */
import { compareYears } from "../../src/core/compare/compare";
import { describeCompareRefusal } from "../../src/core/compare/describe";
import type { SheetGrid } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { validateWorkbook } from "../../src/core/validate";
import { kodairaSurvey, musashinoSheet } from "../rules/harness";

const H29 = "第3次行財政再構築進捗状況調査票（平成29年度末）";
const H30 = "第3次行財政再構築進捗状況調査票（平成30年度末）";
const survey = (title: string, id: string, itemTitle: string, over: Partial<SurveySheetInput> = {}) => kodairaSurvey({ title, sheetName: `No.${id}`, id, itemTitle, ...over });
const read = (sheets: readonly SheetGrid[]) => validateWorkbook({ sheets: [...sheets], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
const compare = (last: readonly SheetGrid[], now: readonly SheetGrid[]) => compareYears(read(last), read(now), BUILT_IN_PROFILES);
const rows = (last: readonly SheetGrid[], now: readonly SheetGrid[]) => {
  const r = compare(last, now);
  if (!r.ok) throw new Error(r.refusal.kind);
  return r.comparison.items.map((x) => [x.change, x.matchedBy ?? null, x.last?.id ?? null, x.this?.id ?? null, (x.partners ?? []).map((p) => p.id)]);
};

test("番号と名称、名称（番号の変更）、番号だけ（名称の変更）の順に対にする", () => {
  const last = [survey(H29, "1", "事務事業の見直し"), survey(H29, "2", "窓口サービスの改善"), survey(H29, "3", "補助金の効果の検証")];
  const now = [survey(H30, "1", "事務事業の見直し"), survey(H30, "4", "窓口サービスの改善"), survey(H30, "3", "補助金の適正化")];
  expect(rows(last, now)).toEqual([
    ["continued", "id", "1", "1", []],
    ["continued", "title", "2", "4", []],
    ["continued", "id-only", "3", "3", []],
  ]);
});

test("番号も名称も変わった1件1シートの項目は、同じシートの名前で対になる（全角と半角、大文字と小文字の違いは Excel と同じく問わない）", () => {
  const last = [survey(H29, "1", "事務事業の見直し"), survey(H29, "7", "公共施設の点検"), survey(H29, "9", "窓口サービスの改善")];
  const now = [
    survey(H30, "1", "事務事業の見直し"),
    survey(H30, "8", "地域包括ケアの推進", { sheetName: "Ｎｏ．７" }),
    survey(H30, "10", "電子申請の拡充", { sheetName: "NO.9" }),
  ];
  expect(rows(last, now)).toEqual([
    ["continued", "id", "1", "1", []],
    ["continued", "sheet", "7", "8", []],
    ["continued", "sheet", "9", "10", []],
  ]);
});

test("番号が入れ替わっても、名称で正しく対になる（No.2 と No.3 の入れ替え）", () => {
  const last = [survey(H29, "2", "窓口サービスの改善"), survey(H29, "3", "補助金の効果の検証")];
  const now = [survey(H30, "2", "補助金の効果の検証"), survey(H30, "3", "窓口サービスの改善")];
  expect(rows(last, now)).toEqual([
    ["continued", "title", "3", "2", []],
    ["continued", "title", "2", "3", []],
  ]);
});

test("分割: 前年度の No.5 が今年度 No.5-1 と No.5-2 に", () => {
  const last = [survey(H29, "1", "事務事業の見直し"), survey(H29, "5", "施設のあり方の検討")];
  const now = [survey(H30, "1", "事務事業の見直し"), survey(H30, "5-1", "施設のあり方の検討（保育園）"), survey(H30, "5-2", "施設のあり方の検討（図書館）")];
  expect(rows(last, now)).toEqual([
    ["continued", "id", "1", "1", []],
    ["split", null, "5", "5-1", ["5-2"]],
    ["split", null, "5", "5-2", ["5-1"]],
  ]);
});

test("統合: 前年度の2件が今年度の1件に（名称が両方を含む）", () => {
  const last = [survey(H29, "1", "事務事業の見直し"), survey(H29, "6", "公共施設の点検"), survey(H29, "7", "公共施設の修繕")];
  const now = [survey(H30, "1", "事務事業の見直し"), survey(H30, "6", "公共施設の点検と公共施設の修繕の一体化")];
  expect(rows(last, now)).toEqual([
    ["continued", "id", "1", "1", []],
    ["merged", null, "6", "6", ["7"]],
    ["merged", null, "7", "6", ["6"]],
  ]);
});

test("終了と再開: (A) に「完了」と書いた取組は、なくなっても終了。前年度に終了とした取組が続けば再開", () => {
  const last = [survey(H29, "1", "事務事業の見直し", { next: "完了" }), survey(H29, "2", "窓口サービスの改善", { next: "廃止（No.1に統合）" }), survey(H29, "3", "補助金の効果の検証")];
  const now = [survey(H30, "2", "窓口サービスの改善"), survey(H30, "3", "補助金の効果の検証", { next: "完了" })];
  expect(rows(last, now)).toEqual([
    ["restarted", "id", "2", "2", []],
    ["ended", "id", "3", "3", []],
    ["ended", null, "1", null, []],
  ]);
});

test("武蔵野: ◎（完了）の事業が今年度にないのは終了、○ の事業がないのは「前年度のみ」", () => {
  const plan = (status: string) => [{ cells: ["検討", "実施", "→", "→"], status }];
  const last = [musashinoSheet([{ name: "事業A", plans: plan("◎") }, { name: "事業B", plans: plan("○") }, { name: "事業C", plans: plan("○") }])];
  const now = [musashinoSheet([{ name: "事業C", plans: plan("○") }])];
  const r = compare(last, now);
  if (!r.ok) throw new Error(r.refusal.kind);
  expect(r.comparison.items.map((x) => [x.change, (x.this ?? x.last)?.name])).toEqual([
    ["continued", "事業C"],
    ["ended", "事業A"],
    ["removed", "事業B"],
  ]);
});

describe("比較を断る", () => {
  const kodaira = [survey(H29, "1", "事務事業の見直し")];
  const refusal = (last: readonly SheetGrid[], now: readonly SheetGrid[]) => {
    const r = compare(last, now);
    if (r.ok) throw new Error("not refused");
    return [r.refusal.kind, describeCompareRefusal(r.refusal).ja];
  };

  test("様式が違う（小平の調査票と武蔵野の取組状況）", () => {
    expect(refusal(kodaira, [musashinoSheet([{ name: "事業A" }])])).toEqual([
      "different-profiles",
      "前年度のブック（kodaira-chosahyo）と今年度のブック（musashino-torikumi）は様式が違うため、比較できません。",
    ]);
  });

  test("前年度として渡したブックのほうが新しい・同じ年度", () => {
    expect(refusal([survey(H30, "1", "事務事業の見直し")], kodaira)).toEqual([
      "not-later",
      "前年度として指定したブックが平成30年度、今年度として指定したブックが平成29年度です。前年度のブックを先に、今年度のブックを後に指定してください。",
    ]);
    expect(refusal(kodaira, kodaira)[0]).toBe("not-later");
  });

  test("計画期間が重ならない（第3次の平成29〜32年度と、次の計画の令和3〜6年度）", () => {
    const next = survey("第4次行財政再構築進捗状況調査票（令和3年度末）", "1", "事務事業の見直し", {
      headers: { baseline: "現状値", actual: "下半期値", years: ["令和3年度", "令和4年度", "令和5年度", "令和6年度"], plan: "令和3年度 当初予定(P)", yearlyResults: ["令和3年度実績", "令和4年度実績", "令和5年度実績", "令和6年度実績"] },
    });
    expect(refusal(kodaira, [next])).toEqual([
      "different-plans",
      "計画期間が前年度のブック（平成29年度〜令和2年度）と今年度のブック（令和3年度〜令和6年度）で重なりません。別の計画のブックは比較できません。",
    ]);
  });

  test("共通の取組が1件もない", () => {
    expect(refusal(kodaira, [survey(H30, "9", "まったく別の取組")])).toEqual([
      "no-common-items",
      "前年度のブック（1 件）と今年度のブック（1 件）に共通の取組が1件もありません。同じ計画のブックか確認してください。",
    ]);
  });
});
