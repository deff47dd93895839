/**
 * @jest-environment node
 *
 * A new plan's item list (docs/new-plan.md): CSV text as Excel and Notepad write it, columns found by the profile's
 * header labels, and every problem a clerk must fix named with its row and column.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeCsv } from "../../src/workbook/xlsx/new-plan";
import { t } from "../../src/core/i18n";
import { parseCsv } from "../../src/core/new-plan/csv";
import { MAX_PLAN_ITEMS, type PlanListResult, readPlanCsv, readPlanWorkbook } from "../../src/core/new-plan/plan-list";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid } from "../../src/core/model/grid";
import { ROOT } from "../helpers/grid";

const PROFILE = BUILT_IN_PROFILES.find((p) => p.id === "kodaira-chosahyo")!;
const HEADER = "方針,No.,取組項目,所管課,目的・ねらい,財政効果";

function items(r: PlanListResult) {
  if (!r.ok) throw new Error(r.problems.map((p) => t("ja", p.key, p.params)).join("\n"));
  return r.items;
}

function gridOf(name: string, rows: CellValue[][]): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  return { name, visibility: "visible", top: 0, left: 0, rows: rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]), merges: [] };
}

/** The problems as the clerk reads them. */
function problems(r: PlanListResult, lang: "ja" | "en" = "ja"): string[] {
  if (r.ok) throw new Error("expected problems");
  return r.problems.map((p) => t(lang, p.key, p.params));
}

