/**
 * @jest-environment node
 *
 * READ-EMPTY: a sheet that is recognised but gives no record, or fewer than its list (評価一覧, 目次) lists for it, gets
 * one finding of its own, at its first heading, naming the headings found and the required ones not found.
 */
import type { CellValue } from "../../src/core/model/cell";
import { check, kodairaList, kodairaSurvey, musashinoSheet, type MusashinoProject, programSheet, setCell, sheet, withRule } from "./harness";

/** The 目次 (name `目次`): A1 title, A3:C3 事業名 / 担当課 / 頁, one row per entry from row 4; a string alone is a heading row. */
function contents(entries: readonly (string | readonly [string, string, number])[]) {
  const rows: CellValue[][] = [["目次"], [], ["事業名", "担当課", "頁"]];
  for (const e of entries) rows.push(typeof e === "string" ? [e, null, null] : [...e]);
  return sheet("目次", rows);
}

/** 取組状況 with the 事業名 label of the given projects (0-based) written 事業の名称: those projects start no record. */
function torikumiRenamed(projects: readonly MusashinoProject[], renamed: readonly number[], name = "取組状況") {
  const grid = musashinoSheet(projects, name);
  const starts = grid.rows.flatMap((r, i) => (r[0] === "事業名" ? [i] : []));
  return setCell(grid, Object.fromEntries(renamed.map((k) => [`A${starts[k] + 1}`, "事業の名称"])));
}

/** The part of a message after `label: ` up to the next `。`. */
function part(message: string, label: string): string {
  const i = message.indexOf(label);
  expect(i).toBeGreaterThan(-1);
  return message.slice(i + label.length, message.indexOf("。", i));
}

describe("a sheet recognised but read empty", () => {
  test("評価一覧 whose 主な推進担当課 is written 担当課: recognised, no row read, one error at its first heading naming what was found", () => {
    const list = setCell(kodairaList([{}, {}, {}]), { D3: "担当課" });
    const r = check("kodaira-chosahyo", [kodairaSurvey()], { others: [list] });
    expect(r.report.sheets.find((s) => s.name === "評価一覧")).toMatchObject({ status: "recognised", layoutId: "list", records: 0 });
    const found = r.of("READ-EMPTY");
    expect(found).toHaveLength(1);
    const [f] = found;
    expect([f.sheet, f.cell, f.severity]).toEqual(["評価一覧", "A3", "error"]);
    expect(f.ja).toContain("小平市 進捗状況調査票（評価一覧）として認識しましたが、一覧の行を1行も読み取れませんでした。");
    // In reading order: the row-3 headings, then 所管課 and 行革本部 under the period header.
    expect(part(f.ja, "見つかった見出し: ")).toBe("「項目(方針)」「No.」「取組項目」「目的・ねらい」「所管課」「行革本部」");
    expect(part(f.ja, "見つからなかった見出し: ")).toBe("「主な推進担当課」");
    expect(f.en).toContain('Headings found: "項目(方針)", "No.", "取組項目", "目的・ねらい", "所管課", "行革本部". Headings not found: "主な推進担当課".');
    expect(f.en).toContain("no list row could be read");
    // The 調査票 read as usual says nothing of the kind.
    expect(r.of("READ-EMPTY").filter((x) => x.sheet === "No.1")).toEqual([]);
  });

  test("取組状況 whose 事業名 is written 事業の名称 throughout: recognised, no record, one error at A2 (its first heading) naming 事業名 as not found", () => {
    const grid = torikumiRenamed([{ name: "事業A" }, { name: "事業B" }], [0, 1]);
    const r = check("musashino-torikumi", [], { others: [grid] });
    expect(r.report.sheets[0]).toMatchObject({ status: "recognised", layoutId: "torikumi", records: 0 });
    expect(r.cells("READ-EMPTY")).toEqual(["A2"]);
    const [f] = r.of("READ-EMPTY");
    expect(f.ja).toBe(
      "武蔵野市 アクションプラン取組状況（取組状況）として認識しましたが、項目を1件も読み取れませんでした。" +
        "見つかった見出し: 「担当課」「課題・目的」「取組事項」「年次計画」「平成 29 年度」「実施状況」「目標に対する 1 年間の取組状況、課題及び今後の予定」「未着手・中止 の理由」。" +
        "見つからなかった見出し: 「事業名」。見出しの書き方と並び方を様式と比べてください。",
    );
    expect(f.en).toContain('Headings not found: "事業名".');
  });

  test("推進プログラム whose No. header is written 項番: the table is recognised, no row is read, one error naming No. as not found", () => {
    const grid = programSheet([{}, {}]);
    const no = grid.rows.flatMap((row, i) => row.map((v, j) => ({ v, i, j }))).find((c) => c.v === "No.")!;
    const renamed = setCell(grid, { [`${String.fromCharCode(65 + no.j)}${no.i + 1}`]: "項番" });
    const r = check("kodaira-program", [], { others: [renamed] });
    expect(r.report.sheets[0]).toMatchObject({ status: "recognised", records: 0 });
    const found = r.of("READ-EMPTY");
    expect(found).toHaveLength(1);
    expect(part(found[0].ja, "見つからなかった見出し: ")).toBe("「No.」");
    expect(part(found[0].ja, "見つかった見出し: ")).toContain("「実施プログラム」");
  });

  test("a sheet not recognised gets no READ-EMPTY: it is listed as unrecognised, not as read empty", () => {
    const other = sheet("メモ", [["事業名", "担当課"], ["事業A", "企画調整課"]]);
    const r = check("musashino-torikumi", [musashinoSheet([{}])], { others: [other] });
    expect(r.report.sheets.find((s) => s.name === "メモ")?.status).toBe("unrecognised");
    expect(r.of("READ-EMPTY")).toEqual([]);
  });
});

