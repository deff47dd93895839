/**
 * @jest-environment node
 *
 * LIST-MISSING-RECORD on the 小平 評価一覧 and its 調査票 sheets (kodaira-chosahyo): a list row whose No. has no sheet
 * is an error on the row's No. cell (B); a sheet whose No. has no row is a warning on the sheet's No. cell (A5).
 * Sub-sheets (No.2-1) belong to their main item's row; a repost row (【No.1の再掲】) needs no sheet of its own.
 */
import type { ListRowInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaList, kodairaSurvey } from "./harness";

const RULE = "LIST-MISSING-RECORD";

const survey = (id: string) => kodairaSurvey({ sheetName: `No.${id}`, id, itemTitle: `取組${id}` });
const list = (...rows: Partial<ListRowInput>[]) => kodairaList(rows.map((r) => ({ title: `取組${r.no}`, ...r })));

describe("指摘しない", () => {
  test("一覧の行とシートが1対1", () => {
    expect(check("kodaira-chosahyo", [list({ no: 1 }, { no: 2 }), survey("1"), survey("2")]).of(RULE)).toEqual([]);
  });

  test("内訳シート No.2-1・No.2-2 と集計 No.2-1~2 は、一覧の No.2 の行に含まれる", () => {
    const r = check("kodaira-chosahyo", [list({ no: 1 }, { no: 2 }), survey("1"), survey("2"), survey("2-1"), survey("2-2"), survey("2-1~2")]);
    expect(r.of(RULE)).toEqual([]);
  });

  test("再掲の行にはシートがなくてよい", () => {
    const r = check("kodaira-chosahyo", [list({ no: 1 }, { no: 2, title: "取組1 【No.1の再掲】" }), survey("1")]);
    expect(r.of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("一覧の No.3 にシートがない: 一覧の No. のセル B7 にエラー", () => {
    const r = check("kodaira-chosahyo", [list({ no: 1 }, { no: 2 }, { no: 3 }), survey("1"), survey("2")]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "error", sheet: "評価一覧", cell: "B7", ja: "評価一覧のNo.3に対応する調査票シートがありません。" }),
    ]);
    expect(r.of(RULE)[0].en).toBe("評価一覧 has No.3, but there is no survey sheet for it.");
  });

  test("シート No.4 が一覧にない: そのシートの A5 に警告", () => {
    const r = check("kodaira-chosahyo", [list({ no: 1 }), survey("1"), survey("4")]);
    expect(r.of(RULE)).toEqual([expect.objectContaining({ severity: "warning", sheet: "No.4", cell: "A5", ja: "調査票 No.4 が評価一覧にありません。" })]);
    expect(r.of(RULE)[0].en).toBe("Survey sheet No.4 is missing from 評価一覧.");
  });

  test("内訳シートだけがあって主項目の行がない: 内訳は数えず、主項目のシート No.5 を示す", () => {
    const r = check("kodaira-chosahyo", [list({ no: 1 }), survey("1"), survey("5"), survey("5-1")]);
    expect(r.cells(RULE)).toEqual(["No.5!A5"]);
  });

  test("一覧の番号の打ち間違い（2 のつもりで 3）: 行の側と シートの側の両方に出る", () => {
    const r = check("kodaira-chosahyo", [list({ no: 1 }, { no: 3 }), survey("1"), survey("2")]);
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.severity])).toEqual([
      ["評価一覧", "B6", "error"],
      ["No.2", "A5", "warning"],
    ]);
  });
});
