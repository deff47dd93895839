/**
 * @jest-environment node
 *
 * The 三鷹 rules on copies of the sample: ERA-MISMATCH on a broken year header and a broken value (the seed's pairs
 * all agree), IND-DIRECTION-INFERRED and the 目標の型 column of the one-row-per-indicator sheet.
 */
import { evaluateIndicator } from "../../src/core/indicators/achievement";
import { directionSetting } from "../../src/core/indicators/directions";
import { a1, type Finding } from "../../src/core/model/finding";
import type { SurveyRecord } from "../../src/core/model/record";
import type { Profile } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { eraProblems } from "../../src/core/rules/era-mismatch";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { validateWorkbook } from "../../src/core/validate";
import { actionPlanInput, shihyoParts, sougouInput } from "../../scripts/seeds/mitaka";
import { mitakaSheets, shihyoFlatSheet } from "../../scripts/seeds/mitaka-sheets";
import { roundTrip } from "../helpers/grid";
import { cellText, expectedIndicators, indicatorRecords, mitakaSeed, profile } from "./helpers";

const rows = expectedIndicators().filter((r) => r.dataset === "chapter1");
const lineIndex = (line: number) => rows.findIndex((r) => r.line === line);

/** Replaces the text of the first cell (or the n-th) whose text is `from`. */
function replaceText(s: SheetSpec, from: string, to: string, nth = 0): { spec: SheetSpec; cell: string } {
  const hits = s.cells.filter((c) => cellText(c) === from);
  const hit = hits[nth];
  if (!hit) throw new Error(`no cell ${from}`);
  return { spec: { ...s, cells: s.cells.map((c) => (c === hit ? { ...c, value: { t: "text", v: to } } : c)) }, cell: a1({ row: hit.row, col: hit.col }) };
}

describe("ERA-MISMATCH", () => {
  test.each([
    ["令和2(2021)年度", ["pair 令和2→2020"]],
    ["令和２（２０２１）年度", ["pair 令和2→2020"]],
    ["2020(令和3)年", ["pair 令和3→2021"]],
    ["令和0年", ["zero 令和"]],
    ["平成0年度から令和0(2018)年度まで", ["zero 平成", "zero 令和"]],
    ["令和2(2020) 年度", []],
    ["令和 2 (2020) 年度", []],
    ["令和元(2019)年度", []],
    ["令和3（2021）年7月", []],
    ["平成32年度", []],
    ["1,000人 (令和3年度)", []],
  ] as const)("%s", (text, want) => {
    expect(eraProblems(text).map((p) => (p.kind === "pair" ? `pair ${p.era}${p.eraYear}→${p.western}` : `zero ${p.era}`))).toEqual(want);
  });

  test("見本の見出しと値を壊した写しでは、壊したセルだけがエラーになる（表の見出しは 1 回だけ）", async () => {
    const [blocks, sougou, actions] = mitakaSheets(shihyoParts(), sougouInput(), actionPlanInput());
    // 第1部 第1 国際化の推進: its 令和2(2020) 年度 header, shared by its two indicators.
    const header = replaceText(blocks, "令和2(2020) 年度", "令和2(2021) 年度");
    // 総合戦略 従業者数: the target's data period.
    const value = replaceText(sougou, "60,000 人 (令和 3 年度)", "60,000 人 (令和0年度)");
    const report = validateWorkbook(await roundTrip([header.spec, value.spec, actions]), { profiles: BUILT_IN_PROFILES });
    const era = report.findings.filter((f) => f.ruleId === "ERA-MISMATCH");
    expect(era.map((f) => [f.sheet, f.cell, f.severity])).toEqual([
      ["目標指標", header.cell, "error"],
      ["総合戦略", value.cell, "error"],
    ]);
    expect(era[0].message.ja).toBe("「令和2(2021)」の和暦と西暦が合っていません（令和2年は2020年です）。どちらが正しいか確認し、書き直してください。");
    expect(era[0].message.en).toContain("disagree");
    expect(era[1].message.ja).toContain("「令和0年」という年はありません");
    // The records still read their year from the header: 令和2 is FY2020 whatever the western year says.
    const first = indicatorRecords(report.records)[0];
    expect(first.indicators[0].series?.at(-1)?.fiscalYear).toBe(2020);
  });

  test("アクションプランの見出し（令和2年度の取組状況等）の和暦と西暦の食い違いも、そのセルで見つける", async () => {
    const [blocks, sougou, actions] = mitakaSheets(shihyoParts(), sougouInput(), actionPlanInput());
    const labels = actions.cells.map((c) => cellText(c) ?? "").filter((text) => /^令和\s*2\s*年度の取組状況等$/.test(text));
    expect(labels.length).toBeGreaterThan(1);
    // The third label written like the first, given a western year that disagrees; every other label stays as it was.
    const broken = replaceText(actions, labels[0], "令和2(2021)年度の取組状況等", 2);
    const report = validateWorkbook(await roundTrip([blocks, sougou, broken.spec]), { profiles: BUILT_IN_PROFILES });
    const era = report.findings.filter((f) => f.ruleId === "ERA-MISMATCH");
    expect(era.map((f) => [f.sheet, f.cell])).toEqual([["アクションプラン", broken.cell]]);
    expect(era[0].message.ja).toContain("令和2年は2020年です");
    // The label still reads: the item keeps its 取組状況 text.
    expect(report.sheets.find((s) => s.name === "アクションプラン")?.records).toBe(82);
  });
});

/** A copy of the built-in profile with no per-indicator directions: every bare target is inferred. */
const bare: Profile = { ...profile("mitaka-shihyo"), id: "mitaka-shihyo", indicators: { defaultDirection: "infer" } };

