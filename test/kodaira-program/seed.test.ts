/**
 * @jest-environment node
 *
 * seeds/kodaira-program-r6.xlsx through the core: the 23 items of the source read with their group, 区分, ended flag,
 * schedule and numeric goals, and exactly the findings the source warrants. "K-Ln" is line n of the source text,
 * seeds/data/kodaira-program/003-program-r6.txt.
 */
import { type MessageKey, t } from "../../src/core/i18n";
import type { Finding } from "../../src/core/model/finding";
import type { SurveyRecord } from "../../src/core/model/record";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { scheduleWords } from "../../src/core/rules/schedule-vocabulary";
import { programJson, programSeed, recordNo, SOURCE_COLUMN } from "./helpers";

type Expected = readonly [ruleId: string, cell: string, recordId: string];

const SHEET = "推進プログラム";

// Rows of the sample sheet: ①–⑤ on 8–12, ⑪–⑯ on 14–19, 17–20 on 21–24, 21–23 on 27–29, 24–27 on 31–34, 28 on 36.
// Columns: A No. | B 実施プログラム | C 主な取組の方向性 | D 取組項目 | E–H R3–R6 | I 実績 | J 令和5年度 | K 令和6年度.
const EXPECTED: readonly Expected[] = [
  // A No. cited must have a row: ⑤'s 実績 (K-L19) cites No.8「事業の精査と見直し」, one of the rows ⑥–⑩ the source lost
  // (kept missing). Its own id, REF-MISSING.
  ["REF-MISSING", "I12", "5"],
  // The 前年度末の状況 must agree with last year's results: ③ (4回) against the R4 実績 研修を2回及び…交流の場…を1回 = 3
  // (K-L17). Its own id, GOAL-STATUS-MISMATCH.
  // The other statuses agree and are silent: ③ (9団体), (1回), 17 (29件); ③ (2回) is `各1回` (no total).
  ["GOAL-STATUS-MISMATCH", "J10", "3"],
  // A program goal needs a baseline; ⑬, ⑮ and 19 (K-L28, 30, 40) have none. Its own id, GOAL-BASELINE-MISSING.
  ["GOAL-BASELINE-MISSING", "C16", "13"],
  ["GOAL-BASELINE-MISSING", "C18", "15"],
  ["GOAL-BASELINE-MISSING", "C23", "19"],
  // ⑪–⑯ (K-L26–31) keep <ul style="list-style-type: none">…</ul> markup, 6 rows holding the tag 30 times: in each row's 主な取組の方向性, 取組項目, 実績, 令和5年度 and 令和6年度 cells.
  ...[14, 15, 16, 17, 18, 19].flatMap((row, i) => ["C", "D", "I", "J", "K"].map((col): Expected => ["TEXT-HTML", `${col}${row}`, String(11 + i)])),
];
// Silent on the sample, as the source warrants (so no finding may appear):
// - REQUIRED-MISSING: the 20 active rows all have their R5 and R6 plans, and every row has its 実績.
// - ENDED-BUT-SCHEDULED: the ended items 21, 26 and 28 (K-L47, 58, 63) leave their plan columns empty.
// - SCHEDULE-VOCABULARY: every schedule word is in the vocabulary (the test below counts them).
// Not checked, and why: the header's layout (the template writes one header with 11 columns); the count and numbering of
// the items (⑥–⑩ are missing because a page of the PDF was lost, not because a worksheet lacks them); the schedule
// covering the plan period (the template has R3–R6); year targets rising toward the program goal, and a R6 plan copied
// from R5 (no rule checks either).

let report: ValidationReport;
let records: SurveyRecord[];

beforeAll(async () => {
  report = validateWorkbook(await programSeed(), { profiles: BUILT_IN_PROFILES });
  records = [...report.records];
});

const byNo = (no: number) => records.find((r) => recordNo(r) === no)!;
const key = (f: Expected) => f.join(" ");

