/**
 * @jest-environment node
 *
 * `chosahyo validate seeds/kodaira-h29.xlsx`: every sheet recognised, and exactly the findings the seed warrants.
 * Each expected finding says what in the sample warrants it; the sample is built from the text and data in
 * seeds/data/kodaira (docs/formats.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../src/core/model/finding";
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import { validateWorkbook, type ValidationReport } from "../src/core/validate";
import { kodairaSeed, ROOT } from "./helpers/grid";

type Expected = readonly [ruleId: string, sheet: string, cell: string];

const EXPECTED: readonly Expected[] = [
  // No.2-1…2-4 carry no rating letter, only a comment; 1次評価 is required at every stage.
  ["REQUIRED-MISSING", "No.2-1", "F8"],
  ["REQUIRED-MISSING", "No.2-2", "F8"],
  ["REQUIRED-MISSING", "No.2-3", "F8"],
  ["REQUIRED-MISSING", "No.2-4", "F8"],

  // B or S with no comment: 1, 2-7, 11, 12, 20, 25, 30-2, 30-3 (B) and 4-2, 7 (S).
  // The finding points at the empty comment cell under the rating.
  ["EVAL-COMMENT-MISSING", "No.1", "F13"],
  ["EVAL-COMMENT-MISSING", "No.2-7", "F9"],
  ["EVAL-COMMENT-MISSING", "No.11", "F9"],
  ["EVAL-COMMENT-MISSING", "No.12", "F9"],
  ["EVAL-COMMENT-MISSING", "No.20", "F9"],
  ["EVAL-COMMENT-MISSING", "No.25", "F9"],
  ["EVAL-COMMENT-MISSING", "No.30-2", "F9"],
  ["EVAL-COMMENT-MISSING", "No.30-3", "F9"],
  ["EVAL-COMMENT-MISSING", "No.4-2", "F9"],
  ["EVAL-COMMENT-MISSING", "No.7", "F9"],

  // No.24 rated A while all 3 rates are far below target, with no eval comment.
  ["IND-RATING-CONFLICT", "No.24", "F8"],
  // No.2-5 is rated A with 678 against the 2,000人 target and no comment. No.6 is deliberately not flagged: its target
  // 480g/人日(平成34年度) is for FY2022, and an unmet target before its year is not a finding (docs/values.md).
  ["IND-RATING-CONFLICT", "No.2-5", "F8"],

  // No.35: actual `※アンケート未実施`, yet rated A.
  ["IND-NO-MEASUREMENT", "No.35", "E5"],
  // No.22 ① (rated B): actual `① -` while its baseline was measured (`①406,000千円`).
  ["IND-NO-MEASUREMENT", "No.22", "E5"],

  // No.24 下半期値 `(平成30年2月末時点)` under the header 平成30年3月末. No.23's 3月末時点 agrees.
  ["IND-ASOF-MISMATCH", "No.24", "E5"],

  // No.28 `1千万円/年` vs `29,509,646円`: convertible, compared after conversion.
  ["IND-UNIT-MISMATCH", "No.28", "E5"],

  // No.16: the label has ①② but 現状値 and 目標値 are a single unmarked `-`.
  ["IND-MARKER-MISMATCH", "No.16", "C5"],
  ["IND-MARKER-MISMATCH", "No.16", "D5"],
  // No.21: 目標値 unmarked, ② has no values in any column.
  ["IND-MARKER-MISMATCH", "No.21", "C5"],
  ["IND-MARKER-MISMATCH", "No.21", "D5"],
  ["IND-MARKER-MISMATCH", "No.21", "E5"],
  // No.37: ② has no values in any column (as No.21's).
  ["IND-MARKER-MISMATCH", "No.37", "C5"],
  ["IND-MARKER-MISMATCH", "No.37", "D5"],
  ["IND-MARKER-MISMATCH", "No.37", "E5"],

  // Titles that differ between 評価一覧 and the sheets: items 9, 10, 23, 25.
  ["LIST-MISMATCH", "評価一覧", "C13"],
  ["LIST-MISMATCH", "評価一覧", "C14"],
  ["LIST-MISMATCH", "評価一覧", "C27"],
  ["LIST-MISMATCH", "評価一覧", "C29"],
  // No.40's list departments are not contained in the sheet's 所管課.
  ["LIST-MISMATCH", "評価一覧", "D44"],

  // No.2-3 現状値 says 道路ボランティア登録674人; the aggregate says 620.
  ["PARENT-CHILD", "No.2-3", "C5"],

  // Worse than the baseline (info), baseline → actual as the sheets write them:
  // No.1 ① 9,855人 → 9,718人; No.1 ② いきいき協働事業応募数 5 → 4.
  ["IND-WORSE-THAN-BASELINE", "No.1", "E5"],
  ["IND-WORSE-THAN-BASELINE", "No.1", "E5"],
  // No.2-1~5 breakdown: スポーツボランティア 124 → 117, 図書館ボランティア 725 → 678.
  ["IND-WORSE-THAN-BASELINE", "No.2-1~5", "E5"],
  // No.2-1 延べ124人 → 延べ117人; No.2-5 725 → 678 (and rated A).
  ["IND-WORSE-THAN-BASELINE", "No.2-1", "E5"],
  ["IND-WORSE-THAN-BASELINE", "No.2-5", "E5"],
  // No.2-7 ② 40人 → 24人.
  ["IND-WORSE-THAN-BASELINE", "No.2-7", "E5"],
  // No.10 延べ1,000人/年 → 延べ980人/年.
  ["IND-WORSE-THAN-BASELINE", "No.10", "E5"],
  // No.11 96.2 % → 94.3 % (and below the 100 % target).
  ["IND-WORSE-THAN-BASELINE", "No.11", "E5"],
  // No.22 ③ 122人 → 88人 (③ has its own row, E7).
  ["IND-WORSE-THAN-BASELINE", "No.22", "E7"],
  // No.23 市税 現年分 98.8 → 97.7, 全体 97.0 → 96.4; 国保 現年分 91.7 → 91.2.
  ["IND-WORSE-THAN-BASELINE", "No.23", "E5"],
  // No.24 every rate below its baseline.
  ["IND-WORSE-THAN-BASELINE", "No.24", "E5"],
  // 小平市社会福祉協議会 2,424万円 → 2,265万円 on No.30 and No.30-2.
  ["IND-WORSE-THAN-BASELINE", "No.30", "E5"],
  ["IND-WORSE-THAN-BASELINE", "No.30-2", "E5"],
  // No.42 10事務 → 4事務 (target 1事務以上: higher is better).
  ["IND-WORSE-THAN-BASELINE", "No.42", "E5"],
  // No.43 国分寺市との連携の取組3件 → 1件 (target 1件以上).
  ["IND-WORSE-THAN-BASELINE", "No.43", "E5"],
];

/**
 * 28 sheets carry HTML residue in P, D or A; which cells is `html_fragments_in` in seeds/data/kodaira/sheets.json. Rows differ per sheet (they follow the number of task rows), columns are A (P), D (D), H (A).
 */
