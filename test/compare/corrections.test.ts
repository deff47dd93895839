/**
 * @jest-environment node
 *
 * The user's corrections of the pairs (docs/compare.md, "Correcting the match", the `compareMatches` setting): a
 * correction wins over the title match, an item said to have no pair stays unpaired, a value or entry that cannot be
 * read is left out, and the keys (sheet + No.) still name the same items when both workbooks are read again — for the
 * comparison and for the year-over-year rules.
 */
import { compareYears } from "../../src/core/compare/compare";
import {
  COMPARE_MATCHES_KEY,
  itemKeyOf,
  type MatchCorrections,
  parseMatchCorrections,
  serializeMatchCorrections,
  withCorrection,
} from "../../src/core/compare/matches";
import type { SheetGrid } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaSurvey } from "../rules/harness";
import { kodairaNextYear } from "./next-year";

jest.setTimeout(120_000);

const H29 = "第3次行財政再構築進捗状況調査票（平成29年度末）";
const H30 = "第3次行財政再構築進捗状況調査票（平成30年度末）";
const survey = (title: string, id: string, itemTitle: string, over: Partial<SurveySheetInput> = {}) => kodairaSurvey({ title, sheetName: `No.${id}`, id, itemTitle, ...over });
const read = (sheets: readonly SheetGrid[]) => validateWorkbook({ sheets: [...sheets], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
const rows = (last: readonly SheetGrid[], now: readonly SheetGrid[], matches?: MatchCorrections) => {
  const r = compareYears(read(last), read(now), BUILT_IN_PROFILES, { matches });
  if (!r.ok) throw new Error(r.refusal.kind);
  return r.comparison.items.map((x) => [x.change, x.matchedBy ?? null, x.last?.id ?? null, x.this?.id ?? null]);
};

const last = [survey(H29, "1", "事務事業の見直し"), survey(H29, "2", "窓口サービスの改善"), survey(H29, "8", "窓口の案内表示の改善")];
const now = [survey(H30, "1", "事務事業の見直し"), survey(H30, "4", "窓口サービスの改善")];
const corrections = (...pairs: MatchCorrections["pairs"]): MatchCorrections => ({ v: 1, pairs });

test("訂正がなければ、No.4 は名称で前年度の No.2 と対になる（訂正の前提）", () => {
  expect(rows(last, now)).toEqual([
    ["continued", "id", "1", "1"],
    ["continued", "title", "2", "4"],
    ["removed", null, "8", null],
  ]);
});

test("利用者の訂正が名称の照合に優先する: No.4 は前年度の No.8、No.2 はなくなった取組に", () => {
  const m = corrections({ this: { sheet: "No.4", id: "4" }, last: { sheet: "No.8", id: "8" } });
  expect(rows(last, now, m)).toEqual([
    ["continued", "id", "1", "1"],
    ["continued", "user", "8", "4"],
    ["removed", null, "2", null],
  ]);
});

test("「対応なし」: 今年度の No.4 は新規、前年度の No.1 は今年度に対応なし（どちらも手動と分かる）", () => {
  expect(rows(last, now, corrections({ this: { sheet: "No.4", id: "4" } }))).toEqual([
    ["continued", "id", "1", "1"],
    ["added", "user", null, "4"],
    ["removed", null, "2", null],
    ["removed", null, "8", null],
  ]);
  expect(rows(last, now, corrections({ last: { sheet: "No.1", id: "1" } }))).toEqual([
    ["continued", "title", "2", "4"],
    ["added", null, null, "1"],
    ["removed", "user", "1", null],
    ["removed", null, "8", null],
  ]);
});

test("読めない設定値は訂正なし、読めない項目は除き、同じ取組を2度名指す項目は先のものだけ", () => {
  for (const bad of [undefined, "", "not json", "[]", "null", JSON.stringify({ v: 2, pairs: [] }), JSON.stringify({ v: 1, pairs: {} })]) {
    expect(parseMatchCorrections(bad)).toBeUndefined();
  }
  const stored = JSON.stringify({
    v: 1,
    pairs: [
      {},
      { this: { sheet: "", id: "4" } },
      { this: { sheet: "No.4" } },
      { this: { sheet: "No.4", id: "4" }, last: { sheet: 5 } },
      { this: { sheet: "No.4", id: "4" }, last: { sheet: "No.8", id: "8" } },
      { this: { sheet: "NO.4", id: "４" }, last: { sheet: "No.2", id: "2" } },
      { last: { sheet: "No.8", name: "窓口の案内表示の改善" } },
      "No.4",
    ],
  });
  expect(parseMatchCorrections(stored)).toEqual({
    v: 1,
    pairs: [
      { this: { sheet: "No.4", id: "4" }, last: { sheet: "No.8", id: "8" } },
      { last: { sheet: "No.8", name: "窓口の案内表示の改善" } },
    ],
  });
  // An item the workbooks do not have (No.99) is left out: the comparison is as without it.
  expect(rows(last, now, corrections({ this: { sheet: "No.99", id: "99" }, last: { sheet: "No.8", id: "8" } }))).toEqual(rows(last, now));
});

test("withCorrection は、同じ取組を名指す前の訂正を置き換える", () => {
  const a = withCorrection(undefined, { this: { sheet: "No.4", id: "4" }, last: { sheet: "No.8", id: "8" } });
  const b = withCorrection(a, { this: { sheet: "No.4", id: "4" } });
  expect(b.pairs).toEqual([{ this: { sheet: "No.4", id: "4" } }]);
  const c = withCorrection(a, { this: { sheet: "No.1", id: "1" }, last: { sheet: "No.8", id: "8" } });
  expect(c.pairs).toEqual([{ this: { sheet: "No.1", id: "1" }, last: { sheet: "No.8", id: "8" } }]);
});

test("小平: No.41（前年度 No.9）を前年度の No.40 に訂正すると、読み直した両年度でも同じ取組を指し、規則も No.9 をなくなった取組と言う", async () => {
  const { last: lastYear, next } = await kodairaNextYear();
  const first = compareYears(lastYear.report, next.report, BUILT_IN_PROFILES);
  if (!first.ok) throw new Error(first.refusal.kind);
  const renumbered = first.comparison.items.find((r) => r.this?.id === "41")!;
  const dropped = first.comparison.items.find((r) => r.change === "removed")!;
  expect([renumbered.last?.id, renumbered.matchedBy, dropped.last?.id]).toEqual(["9", "title", "40"]);
  const setting = serializeMatchCorrections(withCorrection(undefined, { this: itemKeyOf(renumbered.this!), last: itemKeyOf(dropped.last!) }));
  expect(JSON.parse(setting).pairs).toEqual([{ this: { sheet: "No.9", id: "41" }, last: { sheet: "No.40", id: "40" } }]);

  // Both workbooks read again from their bytes, the setting read back as the pane reads it.
  const again = async (bytes: Uint8Array) => (await XlsxWorkbook.load(bytes, "book.xlsx")).readAll();
  const matches = parseMatchCorrections({ [COMPARE_MATCHES_KEY]: setting }[COMPARE_MATCHES_KEY])!;
  const lastAgain = validateWorkbook(await again(lastYear.bytes), { profiles: BUILT_IN_PROFILES });
  const nowBook = await again(next.bytes);
  const nowAgain = validateWorkbook(nowBook, { profiles: BUILT_IN_PROFILES });
  const second = compareYears(lastAgain, nowAgain, BUILT_IN_PROFILES, { matches });
  if (!second.ok) throw new Error(second.refusal.kind);
  const row = second.comparison.items.find((r) => r.this?.id === "41")!;
  expect([row.last?.id, row.last?.sheet, row.matchedBy, row.change]).toEqual(["40", "No.40", "user", "continued"]);
  expect(second.comparison.items.filter((r) => r.change === "removed").map((r) => r.last?.id)).toEqual(["9"]);
  expect(second.comparison.totals.items.continued).toBe(first.comparison.totals.items.continued);

  // The rules see the corrected pairs: ITEM-DROPPED names No.9 now, not No.40.
  const dropFindings = (matchesOf?: MatchCorrections) =>
    validateWorkbook(nowBook, { profiles: BUILT_IN_PROFILES, previous: { ...lastAgain, ...(matchesOf ? { matches: matchesOf } : {}) } })
      .findings.filter((f) => f.ruleId === "ITEM-DROPPED")
      .map((f) => f.message.ja);
  const before = dropFindings();
  const after = dropFindings(matches);
  expect(before).toHaveLength(1);
  expect(after).toHaveLength(1);
  expect(before[0]).toContain("No.40");
  expect(after[0]).toContain("No.9");
  expect(after[0]).not.toContain("No.40");
});
