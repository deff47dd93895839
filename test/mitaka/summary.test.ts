/**
 * @jest-environment node
 *
 * 指標達成状況 for the 三鷹 sample (docs/summaries.md): one row per indicator, a row per figure where a cell holds several
 * (SOHO `8施設 98事業者`, 利用者(内定者)数 `4,372人 (198人)`), the 施策 or 基本目標 from the headings, and notes where a
 * figure came from another column of the series.
 */
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { availableSummaries, buildSummaries } from "../../src/core/summary";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { expectedIndicators, mitakaSeed } from "./helpers";

type Row = (string | number | undefined)[];

let report: ValidationReport;
let spec: SheetSpec;
let rows: Row[];

/** The data rows of the sheet's table: header on row 3 (0-based), then one row per comparison. */
function tableRows(s: SheetSpec): Row[] {
  const byRow = new Map<number, Row>();
  for (const c of s.cells) {
    if (c.row < 4) continue;
    const r = byRow.get(c.row) ?? [];
    r[c.col] = c.value.t === "text" ? c.value.v : c.value.t === "number" ? c.value.v : undefined;
    byRow.set(c.row, r);
  }
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

beforeAll(async () => {
  report = validateWorkbook(await mitakaSeed(), { profiles: BUILT_IN_PROFILES });
  const input = { records: report.records, findings: report.findings, fiscalYear: report.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: new Date(2021, 6, 1) };
  expect(availableSummaries(input)).toEqual(["指標達成状況", "検証結果"]);
  spec = buildSummaries(input, ["指標達成状況"])[0];
  rows = tableRows(spec);
});

const byIndicator = (name: string) => rows.filter((r) => r[2] === name);

describe("指標達成状況（三鷹）", () => {
  test("84 指標を 1 行ずつ、複数の値を持つ 2 指標は値ごとに 2 行（86 行）", () => {
    expect(rows).toHaveLength(86);
    expect(new Set(rows.map((r) => `${r[12]}|${r[0]}|${r[2]}`)).size).toBe(84);
    expect(byIndicator("SOHO集積施設数及び入居事業者数(注)").map((r) => [r[3], r[4], r[6], r[7], r[9]])).toEqual([
      [8, 12, 11, "施設", "未達"],
      [98, 105, 107, "事業者", "達成"],
    ]);
    expect(byIndicator("高齢者就業支援事業・就職面接会の利用者(内定者)数").map((r) => [r[3], r[4], r[6], r[9], r[11]])).toEqual([
      [4372, 3000, 1524, "未達", undefined],
      [198, 180, 78, "未達", "括弧内の値"],
    ]);
  });

  test("判定は 達成 14 指標（+ SOHO の事業者数の行）、判定不可 2、未達はそれ以外", () => {
    const results = rows.map((r) => r[9]);
    expect(results.filter((x) => x === "達成")).toHaveLength(15);
    expect(results.filter((x) => x === "判定不可")).toHaveLength(2);
    expect(results.filter((x) => x === "未達")).toHaveLength(69);
    expect(rows.filter((r) => r[9] === "判定不可").map((r) => [r[2], r[11]])).toEqual([
      ["地域ケアネットワークの設立住区数及び活動の充実", "定性的な目標です"],
      ["三鷹駅南口中央通り東地区再開発推進事業", "定性的な目標です"],
    ]);
  });

  test("No. と取組項目は見出しから（部-施策、総合戦略は区分-基本目標）、シートのセルへリンクする", () => {
    expect(rows[0].slice(0, 3)).toEqual(["1-1", "国際化の推進", "英語版ホームページのアクセス件数"]);
    expect(byIndicator("商店数(小売業及び卸売業)")[0].slice(0, 2)).toEqual(["2-4-1", "商業環境の充実"]);
    expect(byIndicator("合計特殊出生率")[0].slice(0, 2)).toEqual(["2-1", "ア 基本目標 1"]);
    const link = spec.cells.find((c) => c.row === 4 && c.col === 2)?.link;
    const first = report.records.find((r) => r.profileId === "mitaka-shihyo")!;
    expect(link).toEqual({ sheet: "目標指標", cell: expect.stringMatching(/^E\d+$/) });
    expect(link?.cell).toBe(`E${first.indicators[0].actual!.cell.row + 1}`);
  });

  test("方向は 目標値の比較語・プロファイルの設定・推定（「（推定）」つき）の順で、維持は比較欄に書く", () => {
    expect(byIndicator("駅前地域の放置自転車の台数")[0].slice(5, 10)).toEqual(["以下", 66, "台", "低いほどよい", "達成"]);
    expect(byIndicator("農地面積")[0].slice(8, 10)).toEqual(["高いほどよい", "達成"]);
    expect(byIndicator("英語版ホームページのアクセス件数")[0][8]).toBe("高いほどよい（推定）");
    expect(byIndicator("経常収支比率")[0].slice(4, 10)).toEqual([80, "台", 89.4, "%", "範囲内", "達成"]);
    expect(byIndicator("農家の直接販売所数").map((r) => [r[3], r[4], r[5], r[6], r[9]])).toEqual([
      [149, 149, "維持", 147, "未達"],
      [150, 150, "維持", 147, "未達"],
    ]);
  });

  test("欄が「—」で別の年度の値を使ったときは備考に書く（M-L277、509、684）と数値目標の現状値", () => {
    expect(byIndicator("市民協働者数")[0][11]).toBe("現状値として平成26年度 (前期)の値を使用");
    expect(byIndicator("介護予防活動立ち上げ支援事業支援団体数")[0][11]).toBe("現状値として平成30年度 (中期)の値を使用");
    expect(byIndicator("週1回以上スポーツ活動を行っている市民の割合")[0].slice(6, 12)).toEqual([
      56.8,
      "%",
      "高いほどよい（推定）",
      "未達",
      expect.closeTo(0.717, 3),
      "実績値として平成30年度 (中期)の値を使用（最新の欄に数値なし）",
    ]);
    expect(byIndicator("子ども・子育て支援施策に不満があると回答した人の割合")[0][11]).toBe("現状値として実績値 (平成26年度)の値を使用");
  });

  test("対象年度を令和2年度とすると、後の年度を書いた目標（令和3年度・令和4年度）は期限前になる", () => {
    // The sheets state no 対象年度, so by default every target is judged now (indicators.json counts these two unmet).
    const later = tableRows(
      buildSummaries(
        { records: report.records, findings: report.findings, fiscalYear: 2020, profiles: BUILT_IN_PROFILES, generatedAt: new Date(2021, 6, 1) },
        ["指標達成状況"],
      )[0],
    );
    const notDue = later.filter((r) => r[9] === "期限前");
    expect(notDue.map((r) => [r[2], r[11]])).toEqual([
      ["従業者数（事業所単位）（注4）", "目標年度: 2021年度"],
      ["地域活動に取り組んでいる市民の割合（注5）", "目標年度: 2022年度"],
    ]);
    expect(byIndicator("従業者数（事業所単位）（注4）")[0][9]).toBe("未達");
  });

  test("進捗率は抽出データ（indicators.json）の達成率と同じ（表示は −100%〜200% に収める）", () => {
    const data = expectedIndicators();
    const rate = (line: number) => data.find((d) => d.line === line)!.progress.achievement_rate;
    expect(byIndicator("英語版ホームページのアクセス件数")[0][10]).toBeCloseTo(rate(154)!, 4);
    expect(byIndicator("学校支援ボランティアの参加者数")[1][10]).toBeCloseTo(rate(843)!, 3);
    const style = spec.cells.find((c) => c.row === 4 && c.col === 10)?.style;
    expect(style).toBe("progress");
  });
});
