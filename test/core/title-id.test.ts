/**
 * @jest-environment node
 *
 * A 評価一覧 whose number leads the title cell (`idInTitle` on the kodaira-chosahyo list's title column): the number
 * is read in the forms a clerk writes it, and never kept in the title; a title that only starts with a figure keeps it.
 */
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid } from "../../src/core/model/grid";
import { readSheet } from "../../src/core/profile/recognize";
import type { Profile, TableLayout } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { summaryItems } from "../../src/core/summary";

/** 項目 over 方針 and the item column, as the printed list has it; one data row per title cell. */
function printedList(titles: readonly string[], withNoColumn = false): SheetGrid {
  const head: CellValue[][] = withNoColumn
    ? [
        ["項目(方針)", "No.", "取組項目", "主な推進担当課", "29年度下半期評価", null, "目的・ねらい"],
        [null, null, null, null, "所管課", "行革本部", null],
      ]
    : [
        ["項目", null, "主な推進\n担当課", "29年度下半期評価", null, "目的・ねらい"],
        [null, null, null, "所管課", "行革\n本部", null],
      ];
  const rows = titles.map((t, i): CellValue[] =>
    withNoColumn ? [i === 0 ? "地域協働の推進" : null, i + 1, t, "政策課", "A", "A", "目的"] : [i === 0 ? "地域協働の推進" : null, t, "政策課", "A", "A", "目的"],
  );
  const merges = withNoColumn ? [] : [{ top: 0, left: 0, bottom: 1, right: 1 }];
  return { name: "評価一覧", visibility: "visible", top: 0, left: 0, rows: [...head, ...rows], merges };
}

function read(grid: SheetGrid) {
  const { recognition, records } = readSheet(grid, BUILT_IN_PROFILES);
  expect(recognition.best?.compiled.layout.id).toBe("list");
  return records.map((r) => ({ id: r.id?.text, title: r.title?.text, tags: r.tags, written: r.idWritten, col: r.id?.cell.col }));
}

test("番号の書き方: 1 / No.3 / (4) / 全角の５・（６）/ 2-1 のどれでも番号になり、題名には残らない", () => {
  const rows = read(
    printedList(["1 協働推進体制の充実", "No.3 【フォローアップ】 地域コミュニティの推進", "(4) 地域と学校の連携・協働の推進", "５　【フォローアップ】 アダプト制度の推進", "（６）【新規】 観光まちづくりの推進", "2-1 協働事業の推進"]),
  );
  expect(rows).toEqual([
    { id: "1", title: "協働推進体制の充実", tags: [], written: undefined, col: 1 },
    { id: "3", title: "地域コミュニティの推進", tags: ["フォローアップ"], written: "No.3", col: 1 },
    { id: "4", title: "地域と学校の連携・協働の推進", tags: [], written: "(4)", col: 1 },
    { id: "5", title: "アダプト制度の推進", tags: ["フォローアップ"], written: "５", col: 1 },
    { id: "6", title: "観光まちづくりの推進", tags: ["新規"], written: "（６）", col: 1 },
    { id: "2-1", title: "協働事業の推進", tags: [], written: undefined, col: 1 },
  ]);
});

test("数字で始まるだけの題名（3Rの推進）は番号を持たず、題名はそのまま", () => {
  expect(read(printedList(["3Rの推進", "7 観光まちづくりの推進"]))).toEqual([
    { id: undefined, title: "3Rの推進", tags: [], written: undefined, col: undefined },
    { id: "7", title: "観光まちづくりの推進", tags: [], written: undefined, col: 1 },
  ]);
});

test("No. の列がある一覧では番号はその列から読み、題名の先頭の番号は題名から外す", () => {
  expect(read(printedList(["【新規】 協働事業の推進", "12 行政評価の実施"], true))).toEqual([
    { id: "1", title: "協働事業の推進", tags: ["新規"], written: undefined, col: 1 },
    { id: "2", title: "行政評価の実施", tags: [], written: undefined, col: 1 },
  ]);
});

test("No. の列を持たないプロファイルでも、題名の先頭の番号で一覧の行が集計の項目になる（再掲の行も）", () => {
  const kodaira = BUILT_IN_PROFILES.find((p) => p.id === "kodaira-chosahyo")!;
  const noIdColumn: Profile = {
    ...kodaira,
    id: "numbered-titles",
    layouts: kodaira.layouts.map((l) => (l.shape === "table" ? ({ ...l, columns: l.columns.filter((c) => c.id !== "id") } as TableLayout) : l)),
  };
  const { records } = readSheet(printedList(["15 スクラップアンドビルドの徹底", "29 スクラップアンドビルドの徹底 【No.15の再掲】"]), [noIdColumn]);
  const items = summaryItems(records, [noIdColumn]);
  expect(items.map((i) => [i.id, i.title, i.repostOf])).toEqual([
    ["15", "スクラップアンドビルドの徹底", undefined],
    ["29", "スクラップアンドビルドの徹底", "15"],
  ]);
});
