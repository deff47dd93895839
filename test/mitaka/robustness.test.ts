/**
 * @jest-environment node
 *
 * Recognition by label, not by address, for the 三鷹 formats: variants of each sample sheet (labels with spaces, line
 * breaks and full-width characters; the tables moved and the columns resized; headings and notes merged across the
 * table; blank rows between blocks, rows and records) read the same records as the sheet they came from.
 */
import type { SurveyRecord } from "../../src/core/model/record";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { validateWorkbook } from "../../src/core/validate";
import { actionPlanInput, shihyoParts, sougouInput } from "../../scripts/seeds/mitaka";
import { actionPlanSheet, shihyoBlocksSheet, shihyoFlatSheet, sougouSheet } from "../../scripts/seeds/mitaka-sheets";
import { roundTrip, specToGrid } from "../helpers/grid";
import { blankRowsBefore, cellText, mapTexts, mergeAcross, shift } from "./helpers";

type Variant = (s: SheetSpec) => SheetSpec;

/** What a user cares about in a record: every value and heading it carries, not where it sat. */
function project(r: SurveyRecord) {
  return {
    layout: `${r.profileId}/${r.layoutId}`,
    id: r.id?.text,
    title: r.title?.text,
    marks: r.marks,
    group: r.group?.text,
    section: r.section?.text,
    category: r.category?.text,
    departments: r.departments?.list.departments.map((d) => d.name),
    purpose: r.purpose?.text,
    result: r.texts.result?.text,
    targetType: r.texts.targetType?.text,
    indicators: r.indicators.map((i) => ({
      label: i.label.text,
      baseline: i.baseline?.text,
      target: i.target?.text,
      actual: i.actual?.text,
      series: i.series?.map((s) => [s.fiscalYear, s.value.text]),
    })),
    years: r.yearHeaders.map((y) => y.fiscalYear),
  };
}