describe("a sheet that gives fewer records than its list lists", () => {
  test("目次 lists 3 projects, 取組状況 reads 2 (one 事業名 written otherwise): one error on 取組状況 with both counts", () => {
    const grid = torikumiRenamed([{ name: "事業A" }, { name: "事業B" }, { name: "事業C" }], [1]);
    const toc = contents([
      ["事業A", "企画調整課", 1],
      ["事業B", "企画調整課", 2],
      ["事業C", "企画調整課", 3],
    ]);
    const r = check("musashino-torikumi", [toc, grid]);
    expect(r.report.sheets.map((s) => [s.name, s.records])).toEqual([
      ["目次", 3],
      ["取組状況", 2],
    ]);
    expect(r.cells("READ-EMPTY")).toEqual(["取組状況!A1"]);
    const [f] = r.of("READ-EMPTY");
    expect(f.severity).toBe("error");
    expect(f.ja).toMatch(/^このシートから読み取れた項目は 2 件で、目次に載っている 3 件より少なくなっています。見つかった見出し: 「事業名」「担当課」/);
    expect(part(f.ja, "見つからなかった見出し: ")).toBe("なし");
    expect(f.en).toMatch(/^2 records were read from this sheet, fewer than the 3 that 目次 lists\. .*Headings not found: none\./);
  });

  test("as many records as 目次 rows (titles aside): no READ-EMPTY", () => {
    const toc = contents([
      ["事業A", "企画調整課", 1],
      ["事業B（旧名称）", "企画調整課", 2],
    ]);
    const r = check("musashino-torikumi", [toc, musashinoSheet([{ name: "事業A" }, { name: "事業B" }])]);
    expect(r.of("READ-EMPTY")).toEqual([]);
  });

  test("two 取組状況 sheets under their own headings: only the one that reads fewer than the 目次 rows under its heading is reported", () => {
    const heading = (h: string, projects: readonly MusashinoProject[], name: string, renamed: readonly number[]) => {
      const g = torikumiRenamed(projects, renamed, name);
      return { ...g, rows: [[h, null, null, null, null], ...g.rows] };
    };
    const first = heading("I: 市民参加の推進", [{ name: "事業A" }, { name: "事業B" }], "取組状況1", []);
    const second = heading("II: 行政運営の改善", [{ name: "事業C" }, { name: "事業D" }, { name: "事業E" }], "取組状況2", [2]);
    const toc = contents([
      "I: 市民参加の推進",
      ["事業A", "企画調整課", 1],
      ["事業B", "企画調整課", 2],
      "II: 行政運営の改善",
      ["事業C", "企画調整課", 3],
      ["事業D", "企画調整課", 4],
      ["事業E", "企画調整課", 5],
    ]);
    const r = check("musashino-torikumi", [toc, first, second]);
    expect(r.report.sheets.map((s) => s.records)).toEqual([5, 2, 2]);
    expect(r.cells("READ-EMPTY")).toEqual(["取組状況2!A2"]);
    expect(r.of("READ-EMPTY")[0].ja).toContain("読み取れた項目は 2 件で、目次に載っている 3 件より少なくなっています。");
  });

  test("小平: a 評価一覧 row with no 調査票 sheet is LIST-MISSING-RECORD's (a sheet is one record and cannot read fewer), not READ-EMPTY's", () => {
    const list = kodairaList([{}, {}, {}]);
    const sheets = [list, kodairaSurvey(), kodairaSurvey({ sheetName: "No.2", id: "2" })];
    const r = check("kodaira-chosahyo", sheets);
    expect(r.cells("LIST-MISSING-RECORD")).toEqual(["評価一覧!B7"]);
    expect(r.of("READ-EMPTY")).toEqual([]);
  });
});

describe("the profile controls it like any rule", () => {
  const grid = () => torikumiRenamed([{ name: "事業A" }], [0]);

  test("on without being listed, at error", () => {
    const r = check("musashino-torikumi", [], { others: [grid()] });
    expect(r.of("READ-EMPTY").map((f) => f.severity)).toEqual(["error"]);
  });

  test("a severity of its own", () => {
    const r = check(withRule("musashino-torikumi", "READ-EMPTY", { severity: "warning" }), [], { others: [grid()] });
    expect(r.of("READ-EMPTY").map((f) => f.severity)).toEqual(["warning"]);
  });

  test("turned off", () => {
    const r = check(withRule("musashino-torikumi", "READ-EMPTY", { enabled: false }), [], { others: [grid()] });
    expect(r.of("READ-EMPTY")).toEqual([]);
  });
});