const HTML_CELLS: Readonly<Record<string, readonly string[]>> = {
  "No.1": ["A12", "D12", "H12"],
  "No.2-5": ["D8", "H8"],
  "No.2-7": ["D8", "H8"],
  "No.3": ["A10", "D10"],
  "No.8": ["A10"],
  "No.10": ["A8", "D8"],
  "No.11": ["A8", "D8"],
  "No.12": ["A8", "D8", "H8"],
  "No.13": ["A8"],
  "No.15": ["A8", "D8", "H8"],
  "No.17": ["A8", "D8", "H8"],
  "No.18": ["A10", "D10", "H10"],
  "No.19": ["A9", "D9", "H9"],
  "No.20": ["A8", "D8", "H8"],
  "No.21": ["A8", "D8", "H8"],
  "No.22": ["A10", "D10"],
  "No.23": ["A8", "D8"],
  "No.24": ["A8", "D8", "H8"],
  "No.25": ["H8"],
  "No.30-1": ["D8", "H8"],
  "No.31": ["A8"],
  "No.32": ["A8", "D8", "H8"],
  "No.34": ["A9", "D9", "H9"],
  "No.36": ["A9", "D9", "H9"],
  "No.37": ["A9", "D9", "H9"],
  "No.39": ["A9", "D9", "H9"],
  "No.42": ["A8", "D8"],
  "No.43": ["A10", "D10"],
};

const key = (f: Expected): string => f.join(" ");
const sortKeys = (xs: string[]): string[] => [...xs].sort();

let report: ValidationReport;

beforeAll(async () => {
  report = validateWorkbook(await kodairaSeed(), { profiles: BUILT_IN_PROFILES });
});

function found(rule?: string): Finding[] {
  return report.findings.filter((f) => !rule || f.ruleId === rule);
}

