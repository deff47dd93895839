/**
 * @jest-environment node
 *
 * Field names in messages come from the record's own layout: 武蔵野 and the 推進プログラム name their fields as their
 * sheets do, while every field of the 小平 調査票 (whose words the catalogue holds) keeps the catalogue's name, so
 * its messages do not change.
 */
import { label, type LocalizedText, type MessageKey } from "../../src/core/i18n";
import { builtInProfile } from "../../src/core/profiles";
import { fieldLabel } from "../../src/core/rules/field-label";

const profile = (id: string) => builtInProfile(id)!;
const ja = (id: string, layoutId: string, field: string, labelsRead?: Record<string, string>): string => fieldLabel(profile(id), { layoutId, labelsRead }, field).ja;
const catalogue = (field: string): LocalizedText => label(`field.${field}` as MessageKey);

describe("fieldLabel", () => {
  test("小平 調査票: 調査票と評価一覧のどの項目もカタログの名前のまま", () => {
    const fields = ["id", "title", "purpose", "group", "departments", "plan", "result", "next", "eval1", "eval2", "eval1Comment", "eval2Comment", "indicator", "baseline", "target", "actual", "task", "schedule", "yearlyResults"];
    for (const layoutId of ["survey", "list"]) {
      for (const f of fields) expect([layoutId, f, fieldLabel(profile("kodaira-chosahyo"), { layoutId }, f)]).toEqual([layoutId, f, catalogue(f)]);
    }
  });

  test("武蔵野 取組状況: シートの見出しどおり。目次の行は取組状況と同じ名前で呼ぶ", () => {
    const names = Object.fromEntries(["title", "departments", "purpose", "plan", "result", "reason", "status", "plans"].map((f) => [f, ja("musashino-torikumi", "torikumi", f)]));
    expect(names).toEqual({
      title: "「事業名」",
      departments: "「担当課」",
      purpose: "「課題・目的」",
      plan: "「取組事項」",
      result: "「目標に対する1年間の取組状況、課題及び今後の予定」",
      reason: "未着手・中止の理由",
      status: "実施状況",
      plans: "年次計画",
    });
    expect(fieldLabel(profile("musashino-torikumi"), { layoutId: "torikumi" }, "departments").en).toBe('"担当課"');
    expect(["title", "departments", "page"].map((f) => ja("musashino-torikumi", "contents", f))).toEqual(["「事業名」", "「担当課」", "頁"]);
  });

  test("推進プログラム: 列の見出しどおり（年度スケジュールのセルは取組項目の列の名前）", () => {
    const names = Object.fromEntries(["title", "purpose", "task", "schedule", "result", "plan", "planNext"].map((f) => [f, ja("kodaira-program", "program", f)]));
    expect(names).toEqual({
      title: "「実施プログラム」",
      purpose: "「主な取組の方向性」",
      task: "「取組項目」",
      schedule: "「取組項目」",
      // The labels name no year of their own ({FY}): without the sheet's headers, the name leaves the year out …
      result: "「年度までの取組実績」",
      plan: "「年度当初予定・設定目標」",
      planNext: "「年度当初予定・設定目標」",
    });
    // … and with them it is the header as the sheet writes it, up to the label's fixed words (no 前年度末の状況 note).
    const read = { result: "令和4年度までの取組実績", plan: "令和5年度当初予定・設定目標\n（前年度末の状況）", planNext: "令和6年度当初予定・設定目標\n（前年度末の状況）" };
    expect(["result", "plan", "planNext"].map((f) => ja("kodaira-program", "program", f, read))).toEqual([
      "「令和4年度までの取組実績」",
      "「令和5年度当初予定・設定目標」",
      "「令和6年度当初予定・設定目標」",
    ]);
  });

  test("見出しが年度を含む形で定義されていれば、シートに書かれた見出しを使う", () => {
    expect(ja("mitaka-actionplan", "items", "purpose")).toBe("「概要」");
    expect(ja("mitaka-actionplan", "items", "result", { result: "令和２年度の\n取組状況等" })).toBe("「令和2年度の取組状況等」");
    expect(ja("mitaka-actionplan", "items", "result")).toBe("「年度の取組状況等」");
    // Indicator columns keep the names the indicator messages use.
    expect(ja("mitaka-shihyo", "flat", "baseline")).toBe("現状値");
  });

  test("プロファイルやレイアウトが分からなければカタログの名前", () => {
    expect(fieldLabel(undefined, { layoutId: "torikumi" }, "departments")).toEqual(catalogue("departments"));
    expect(fieldLabel(profile("musashino-torikumi"), { layoutId: "nope" }, "departments")).toEqual(catalogue("departments"));
  });
});