async function flat(targetTypes: Record<number, string>, profiles: readonly Profile[]) {
  const spec = shihyoFlatSheet(shihyoParts(), { targetTypes });
  const report = validateWorkbook(await roundTrip([spec]), { profiles });
  const recs = indicatorRecords(report.records);
  const judge = (rec: SurveyRecord) => {
    const p = profiles.find((x) => x.id === rec.profileId)!;
    return evaluateIndicator(rec.indicators[0], undefined, directionSetting(p, rec.indicators[0], rec));
  };
  return { report, recs, judge };
}

describe("1行1指標の様式と目標の型", () => {
  test("施策ごとの表と同じ 68 指標を、同じ部・施策・担当課と同じ判定で読む", async () => {
    const { report, recs, judge } = await flat({}, BUILT_IN_PROFILES);
    expect(report.sheets.map((s) => [s.name, s.layoutId, s.records])).toEqual([["目標指標一覧", "flat", 68]]);
    recs.forEach((r, i) => {
      const e = rows[i];
      expect([e.line, r.indicators[0].label.text]).toEqual([e.line, e.indicator]);
      expect([e.line, r.group?.text, r.departments?.list.departments.map((d) => d.name).join("・")]).toEqual([e.line, e.part_heading_raw, e.department]);
      const a = judge(r);
      const verdict = a.status === "undeterminable" ? null : a.met;
      expect([e.line, verdict]).toEqual([e.line, e.progress.meets_target]);
    });
    // The same findings, rule by rule, as the 目標指標 sheet of the seed.
    const seed = validateWorkbook(await mitakaSeed(), { profiles: BUILT_IN_PROFILES });
    const counts = (fs: readonly Finding[]) => fs.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.ruleId]: (acc[f.ruleId] ?? 0) + 1 }), {});
    expect(counts(report.findings)).toEqual(counts(seed.findings.filter((f) => f.sheet === "目標指標")));
    expect(counts(report.findings)).toEqual({ "IND-DIRECTION-INFERRED": 50, "IND-WORSE-THAN-BASELINE": 24 });
  });

  test("部を各部の最初の行だけに書いても、下の行に引き継ぐ", async () => {
    const spec = shihyoFlatSheet(shihyoParts(), { partOnFirstRowOnly: true });
    const recs = indicatorRecords(validateWorkbook(await roundTrip([spec]), { profiles: BUILT_IN_PROFILES }).records);
    expect(recs.map((r) => r.group?.text)).toEqual(rows.map((r) => r.part_heading_raw));
  });

  test("目標の型がなく向きの設定もなければ、下限の目標（農地面積 171ha → 140ha）は「低いほどよい」と推定され、IND-DIRECTION-INFERRED が出る", async () => {
    const { report, recs, judge } = await flat({}, [bare]);
    const nouchi = recs[lineIndex(229)];
    const a = judge(nouchi);
    expect([a.direction, a.directionInferred, a.met]).toEqual(["lower", true, false]);
    const inferred = report.findings.filter((f) => f.ruleId === "IND-DIRECTION-INFERRED");
    expect(inferred.map((f) => f.cell)).toContain(a1(nouchi.indicators[0].target!.cell));
    expect(inferred.find((f) => f.cell === a1(nouchi.indicators[0].target!.cell))?.message.ja).toContain("「低いほどよい」と推定");
    // Read as lower is better, 144ha is better than 171ha: not worse than the baseline.
    expect(report.findings.filter((f) => f.ruleId === "IND-WORSE-THAN-BASELINE" && f.cell === a1(nouchi.indicators[0].actual!.cell))).toEqual([]);
  });

  test("目標の型「以上」は向きの設定になり（下限の読み）、推定の指摘は出ず、基準より悪化の判定も従う", async () => {
    const { report, recs, judge } = await flat({ 229: "以上", 243: "以上", 386: "以下" }, [bare]);
    const nouchi = recs[lineIndex(229)];
    expect([judge(nouchi).direction, judge(nouchi).directionInferred, judge(nouchi).met]).toEqual(["higher", false, true]);
    expect(judge(recs[lineIndex(243)]).met).toBe(false); // 231事業所 < 240事業所
    expect([judge(recs[lineIndex(386)]).direction, judge(recs[lineIndex(386)]).met]).toEqual(["lower", true]);
    const cells = (rule: string) => report.findings.filter((f) => f.ruleId === rule).map((f) => f.cell);
    expect(cells("IND-DIRECTION-INFERRED")).not.toContain(a1(nouchi.indicators[0].target!.cell));
    expect(cells("IND-WORSE-THAN-BASELINE")).toContain(a1(nouchi.indicators[0].actual!.cell));
  });

  test("目標の型「定性」は判定不可、「帯」は目標値に書かれた帯で判定し、空欄は推定", async () => {
    const { report, recs, judge } = await flat({ 154: "定性", 741: "帯" }, BUILT_IN_PROFILES);
    expect(judge(recs[lineIndex(154)]).status).toBe("undeterminable");
    expect(judge(recs[lineIndex(154)]).reason).toBe("qualitative-target");
    expect(report.findings.filter((f) => f.ruleId === "IND-DIRECTION-INFERRED" && f.cell === a1(recs[lineIndex(154)].indicators[0].target!.cell))).toEqual([]);
    expect([judge(recs[lineIndex(741)]).direction, judge(recs[lineIndex(741)]).met]).toEqual(["band", true]);
    expect(judge(recs[lineIndex(155)]).directionInferred).toBe(true);
  });
});