describe("seeds/kodaira-h29.xlsx", () => {
  test("評価一覧と58枚の調査票がすべて kodaira-chosahyo として認識される", () => {
    expect(report.sheets).toHaveLength(59);
    expect(report.sheets.every((s) => s.status === "recognised" && s.profileId === "kodaira-chosahyo")).toBe(true);
    expect(report.sheets.filter((s) => s.layoutId === "survey")).toHaveLength(58);
    expect(report.sheets.find((s) => s.name === "評価一覧")?.layoutId).toBe("list");
    // 43 list rows + 58 survey records (41 main sheets + 16 sub-sheets + 1 aggregate)
    expect(report.records.filter((r) => r.role === "list")).toHaveLength(43);
    expect(report.records.filter((r) => r.role === "records")).toHaveLength(58);
    expect(report.fiscalYear).toBe(2017);
  });

  test("指摘は根拠のあるものだけで、過不足がない", () => {
    const html = Object.entries(HTML_CELLS).flatMap(([sheet, cells]) => cells.map((c) => key(["TEXT-HTML", sheet, c])));
    const expected = sortKeys([...EXPECTED.map(key), ...html]);
    const actual = sortKeys(report.findings.map((f) => key([f.ruleId, f.sheet, f.cell])));
    expect(actual).toEqual(expected);
  });

  test("TEXT-HTML の指摘は抽出データの html_fragments_in とシート・欄が一致する", () => {
    const sheets = JSON.parse(readFileSync(path.join(ROOT, "seeds", "data", "kodaira", "sheets.json"), "utf8")) as {
      id: string;
      html_fragments_in: string[];
    }[];
    const column: Record<string, string> = { plan_P: "A", result_D: "D", next_A: "H" };
    const fromData = sortKeys(sheets.flatMap((s) => s.html_fragments_in.map((f) => `No.${s.id} ${column[f]}`)));
    const fromFindings = sortKeys(found("TEXT-HTML").map((f) => `${f.sheet} ${f.cell.replace(/\d+/, "")}`));
    expect(fromFindings).toEqual(fromData);
    expect(fromFindings).toHaveLength(66);
  });

  test("No.2-1〜2-4 の評価欠落はエラーで、提出前でも本部評価後でも出る", () => {
    const errors = found("REQUIRED-MISSING");
    expect(errors.map((f) => f.sheet)).toEqual(["No.2-1", "No.2-2", "No.2-3", "No.2-4"]);
    expect(errors.every((f) => f.severity === "error" && f.message.ja.includes("1次評価"))).toBe(true);
  });

  test("本部評価後の段階では 2次評価の欠落もエラーになる", async () => {
    const later = validateWorkbook(await kodairaSeed(), { profiles: BUILT_IN_PROFILES, stage: "本部評価後" });
    const missing = later.findings.filter((f) => f.ruleId === "REQUIRED-MISSING").map((f) => `${f.sheet} ${f.cell}`);
    expect(missing).toEqual(["No.2-1 F8", "No.2-1 G8", "No.2-2 F8", "No.2-2 G8", "No.2-3 F8", "No.2-3 G8", "No.2-4 F8", "No.2-4 G8"]);
  });

  test("No.24 には指標と評価の矛盾が出るが、コメントで理由を説明している No.23 には出ない", () => {
    const sheets = found("IND-RATING-CONFLICT").map((f) => f.sheet);
    expect(sheets).toContain("No.24");
    expect(sheets).not.toContain("No.23");
    // No.23 is really below target on 3 of 6 rates: it is the comment that silences it.
    const no23 = report.records.find((r) => r.sheet === "No.23");
    expect(no23?.codes.eval1?.comment).toContain("前年同月比");
  });

  test("評価一覧とシートの評価の食い違いはない（41項目すべて一致）", () => {
    // The list's ratings and the sheets' agree on all 41 items.
    const ratingMismatch = found("LIST-MISMATCH").filter((f) => f.cell.startsWith("E") || f.cell.startsWith("F"));
    expect(ratingMismatch).toEqual([]);
    expect(found("REPOST-MISMATCH")).toEqual([]);
    expect(found("LIST-MISSING-RECORD")).toEqual([]);
  });

  test("題名の食い違いは 9, 10, 23, 25 の4項目で、両方の題名をメッセージに示す", () => {
    const titles = found("LIST-MISMATCH").filter((f) => f.cell.startsWith("C"));
    expect(titles.map((f) => f.recordId)).toEqual(["9", "10", "23", "25"]);
    expect(titles[0].message.ja).toContain("市民参加の更なる推進に係る検討");
    expect(titles[0].message.ja).toContain("市民参加のさらなる推進に係る検討");
    // Both sides named as 小平 names them (取組項目), in the list and on the sheet.
    expect(titles[0].message.ja).toBe("評価一覧の取組項目「市民参加の更なる推進に係る検討」が、シート「No.9」の取組項目「市民参加のさらなる推進に係る検討」と一致しません。");
    const departments = found("LIST-MISMATCH").find((f) => f.cell === "D44");
    expect(departments?.message.ja).toBe("評価一覧の所管課のうち「市民協働・男女参画推進課、公民館」が、シート「No.40」の所管課にありません。");
  });

  test("TEXT-HTML の修正候補はタグを取り除き、文は残す", () => {
    const f = found("TEXT-HTML").find((x) => x.sheet === "No.1" && x.cell === "A12");
    const edit = f?.fix?.edits[0];
    expect(edit?.before).toMatch(/^<ul style="list-style-type: none">/);
    expect(String(edit?.after)).not.toMatch(/<\/?(ul|p)\b/);
    expect(String(edit?.after)).toContain("市民活動支援公募事業・いきいき協働事業を実施し");
  });

  test("英語のメッセージもすべての指摘にある", () => {
    for (const f of report.findings) {
      expect(f.message.en.length).toBeGreaterThan(10);
      // Cell text is quoted or in parentheses; outside them the sentence is English.
      const outside = f.message.en.replace(/"[^"]*"/g, "").replace(/\([^)]*\)/g, "");
      expect(outside).not.toMatch(/[ぁ-ん]{3,}/);
      expect(f.message.en).not.toEqual(f.message.ja);
    }
  });
});