describe("seeds/kodaira-program-r6.xlsx の読み取り", () => {
  test("1枚のシートが kodaira-program として認識され、ほかのプロファイルには当たらない", () => {
    expect(report.sheets).toHaveLength(1);
    expect(report.sheets[0]).toMatchObject({ name: SHEET, status: "recognised", profileId: "kodaira-program", layoutId: "program", score: 1, records: 23 });
  });

  test("原文にある 23 項目をすべて読む: ①–⑤・⑪–⑯ は丸数字、17–28 は数値のセル（⑥–⑩ は原文にない）", () => {
    // ①–⑤, ⑪–⑯ and 17–20 (K-L15–41, 17–20 in Arabic numerals), then 21–28 (K-L47–63).
    const ids = records.map((r) => r.id?.text);
    expect(ids).toEqual(["1", "2", "3", "4", "5", ...Array.from({ length: 18 }, (_, i) => String(11 + i))]);
    const json = programJson();
    expect(records.map((r) => r.idWritten ?? r.id?.raw)).toEqual(json.map((j) => (j.no_style === "circled" ? j.raw_no : j.no)));
    expect(records.filter((r) => typeof r.id?.raw === "number").map(recordNo)).toEqual(Array.from({ length: 12 }, (_, i) => 17 + i));
    expect(records.map((r) => r.title?.text)).toEqual(json.map((j) => j.title_raw.replace(/\s*※.*$/, "")));
  });

  test("終了した項目は 21・26・28（※令和4年度までをもって終了）で、実績だけがある", () => {
    // K-L47, 58, 63.
    const ended = records.filter((r) => r.ended);
    expect(ended.map(recordNo)).toEqual([21, 26, 28]);
    expect(programJson().filter((j) => j.ended).map((j) => j.no)).toEqual([21, 26, 28]);
    for (const r of ended) {
      expect(r.title?.text).not.toContain("※");
      expect(String(r.title?.raw)).toMatch(/※令和4年度までをもって終了$/);
      expect(r.texts.result?.text.length).toBeGreaterThan(20);
      expect([r.purpose, r.texts.plan, r.texts.planNext, ...r.tasks]).toEqual([undefined, undefined, undefined]);
    }
  });

  test("方向性（1・3・4、方向性2 はない）と区分（実施／旧検討）が項目ごとに JSON と一致する", () => {
    const json = programJson();
    expect(records.map((r) => r.group?.text)).toEqual(json.map((j) => j.direction));
    expect(new Set(records.map((r) => r.headings?.find((h) => h.field === "group")?.no))).toEqual(new Set(["1", "3", "4"]));
    const kind = (r: SurveyRecord) => r.headings?.find((h) => h.field === "category")?.title;
    expect(records.map(kind)).toEqual(json.map((j) => (j.program_group.startsWith("実施プログラム") ? "実施プログラム" : "2年間の検討を経た実施プログラム(旧検討プログラム)")));
    // 方向性1 8 items, 方向性3 10, 方向性4 5; 15 実施 + 8 旧検討.
    const count = (f: (r: SurveyRecord) => boolean) => records.filter(f).length;
    expect([1, 3, 4].map((n) => count((r) => r.group?.text.startsWith(`方向性${n} `) === true))).toEqual([8, 10, 5]);
    expect(count((r) => kind(r) === "実施プログラム")).toBe(15);
    expect(count((r) => r.category?.text.startsWith("◆◆2年間の検討") === true)).toBe(8);
  });

  test("年度スケジュール: R3–R6 の見出し、原文の工程の語は R5 の列に（年度に割り振れないため）", () => {
    const json = programJson();
    for (const r of records) {
      expect(r.yearHeaders.map((y) => [y.text, y.fiscalYear])).toEqual([["R3", 2021], ["R4", 2022], ["R5", 2023], ["R6", 2024]]);
      const j = json.find((x) => x.no === recordNo(r))!;
      const years = r.tasks.flatMap((t) => t.years);
      // The source's schedule cells collapsed, so their position gives no fiscal year: the labels sit together in R5.
      expect(years.map((y) => [y.fiscalYear, y.text])).toEqual(j.schedule.tokens.length ? [[2023, j.schedule.tokens.join("\n")]] : []);
    }
    // ⑪–⑯ have no schedule (K-L26–31); 取組項目 is there.
    expect([11, 12, 13, 14, 15, 16].map((n) => byNo(n).tasks.map((t) => t.years.length))).toEqual([[0], [0], [0], [0], [0], [0]]);
  });

  test("工程の語はすべて語彙にあり、数は 実施 23・検討 7・検証 4・見直し 3・段階的実施 2", () => {
    const words = records.flatMap((r) => r.tasks.flatMap((t) => t.years.flatMap((y) => scheduleWords(y.text))));
    const count = (w: string) => words.filter((x) => x === w).length;
    expect([count("実施"), count("検討"), count("検証"), count("見直し"), count("段階的実施")]).toEqual([23, 7, 4, 3, 2]);
    const vocabulary = BUILT_IN_PROFILES.find((p) => p.id === "kodaira-program")!.codeSets.schedule.codes.map((c) => c.code);
    expect(words.filter((w) => !vocabulary.includes(w))).toEqual([]);
    expect(new Set(words).size).toBe(22);
  });

  test("数値目標 32 件を記録に載せ、目標・比較・基準値・前年度末の状況が JSON と一致する", () => {
    const goals = records.flatMap((r) => r.goals ?? []);
    expect(goals).toHaveLength(32);
    for (const j of programJson()) {
      const r = byNo(j.no);
      expect((r.goals ?? []).map((g) => [g.column, g.text])).toEqual(j.goals.map((e) => [SOURCE_COLUMN[e.source], e.text]));
      (r.goals ?? []).forEach((g, i) => {
        const e = j.goals[i];
        expect([g.target?.number, g.target?.writtenUnit, g.baseline?.quantity?.value, g.baseline?.label, g.status?.text]).toEqual([
          e.target_value,
          e.target_unit,
          e.baseline_value,
          e.baseline_label,
          e.prior_year_end_status_raw,
        ]);
        const source = g.column === "purpose" ? r.purpose : r.texts[g.column as "plan" | "planNext"];
        expect(g.cell).toEqual(source?.cell);
      });
    }
  });

  test("②: 4年間で移管率 50%以上（基準値 0%、令和3年4月1日現在）、主な取組の方向性 C9 から", () => {
    const [g] = byNo(2).goals!;
    expect(g).toMatchObject({
      column: "purpose",
      cell: { row: 8, col: 2 },
      target: { number: 50, unit: "%" },
      comparator: ">=",
      horizon: "4年間で",
      baseline: { label: "令和3年4月1日現在", valueText: "0%", quantity: { value: 0, unit: "%" }, asOf: { year: 2021, month: 4, day: 1 } },
    });
    expect(g.header).toBe("主な取組の方向性");
  });

  test("③ の令和5年度の目標と前年度末の状況: (9団体) (1回) (2回) (4回)", () => {
    const plan = byNo(3).goals!.filter((g) => g.column === "plan");
    expect(plan.map((g) => [g.target?.number ?? null, g.comparator ?? null, g.status?.quantity.value])).toEqual([
      [8, ">=", 9],
      [2, null, 1],
      [2, null, 2],
      [null, null, 4],
    ]);
  });
});

