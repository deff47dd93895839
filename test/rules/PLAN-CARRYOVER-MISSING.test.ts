/**
 * @jest-environment node
 *
 * PLAN-CARRYOVER-MISSING: with last year's workbook given, and only for a profile whose 年度更新 carries one field into
 * another (小平 (A) → (P); 推進プログラム next year's plan → this year's), last year's text that this year's does not
 * hold, nor resemble, is a warning at this year's cell naming last year's.
 */
import type { SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey, musashinoSheet, programSheet } from "./harness";

const RULE = "PLAN-CARRYOVER-MISSING";
const NEXT = "来年度は見直しの対象を全課に広げ、結果を予算に反映する。";
const lastYear = () => kodairaSurvey({ next: NEXT });
const thisYear = (over: Partial<SurveySheetInput>) => kodairaSurvey({ title: "第3次行財政再構築進捗状況調査票（平成30年度末）", ...over });

test("今年度の当初予定(P)が前年度の (A) と別の内容: A8 に警告、前年度の H8 を示す", () => {
  const r = check("kodaira-chosahyo", thisYear({ plan: "窓口の案内表示を見直す。" }), { previous: [lastYear()] });
  expect(r.of(RULE)).toEqual([
    expect.objectContaining({
      severity: "warning",
      cell: "A8",
      ja: "前年度の課題と今後の取組(A)（No.1!H8）が今年度の当初予定(P)に反映されていません。前年度に書いた今後の取組を確認してください。",
    }),
  ]);
  expect(r.of(RULE)[0].en).toBe("Last year's issues and next steps (A) (No.1!H8) is not reflected in this year's plan (P). Check what last year's sheet planned for this year.");
});

test("今年度の (P) が空欄でも指摘", () => {
  expect(check("kodaira-chosahyo", thisYear({ plan: null }), { previous: [lastYear()] }).cells(RULE)).toEqual(["A8"]);
});

test("そのまま、書き足した、言い回しを直した (P): 指摘しない。前年度のブックなしも", () => {
  expect(check("kodaira-chosahyo", thisYear({ plan: NEXT }), { previous: [lastYear()] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear({ plan: `・${NEXT}\n・あわせて研修を行う。` }), { previous: [lastYear()] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear({ plan: "来年度は見直しの対象を全ての課に広げ、結果を予算へ反映する。" }), { previous: [lastYear()] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear({ plan: "窓口の案内表示を見直す。" })).of(RULE)).toEqual([]);
});

test("推進プログラム: 前年度の令和6年度当初予定が今年度の当初予定にない", () => {
  const r = check("kodaira-program", programSheet([{ plan: "別の予定" }]), { previous: [programSheet([{ planNext: "業務の棚卸しを全庁で実施する。" }])] });
  expect(r.of(RULE).map((f) => f.cell)).toEqual(["J6"]);
});

test("年度更新で引き継がない様式（武蔵野）では動かない", () => {
  const r = check("musashino-torikumi", musashinoSheet([{ progress: "別の内容" }]), { previous: [musashinoSheet([{ progress: "研修を年2回実施し、受講者アンケートで満足度90%を得た。" }])] });
  expect(r.of(RULE)).toEqual([]);
});
