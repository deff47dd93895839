/**
 * @jest-environment node
 *
 * src/core/indicators/goals.ts: numeric goals read out of the text of the 推進プログラム (docs/formats.md). Pure
 * functions, checked on the forms the source writes and on every goal sentence of the source against the independent
 * extraction (kodaira_program.json).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractGoals, figuresIn, type Goal, splitBullets } from "../../src/core/indicators/goals";
import { programDataDir } from "../../scripts/seeds/kodaira-program";
import { programJson, SOURCE_COLUMN } from "./helpers";

const at = { cell: { row: 7, col: 2 }, column: "purpose" };
const one = (text: string, column = "purpose"): Goal => {
  const goals = extractGoals(text, { ...at, column });
  expect(goals).toHaveLength(1);
  return goals[0];
};

describe("目標文の読み取り", () => {
  test("4年間で…50%以上を目指す(令和3年4月1日現在:0%): 目標 50 %・以上・基準値 0 %（2021年4月1日現在）", () => {
    const g = one("・公文書の管理…に基づき、適切に管理運営\n・4年間で歴史公文書の図書館への移管率が50%以上を目指す(令和3年4月1日現在:0%)");
    expect(g.text).toBe("4年間で歴史公文書の図書館への移管率が50%以上を目指す(令和3年4月1日現在:0%)");
    expect(g.bullet).toBe(1);
    expect(g.cell).toEqual(at.cell);
    expect(g.column).toBe("purpose");
    expect(g.target).toMatchObject({ number: 50, value: 50, unit: "%", text: "50%以上" });
    expect(g.comparator).toBe(">=");
    expect(g.horizon).toBe("4年間で");
    expect(g.baseline).toMatchObject({ label: "令和3年4月1日現在", valueText: "0%", asOf: { year: 2021, month: 4, day: 1 } });
    expect(g.baseline?.quantity).toMatchObject({ value: 0, unit: "%" });
    expect(g.status).toBeUndefined();
  });

  test("全角の数字・括弧・コロンでも同じに読む", () => {
    const g = one("４年間で電子決裁率９０％以上を目指す（令和３年４月１日現在：６２．３％）");
    expect(g.target).toMatchObject({ number: 90, unit: "%" });
    expect(g.baseline?.quantity?.value).toBe(62.3);
    expect(g.baseline?.asOf).toEqual({ year: 2021, month: 4, day: 1 });
    expect(g.baseline?.text).toBe("令和３年４月１日現在：６２．３％"); // as written
    expect(g.target?.text).toBe("９０％以上");
  });

  test("(現状値:5件) は日付のない基準値、1年に は期間", () => {
    const g = one("職員提案の応募件数について、1年に15件以上を目指す(現状値:5件)");
    expect(g.target).toMatchObject({ number: 15, unit: "件" });
    expect(g.horizon).toBe("1年に");
    expect(g.baseline).toMatchObject({ label: "現状値", valueText: "5件" });
    expect(g.baseline?.quantity?.value).toBe(5);
    expect(g.baseline?.asOf).toBeUndefined();
  });

  test("応募団体8団体以上を目指す。(9団体): 末尾の括弧は前年度末の状況", () => {
    const g = one("・提示型公募事業…の更なる推進を図る。応募団体8団体以上を目指す。(9団体)\n・こだいら人財の森事業…", "plan");
    expect(g.target).toMatchObject({ number: 8, unit: "団体" });
    expect(g.comparator).toBe(">=");
    expect(g.status).toMatchObject({ text: "9団体", quantity: { value: 9, unit: "団体" } });
    expect(g.baseline).toBeUndefined();
  });

  test("以上・以下のない目標（を目指す、目標額は）は比較なし", () => {
    const rate = one("電子決裁率85%を目指す。");
    expect(rate.target).toMatchObject({ number: 85, unit: "%" });
    expect(rate.comparator).toBeUndefined();
    expect(one("人財の森周知イベント2回を目指す。(1回)")).toMatchObject({ target: { number: 2, unit: "回" }, status: { text: "1回" } });
    const money = one("クラウドファンディングを実施する。目標額は1,000千円。");
    expect(money.target).toMatchObject({ number: 1000, value: 1_000_000, unit: "円", writtenUnit: "千円", text: "1,000千円" });
    expect(money.comparator).toBeUndefined();
  });

  test("以下・期限（令和7年度まで）・括弧の中の目標", () => {
    const g = one("時間外勤務の年間平均実施時間139時間以下(令和7年度まで)を目指す。");
    expect(g).toMatchObject({ target: { number: 139, unit: "時間" }, comparator: "<=", horizon: "令和7年度まで" });
    const inner = one("特定事業主行動計画の目標達成を目指す(時間外勤務の年間平均実施時間を令和7年度までに139時間以下にするなど)");
    expect(inner).toMatchObject({ target: { number: 139 }, comparator: "<=", horizon: "令和7年度までに" });
    expect(inner.baseline).toBeUndefined();
  });

  test("前年度実績以上は前年度比の目標で、基準値は令和2年度の実績（数値ひとつではない）", () => {
    const g = one("申請等のオンライン化で前年度実績以上を目指す(令和2年度実績:電子申請サービス18手続、マイナポータル(ぴったりサービス)1手続)");
    expect(g.target).toBeUndefined();
    expect(g.comparator).toBe(">=");
    expect(g.relative).toEqual({ text: "前年度実績以上", kind: "at-least-previous" });
    expect(g.baseline).toMatchObject({ label: "令和2年度実績", valueText: "電子申請サービス18手続、マイナポータル(ぴったりサービス)1手続", fiscalYear: 2020 });
    expect(g.baseline?.quantity).toBeUndefined();
  });

  test("目標値のない目標でも、基準値か前年度末の状況があれば目標文として読む", () => {
    const g = one("給食調理業務委託を大沼保育園で実施し、小川西保育園で実施を目指す(令和3年4月1日現在:0園)");
    expect(g.target).toBeUndefined();
    expect(g.baseline?.quantity).toMatchObject({ value: 0, unit: "園" });
    expect(one("…給食調理業務委託を実施する(1園)。", "plan").status?.text).toBe("1園");
  });

  test("数値のない「目指す」、日付や年度だけの括弧は目標ではない", () => {
    const none = (s: string) => expect(extractGoals(s, at)).toEqual([]);
    none("職場勤務とテレワークを組み合わせることで、職場ごとの最適な働き方を目指す。");
    none("基本設計(令和6～7年度ころ想定)に並行して、検討を進める。");
    none("大沼保育園(令和5年1月)及び小川西保育園(令和6年1月)において実施する。");
    none("公募設置管理制度(Park-PFI)を活用した整備");
    none("");
  });

  test("HTML の残り（<ul …>）があっても箇条ごとに読む", () => {
    const goals = extractGoals('<ul style="list-style-type: none"> ・内部事務における押印の見直し ・4年間で電子決裁対象文書の電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)  ', at);
    expect(goals.map((g) => [g.bullet, g.text])).toEqual([[1, "4年間で電子決裁対象文書の電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)"]]);
  });

  test("Excel の上限に近い長いセルもすぐに読む", () => {
    const long = Array.from({ length: 2000 }, (_, i) => `・協力・連携${i}件以上を目指す`).join("\n").slice(0, 32000);
    const t0 = Date.now();
    expect(extractGoals(long, at).length).toBeGreaterThan(1000);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test("どんな入力でも例外を出さない", () => {
    for (const s of ["(", ")", "((9団体", "・", "・・・", "No.8", "9999999999999999999999件以上", "(令和:)", "目標額は", "各", "\u0000", "<ul>", "①②"]) {
      expect(() => extractGoals(s, at)).not.toThrow();
      expect(() => figuresIn(s)).not.toThrow();
      expect(() => splitBullets(s)).not.toThrow();
    }
  });
});

describe("箇条と数値", () => {
  test("・は行頭か空白の後だけが箇条の印（協力・連携 は分けない）", () => {
    expect(splitBullets("・市民や大学等との協力・連携\n・特に若い世代向けの方策検討")).toEqual(["市民や大学等との協力・連携", "特に若い世代向けの方策検討"]);
    expect(splitBullets("・A ・B  ・C")).toEqual(["A", "B", "C"]);
    expect(splitBullets("前書き\n・A")).toEqual(["前書き", "A"]);
    expect(splitBullets("箇条なし")).toEqual(["箇条なし"]);
  });

  test("文中の数値: 2回及び…1回、各1回、日付の日は数えない", () => {
    const f = figuresIn("職員向けの研修を2回及び職員と市民の交流の場(フォローアップ支援交流会)を1回開催した。");
    expect(f.map((x) => [x.text, x.quantity.value, x.quantity.unit, x.each])).toEqual([
      ["2回", 2, "回", false],
      ["1回", 1, "回", false],
    ]);
    expect(figuresIn("まちで楽しむとNPO体験セミナーをオンラインで各1回開催し").map((x) => x.each)).toEqual([true]);
    expect(figuresIn("平櫛田中の作品修繕(9月17日～11月27日、目標額1,000千円)").map((x) => x.text)).toEqual(["1,000千円"]);
    expect(figuresIn("応募団体数は2事業で9団体であった。").map((x) => `${x.quantity.value}${x.quantity.unit}`)).toEqual(["2事業", "9団体"]);
  });
});

describe("原文の目標文 32 件（主な取組の方向性 9・令和5年度 12・令和6年度 11）", () => {
  // The source text (seeds/data/kodaira-program/003-program-r6.txt, K) cell by cell, read as the seed writes it.
  const lines = readFileSync(path.join(programDataDir(), "003-program-r6.txt"), "utf8").split("\n");
  const rows = programJson();
  const found = rows.map((r) => {
    const f = lines[r.line - 1].split("\t");
    const cells: Record<string, string> = { purpose: f[2], plan: f[f.length - 2], planNext: f[f.length - 1] };
    return { r, goals: Object.entries(cells).flatMap(([column, text]) => extractGoals(text, { cell: { row: r.line, col: 0 }, column })) };
  });

  test("件数が列ごとに一致する", () => {
    const all = found.flatMap((x) => x.goals);
    expect(all).toHaveLength(32);
    expect(all.filter((g) => g.column === "purpose")).toHaveLength(9);
    expect(all.filter((g) => g.column === "plan")).toHaveLength(12);
    expect(all.filter((g) => g.column === "planNext")).toHaveLength(11);
  });

  test.each(programJson().filter((r) => r.goals.length > 0).map((r) => [r.raw_no, r.no] as const))("%s: 目標文・目標値・比較・基準値・前年度末の状況・期限が JSON と一致する", (_, no) => {
    const { r, goals } = found.find((x) => x.r.no === no)!;
    expect(goals.map((g) => g.column)).toEqual(r.goals.map((e) => SOURCE_COLUMN[e.source]));
    goals.forEach((g, i) => {
      const e = r.goals[i];
      expect(g.text).toBe(e.text);
      expect(g.target?.number).toBe(e.target_value);
      expect(g.target?.writtenUnit).toBe(e.target_unit);
      // JSON: ">=", "<=", "target(no 以上/以下)" (no comparator), ">= previous-year actual" (relative), or none.
      const comparator = e.comparator === "target(no 以上/以下)" ? undefined : e.comparator === ">= previous-year actual" ? ">=" : e.comparator;
      expect(g.comparator).toBe(comparator);
      expect(g.relative?.kind).toBe(e.comparator === ">= previous-year actual" ? "at-least-previous" : undefined);
      expect(g.baseline?.label).toBe(e.baseline_label);
      expect(g.baseline?.valueText).toBe(e.baseline_raw);
      expect(g.baseline?.quantity?.value).toBe(e.baseline_value);
      expect(g.baseline?.quantity?.writtenUnit).toBe(e.baseline_unit);
      expect(g.status?.text).toBe(e.prior_year_end_status_raw);
      expect(g.horizon).toBe(e.horizon);
    });
  });
});