const indicatorNames = new Set([
  ...shihyoParts().flatMap((p) => p.measures.flatMap((m) => m.rows.map((r) => r.name))),
  ...[...sougouInput().goals, ...sougouInput().kpis].flatMap((t) => t.rows.map((r) => r.name)),
]);
const isHeading = (t: string) => /^第\d+部|^第\d+(-\d+)?\s|^体系\d+|^[アイウ] 基本目標|^\(2\) /.test(t);
const isNote = (t: string) => /^[(（]注|^[(（]※/.test(t);

const WIDE = (s: SheetSpec): SheetSpec => ({ ...s, columnWidths: s.columnWidths?.map((w, i) => (i % 2 ? w * 2 : Math.max(4, w / 3))) });

const SHEETS: Record<string, { base: SheetSpec; variants: Record<string, Variant> }> = {
  目標指標: {
    base: shihyoBlocksSheet(shihyoParts()),
    variants: {
      "ラベルと年度の見出しに空白・改行・全角文字": (s) =>
        mapTexts(s, (t) =>
          ({ 計画策定時: "計画\n策定時", 達成値: "達　成　値", 目標値: "目 標 値", 平成22年度: "平成２２年度", "平成26年度 (前期)": "平成26年度\n（前期）" })[t] ??
          t.replace("令和2(2020) 年度", "令和２（２０２０）年度").replace(" [主な担当課] ", "　［主な担当課］　"),
        ),
      "表を3行下・2列右にずらし列幅を変える": (s) => WIDE(shift(s, 3, 2)),
      "見出し・見出し行の空欄・注記を表の幅に結合する": (s) => {
        const out = mergeAcross(s, (t) => isHeading(t) || isNote(t) || t.startsWith("(1) "), 6);
        // The blank cell over the indicator names spans the two header rows.
        const tops = s.cells.filter((c) => cellText(c) === "計画策定時").map((c) => c.row);
        return { ...out, merges: [...out.merges, ...tops.map((r) => ({ top: r, bottom: r + 1, left: 0, right: 0 }))] };
      },
      "施策の間・指標の行の間・注記の前に空行を足す": (s) => blankRowsBefore(blankRowsBefore(s, (t) => indicatorNames.has(t) || isNote(t)), isHeading, 2),
    },
  },
  総合戦略: {
    base: sougouSheet(sougouInput()),
    variants: {
      "ラベルに空白・改行・全角文字": (s) =>
        mapTexts(s, (t) =>
          /^(実績値|戦略策定時|目標値) \(/.test(t)
            ? t.replace(/^実績値 \(/, "実績値\n（").replace(/^戦略策定時 \(/, "戦略\n策定時（").replace(/^目標値 \(/, "目 標 値（").replace(/年度\)$/, "年度）")
            : ({ 目標項目: "目標\n項目", 指標: "指　標" }[t] ?? t),
        ),
      "表を3行下・2列右にずらし列幅を変える": (s) => WIDE(shift(s, 3, 2)),
      "見出しと注記を表の幅に結合する": (s) => mergeAcross(s, (t) => isHeading(t) || isNote(t), 5),
      "見出しの後・行の間・注記の前に空行を足す": (s) => blankRowsBefore(s, (t) => indicatorNames.has(t) || isNote(t) || /^(指標|目標項目)$/.test(t)),
    },
  },
  アクションプラン: {
    base: actionPlanSheet(actionPlanInput()),
    variants: {
      "ラベルに空白・改行・全角文字": (s) => mapTexts(s, (t) => ({ 概要: "概　要", 令和2年度の取組状況等: "令和２年度の\n取組状況等" })[t] ?? t),
      "表を3行下・2列右にずらし列幅を変える": (s) => WIDE(shift(s, 3, 2)),
      "見出しと前書きを表の幅に結合する": (s) => mergeAcross(s, (t) => isHeading(t) || t.startsWith("なお、"), 3),
      "項目の行の間と項目の間に空行を足す": (s) => blankRowsBefore(blankRowsBefore(s, (t) => /概\s*要|取組状況等/.test(t)), (t) => /^(<p>)?\d+\s*-/.test(t), 2),
    },
  },
  目標指標一覧: {
    base: shihyoFlatSheet(shihyoParts(), { targetTypes: { 229: "以上", 417: "以下", 492: "定性" } }),
    variants: {
      "ラベルに空白・改行・全角文字": (s) => mapTexts(s, (t) => ({ 指標名: "指 標 名", 主な担当課: "主な\n担当課", 目標の型: "目標の\n型", "令和2(2020)年度": "令和２（２０２０）年度" })[t] ?? t),
      "表を3行下・2列右にずらし列幅を変える": (s) => WIDE(shift(s, 3, 2)),
      "部を各部の最初の行だけに書き、見出しを結合する": (s) => {
        const first = shihyoFlatSheet(shihyoParts(), { targetTypes: { 229: "以上", 417: "以下", 492: "定性" }, partOnFirstRowOnly: true });
        return mergeAcross({ ...first, name: s.name }, (t) => t.startsWith("目標指標の達成状況"), 12);
      },
      "行の間に空行を足す": (s) => blankRowsBefore(s, (t) => /^第\d+部/.test(t)),
    },
  },
};

describe.each(Object.keys(SHEETS))("%s の様式の揺れ", (name) => {
  const { base, variants } = SHEETS[name];
  let byVariant: Map<string, SurveyRecord[]>;
  let snapshot: Awaited<ReturnType<typeof roundTrip>>;

  beforeAll(async () => {
    const specs = [base, ...Object.values(variants).map((v, i) => ({ ...v(base), name: `${name}_v${i}` }))];
    snapshot = await roundTrip(specs);
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    byVariant = new Map(specs.map((s) => [s.name, report.records.filter((r) => r.sheet === s.name)] as const));
  });

  test("元の様式から記録を読む", () => {
    const want = { 目標指標: 68, 総合戦略: 16, アクションプラン: 82, 目標指標一覧: 68 }[name];
    expect(byVariant.get(name)).toHaveLength(want!);
  });

  Object.keys(variants).forEach((v, i) => {
    test(`${v}: 同じ記録を読む`, () => {
      const recs = byVariant.get(`${name}_v${i}`)!;
      expect(recs.map(project)).toEqual(byVariant.get(name)!.map(project));
    });
  });

  test("変形は実際にシートを変えている（同じ記録が読めるのは偶然ではない）", () => {
    const grid = (n: string) => snapshot.sheets.find((g) => g.name === n)!;
    const base = grid(name);
    Object.keys(variants).forEach((_v, i) => {
      const g = grid(`${name}_v${i}`);
      expect(JSON.stringify({ rows: g.rows, merges: g.merges, top: g.top, left: g.left })).not.toEqual(JSON.stringify({ rows: base.rows, merges: base.merges, top: base.top, left: base.left }));
    });
    const r0 = byVariant.get(name)![0];
    const r1 = byVariant.get(`${name}_v1`)![0];
    const cellOf = (r: SurveyRecord) => r.indicators[0]?.target?.cell ?? r.id!.cell;
    expect(cellOf(r1)).toEqual({ row: cellOf(r0).row + 3, col: cellOf(r0).col + 2 });
  });

  test("メモリ上のグリッドでも同じ記録を読む（ファイルを経由しない）", () => {
    const report = validateWorkbook({ sheets: [specToGrid(base)], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
    expect(report.records.map(project)).toEqual(byVariant.get(name)!.map(project));
  });
});
