/**
 * @jest-environment node
 *
 * 前年度比較, the summary sheet, on 武蔵野's 取組状況 (statuses ◎ ○ △ ×) and the next year built from it (next-year.ts):
 * the five statuses that moved with their arrows, the copied 取組状況, the reworded title, the project replaced by a
 * new one; 完了 (◎) marks a project ended, so those rows say 終了; and the totals by 基本方針.
 */
import { specTable } from "../summary/helpers";
import { musashinoNextYear } from "./next-year";
import { type CompareSheet, compareSheet, itemRows } from "./sheet-helpers";

jest.setTimeout(120_000);

let ja: CompareSheet;
beforeAll(async () => {
  ja = await compareSheet(await musashinoNextYear());
});

/** 取組項目, 変化, 比べた評価, 前年度, 今年度, 増減, 取組状況 (the only text compared), the findings' rules, 備考. */
const outline = (c: string[]) => [c[2], c[4], c[5], c[6], c[7], c[8], c[13], c[14].split("\n").filter(Boolean).map((l) => l.split(":")[0]).join(","), c[15]];

test("見出し: 基本方針、実施状況、比べる文章は取組状況の1つ", () => {
  const t = specTable(ja.spec, "基本方針");
  expect(t.header.slice(4, 9)).toEqual(["取組の変化", "比べた評価", "前年度の評価", "今年度の評価", "増減"]);
  expect(t.header.slice(13)).toEqual(["「目標に対する1年間の取組状況、課題及び今後の予定」", "前年度と比べた指摘", "備考"]);
  expect(itemRows(ja.spec).length).toBe(80); // 79 projects last year, one replaced by a new one
});

test("変化のあった行がちょうど期待どおり", () => {
  const rows = itemRows(ja.spec).map((r) => outline(r.cells));
  // Went on as before: ○→○ continued, or ◎→◎ (完了 both years: ended), with new text and nothing found.
  const asBefore = (o: string[]) => o[5] === "→" && o[6] === "新しい" && o[7] === "" && o[8] === "" && ((o[1] === "継続" && o[3] === "○") || (o[1] === "終了" && o[3] === "◎"));
  expect(rows.filter((o) => !asBefore(o))).toEqual([
    ["自治体運営に関する基本的なルールの条例化検討", "終了", "実施状況", "○", "◎", "↑", "新しい", "", ""],
    ["新しい時代の市民参加のあり方の追究", "継続", "実施状況", "○", "△", "↓", "新しい", "RATING-DROPPED", ""],
    ["男女共同参画の推進", "再開", "実施状況", "◎", "○", "↓", "新しい", "RATING-DROPPED", ""],
    ["共助を主体とした子育て支援体制の構築", "終了", "実施状況", "○", "×", "↓", "新しい", "RATING-DROPPED", ""],
    ["在宅医療・介護連携推進事業の更なる展開", "継続", "実施状況", "○", "○", "→", "新しい", "", "名称「在宅医療・介護連携推進事業のさらなる展開」から"],
    ["自主防災組織の設立促進と活動支援", "継続", "実施状況", "○", "△", "↓", "新しい", "RATING-DROPPED", ""],
    ["市民参加のもとで進める良好な生活環境づくり", "継続", "実施状況", "○", "○", "→", "同じ", "TEXT-UNCHANGED", ""],
    ["行政手続のオンライン化の推進", "新規", "", "", "", "—", "", "", ""],
    ["近隣自治体等との連携の検討", "前年度のみ", "", "", "", "—", "", "ITEM-DROPPED", ""],
  ]);
});

test("目立たせるのは ○→×（2段階、最も低い）だけ、文章は写したものだけ", () => {
  const rows = itemRows(ja.spec);
  const marked = (names: string[]) => rows.flatMap((r) => r.styles.map((s, c) => (names.includes(s ?? "") ? `${r.cells[2]} ${c}` : "")).filter(Boolean));
  expect(marked(["alert", "alertCenter"])).toEqual(["共助を主体とした子育て支援体制の構築 7", "共助を主体とした子育て支援体制の構築 8"]);
  expect(marked(["caution"])).toEqual(["市民参加のもとで進める良好な生活環境づくり 13"]);
});

test("基本方針別の集計（COUNTIFS）と計", () => {
  const t = specTable(ja.spec, ["基本方針", "↑ 上がった"]);
  expect(t.rows.map((r) => [String(r[0]).split(":")[0], ...r.slice(1)])).toEqual([
    ["I", 1, 8, 4, 0, 13],
    ["II", 0, 9, 0, 2, 11],
    ["III", 0, 9, 0, 0, 9],
    ["IV", 0, 5, 0, 0, 5],
    ["V", 0, 30, 0, 0, 30],
    ["VI", 0, 12, 0, 0, 12],
    ["計", 1, 73, 4, 2, 80],
  ]);
  expect(t.formulas[0][1]).toMatch(/^COUNTIFS\(\$A\$6:\$A\$85,"="&A\d+,\$I\$6:\$I\$85,"↑"\)$/);
});