describe("seeds/kodaira-program-r6.xlsx の指摘", () => {
  const found = (rule?: string): Finding[] => report.findings.filter((f) => !rule || f.ruleId === rule);

  test("指摘は根拠のあるものだけで、過不足がない", () => {
    const actual = report.findings.map((f) => key([f.ruleId, f.cell, f.recordId ?? ""])).sort();
    expect(actual).toEqual(EXPECTED.map(key).sort());
    expect(report.findings.every((f) => f.sheet === SHEET)).toBe(true);
  });

  test("規則ごとの件数と重大度", () => {
    const counts: Record<string, string> = {};
    for (const f of report.findings) counts[f.ruleId] = `${f.severity} ${report.findings.filter((x) => x.ruleId === f.ruleId).length}`;
    expect(counts).toEqual({ "REF-MISSING": "error 1", "GOAL-STATUS-MISMATCH": "warning 1", "GOAL-BASELINE-MISSING": "warning 3", "TEXT-HTML": "warning 30" });
  });

  test("メッセージは列の見出しと値を示す", () => {
    expect(found("REF-MISSING")[0].message.ja).toContain("No.8");
    expect(found("REF-MISSING")[0].message.ja).toContain("「令和4年度までの取組実績」");
    const status = found("GOAL-STATUS-MISMATCH")[0].message;
    expect(status.ja).toContain("「4回」");
    expect(status.ja).toContain("2回、1回");
    expect(status.ja).toContain("計3回");
    expect(found("GOAL-BASELINE-MISSING").map((f) => f.message.ja.match(/数値目標「([^」]*)」/)?.[1])).toEqual([
      "4年間で上記による経常経費の削減率20%以上を目指す",
      "1年に1業務以上、ICTを活用した業務を拡大",
      "特定事業主行動計画の目標達成を目指す(時間外勤務の年間平均実施時間を令和7年度…",
    ]);
  });

  test("どの指摘も列をこのシートの見出しで呼び、小平の調査票の項目名（目的・ねらい、当初予定(P) など）を使わない", () => {
    const row14 = Object.fromEntries(found("TEXT-HTML").filter((f) => f.cell.endsWith("14")).map((f) => [f.cell, f.message.ja.replace(/にHTML.*$/, "")]));
    expect(row14).toEqual({
      C14: "「主な取組の方向性」",
      D14: "「取組項目」",
      I14: "「令和4年度までの取組実績」",
      J14: "「令和5年度当初予定・設定目標」",
      K14: "「令和6年度当初予定・設定目標」",
    });
    expect(found("TEXT-HTML").find((f) => f.cell === "C14")!.message.en).toMatch(/^"主な取組の方向性" contains HTML residue/);
    for (const f of report.findings) expect([f.cell, f.message.ja]).not.toEqual([f.cell, expect.stringMatching(/目的・ねらい|当初予定\(P\)|取組実績\(D\)|実施内容|次年度の当初予定/)]);
  });

  test("作業ウィンドウは K9・K10・K13 を自分の規則名で示す（内訳シートや番号の重複、実績値のない評価とは呼ばない）", () => {
    const names = (id: string) => [t("ja", `ruleName.${id}` as MessageKey), t("en", `ruleName.${id}` as MessageKey)];
    expect(names(found("GOAL-STATUS-MISMATCH")[0].ruleId)).toEqual(["前年度末の状況と実績の不一致", "year-end status disagrees with results"]);
    expect(names(found("REF-MISSING")[0].ruleId)).toEqual(["参照先のない番号", "reference to a missing item"]);
    // K9 has its own name too, not IND-NO-MEASUREMENT's 実績値のない評価 (a rating with no actual).
    expect(names(found("GOAL-BASELINE-MISSING")[0].ruleId)).toEqual(["基準値のない数値目標", "numeric goal without a baseline"]);
  });

  test("TEXT-HTML の修正候補はタグを取り除き、箇条の改行を残す", () => {
    const f = found("TEXT-HTML").find((x) => x.cell === "C15")!;
    const edit = f.fix!.edits[0];
    expect(edit.before).toMatch(/^<ul style="list-style-type: none">\n・/);
    expect(edit.after).toBe(
      "・内部事務における押印の見直しとともに、文書管理システムによる電子決裁の対象範囲拡大\n・意識啓発を含め、会議でのペーパーレス化及び冊子等の電子化\n・4年間で電子決裁対象文書の電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)",
    );
  });

  test("英語のメッセージもすべての指摘にある", () => {
    for (const f of report.findings) {
      expect(f.message.en.length).toBeGreaterThan(10);
      const outside = f.message.en.replace(/"[^"]*"/g, "").replace(/\([^)]*\)/g, "");
      expect(outside).not.toMatch(/[ぁ-ん]{3,}/);
      expect(f.message.en).not.toEqual(f.message.ja);
    }
  });
});