describe("CSV (RFC 4180)", () => {
  test("quoted fields keep commas, doubled quotes and line breaks; a BOM is dropped", () => {
    const r = parseCsv('\uFEFFa,"b,c","say ""hi""","two\r\nlines"\r\nx,,"",z\r\n');
    expect(r).toEqual({ ok: true, rows: [["a", "b,c", 'say "hi"', "two\nlines"], ["x", "", "", "z"]] });
  });

  test("CRLF, LF and a lone CR all end a row; a blank row stays, so row numbers are Excel's", () => {
    expect(parseCsv("a,b\r\n\r\nc,d\ne,f\rg,h")).toEqual({ ok: true, rows: [["a", "b"], [""], ["c", "d"], ["e", "f"], ["g", "h"]] });
  });

  test("a quote that never closes is refused with the row it opens on", () => {
    expect(parseCsv('a,b\r\nc,"d\r\ne,f\r\n')).toEqual({ ok: false, unclosedQuoteRow: 2 });
    expect(problems(readPlanCsv(`${HEADER}\r\n地域,1,"協働,x\r\n`, PROFILE))).toEqual([
      "2行目で始まる引用符（\"）が閉じられていません。CSV の \" の対応を確かめてください。",
    ]);
  });

  test("Shift_JIS bytes (Excel's plain CSV on Japanese Windows) decode to the same list as UTF-8", () => {
    const bytes = readFileSync(path.join(ROOT, "test", "fixtures", "new-plan", "plan-items-sjis.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // it is not UTF-8
    const text = decodeCsv(bytes)!;
    const list = items(readPlanCsv(text, PROFILE));
    expect(list.map((i) => i.id)).toEqual(["1", "2", "3", "4"]);
    expect(list[1]).toMatchObject({ title: "協働事業の推進", tags: ["新規", "フォローアップ"], departments: "各所管課" });
    // A quoted comma and Windows' own characters (①②) survive the decoding.
    expect(list[3]).toMatchObject({ purpose: expect.stringMatching(/図る。①②$/), fiscalEffect: "年間1,200千円" });
    // The same rows in UTF-8 give the same items.
    const utf8 = new TextEncoder().encode("\uFEFF" + text);
    expect(items(readPlanCsv(decodeCsv(utf8)!, PROFILE))).toEqual(list);
  });
});

describe("columns by header label", () => {
  test("the sample list: 43 items, tags and the repost mark taken out of 取組項目", () => {
    const list = items(readPlanCsv(readFileSync(path.join(ROOT, "seeds", "data", "kodaira", "plan-items.csv"), "utf8"), PROFILE));
    expect(list).toHaveLength(43);
    expect(list[0]).toEqual({
      row: 2,
      group: "地域協働の推進",
      id: "1",
      title: "協働推進体制の充実",
      tags: [],
      departments: "市民協働・男女参画推進課、政策課 他",
      purpose: "市民活動を支援し、協働推進体制の充実を図る。",
      fiscalEffect: "",
    });
    expect(list.filter((i) => i.repostOf).map((i) => [i.id, i.repostOf, i.title])).toEqual([
      ["29", "15", "スクラップアンドビルドの徹底"],
      ["41", "7", "観光まちづくりの推進"],
    ]);
    expect(new Set(list.map((i) => i.group)).size).toBe(5);
  });

  test("columns in any order, a title line above the header, 方針 written once per group, the 評価一覧's own labels", () => {
    const csv = [
      "第4次プラン 取組項目一覧,,,,",
      "",
      "No.,取組項目,主な推進担当課,項目(方針),目的・ねらい",
      "1,協働の推進,政策課,地域協働,協働を進める。",
      "2,広報の充実,秘書広報課,,伝わる広報にする。",
      ",,,,",
      "3,財政の健全化,財政課,財政基盤,持続可能にする。",
    ].join("\n");
    const list = items(readPlanCsv(csv, PROFILE));
    expect(list.map((i) => [i.row, i.id, i.group, i.title, i.departments])).toEqual([
      [4, "1", "地域協働", "協働の推進", "政策課"],
      [5, "2", "地域協働", "広報の充実", "秘書広報課"],
      [7, "3", "財政基盤", "財政の健全化", "財政課"],
    ]);
  });

  test("主な推進担当課 wins over 所管課 when a list has both (an exported 評価一覧: 所管課 is its rating column)", () => {
    const csv = "方針,No.,取組項目,主な推進担当課,所管課,目的・ねらい\n地域,1,協働,政策課,A,目的";
    expect(items(readPlanCsv(csv, PROFILE))[0].departments).toBe("政策課");
  });

  test("item numbers as written: ①, No.3, full-width ４, 2-1", () => {
    const csv = ["方針,No.,取組項目,所管課,目的・ねらい", "地域,①,一,課,", "地域,No.3,三,課,", "地域,４,四,課,", "地域,2-1,二の一,課,"].join("\n");
    expect(items(readPlanCsv(csv, PROFILE)).map((i) => i.id)).toEqual(["1", "3", "4", "2-1"]);
  });
});

describe("problems, each with its row and column", () => {
  test("a missing required column names the column and the headers that would do", () => {
    expect(problems(readPlanCsv("方針,No.,取組項目,目的・ねらい\n地域,1,協働,目的", PROFILE))).toEqual([
      "1行目の見出しに「所管課」の列がありません。見出しが 主な推進担当課 / 推進担当課 / 所管課 / 担当課 のどれかの列を加えてください。",
    ]);
    expect(problems(readPlanCsv("方針,No.,取組項目,目的・ねらい\n地域,1,協働,目的", PROFILE), "en")).toEqual([
      "Row 1: the header has no column for departments (所管課). Add a column headed with one of 主な推進担当課 / 推進担当課 / 所管課 / 担当課.",
    ]);
  });

  test("no header at all", () => {
    expect(problems(readPlanCsv("a,b,c\n1,2,3", PROFILE))[0]).toMatch(/^一覧の見出しの行が見つかりません。先頭の行に「方針」「No.」/);
  });

  test("a column named twice", () => {
    expect(problems(readPlanCsv("方針,No.,取組項目,所管課,目的・ねらい,No\n地域,1,協働,課,目的,2", PROFILE))).toEqual([
      "1行目の見出しに「No.」の列が2つあります（B列とF列）。一方だけにしてください。",
    ]);
  });

  test("an empty, a duplicate and an unreadable No., an empty 取組項目 and a repost of a missing item: all listed at once", () => {
    const csv = [
      HEADER,
      "地域,1,協働,政策課,目的,",
      "地域,,広報,秘書広報課,目的,",
      "地域,1,財政,財政課,目的,",
      "地域,A-1,組織,職員課,目的,",
      "地域,5,,職員課,目的,",
      "地域,6,【No.9の再掲】 観光,産業振興課,目的,",
    ].join("\r\n");
    expect(problems(readPlanCsv(csv, PROFILE))).toEqual([
      "3行目（B3）の No. が空です。",
      "4行目（B4）の No. 1 は 2行目と同じです。No. は項目ごとに別の番号にしてください。",
      "5行目（B5）の No.「A-1」は項目番号として読めません。1、12、2-1 のように数字で書いてください。",
      "6行目（C6）の取組項目が空です。",
      "7行目（C7）の【No.9の再掲】について、No.9 の項目が一覧にありません。",
    ]);
  });

  test("a header with no rows under it, and more items than one workbook should hold", () => {
    expect(problems(readPlanCsv(`${HEADER}\r\n,,,,,\r\n`, PROFILE))).toEqual(["一覧の見出しの下に項目の行がありません。"]);
    const many = [HEADER, ...Array.from({ length: MAX_PLAN_ITEMS + 1 }, (_, i) => `地域,${i + 1},項目${i + 1},課,目的,`)].join("\n");
    expect(problems(readPlanCsv(many, PROFILE))).toEqual([`項目が ${MAX_PLAN_ITEMS + 1} 件あります。一度に作れる調査票は ${MAX_PLAN_ITEMS} 件までです。一覧を分けてください。`]);
    const most = [HEADER, ...Array.from({ length: MAX_PLAN_ITEMS }, (_, i) => `地域,${i + 1},項目${i + 1},課,目的,`)].join("\n");
    expect(items(readPlanCsv(most, PROFILE))).toHaveLength(MAX_PLAN_ITEMS);
  });
});

describe("a list in a workbook", () => {
  test("a plain list sheet is read by its header; a problem names the sheet", () => {
    const list = gridOf("一覧", [["第4次プラン"], [], ["方針", "No.", "取組項目", "所管課", "目的・ねらい"], ["地域", 1, "協働", "政策課", "目的"], ["", 2, "広報", "秘書広報課", ""]]);
    const read = items(readPlanWorkbook({ sheets: [gridOf("表紙", [["第4次プラン"]]), list], skippedSheets: [] }, PROFILE));
    expect(read.map((i) => [i.row, i.id, i.group, i.title])).toEqual([
      [4, "1", "地域", "協働"],
      [5, "2", "地域", "広報"],
    ]);
    const bad = gridOf("一覧", [["方針", "No.", "取組項目", "所管課", "目的・ねらい"], ["地域", 1, "協働", "政策課", "目的"], ["地域", 1, "広報", "課", ""]]);
    expect(problems(readPlanWorkbook({ sheets: [bad], skippedSheets: [] }, PROFILE))).toEqual([
      "シート「一覧」の3行目（B3）の No. 1 は 2行目と同じです。No. は項目ごとに別の番号にしてください。",
    ]);
    expect(problems(readPlanWorkbook({ sheets: [gridOf("表紙", [["第4次プラン"]])], skippedSheets: [] }, PROFILE))[0]).toMatch(/^どのシートにも項目の一覧が見つかりません。/);
  });
});
