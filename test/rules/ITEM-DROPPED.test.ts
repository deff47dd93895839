/**
 * @jest-environment node
 *
 * ITEM-DROPPED: with last year's workbook given, an item of last year's that is not in this year's and that last year's
 * did not mark ended is a warning on this year's list sheet (評価一覧), else the plan's first sheet, naming last year's
 * item and cell. An item renumbered is not dropped: it pairs by its title.
 */
import { check, kodairaList, kodairaSurvey } from "./harness";

const RULE = "ITEM-DROPPED";
const H30 = "第3次行財政再構築進捗状況調査票（平成30年度末）";
const survey = (id: string, itemTitle: string, h30: boolean, next = "引き続き進める。") =>
  kodairaSurvey({ sheetName: `No.${id}`, id, itemTitle, next, ...(h30 ? { title: H30 } : {}) });

test("前年度の No.2 が今年度にない: 評価一覧の A1 に警告", () => {
  const last = [survey("1", "事務事業の見直し", false), survey("2", "窓口サービスの改善", false)];
  const r = check("kodaira-chosahyo", [kodairaList([{ title: "事務事業の見直し" }]), survey("1", "事務事業の見直し", true)], { previous: last });
  expect(r.of(RULE)).toEqual([
    expect.objectContaining({
      severity: "warning",
      sheet: "評価一覧",
      cell: "A1",
      ja: "前年度のNo.2「窓口サービスの改善」（No.2!A5）が今年度のブックにありません。終了・統合したなら前年度の調査票にその旨が必要です。続いているなら調査票を加えてください。",
    }),
  ]);
});

test("一覧のないブックでは、その様式の最初のシートに", () => {
  const r = check("kodaira-chosahyo", survey("1", "事務事業の見直し", true), { previous: [survey("1", "事務事業の見直し", false), survey("2", "窓口サービスの改善", false)] });
  expect(r.cells(RULE)).toEqual(["A1"]);
  expect(r.of(RULE)[0].sheet).toBe("No.1");
});

test("前年度に終了（(A) が「完了」）と書いた取組、番号が変わっただけの取組、前年度のブックなし: 指摘しない", () => {
  const ended = [survey("1", "事務事業の見直し", false), survey("2", "窓口サービスの改善", false, "完了")];
  expect(check("kodaira-chosahyo", survey("1", "事務事業の見直し", true), { previous: ended }).of(RULE)).toEqual([]);
  const renumbered = [survey("1", "事務事業の見直し", true), survey("5", "窓口サービスの改善", true)];
  expect(check("kodaira-chosahyo", renumbered, { previous: [survey("1", "事務事業の見直し", false), survey("2", "窓口サービスの改善", false)] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", survey("1", "事務事業の見直し", true)).of(RULE)).toEqual([]);
});
