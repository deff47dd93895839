import { splitMarkedSegments } from "../../../src/core/values/number/circled-segments";
import { parseValue } from "../../../src/core/values/number/parse-value";
import type { ParsedValue, ValuePart } from "../../../src/core/values/types";

/** The only part of a one-value cell. */
function one(raw: string): ValuePart {
  const v = parseValue(raw);
  expect(v.parts).toHaveLength(1);
  return v.parts[0];
}

function values(v: ParsedValue): number[] {
  return v.parts.map((p) => p.value);
}

// The value forms of the 小平 調査票, each with examples from the sample (docs/values.md, Numbers with units).
describe("小平 の値の書き方", () => {
  test("丸数字の接頭辞は marker になり、値は残りから読む", () => {
    for (const [raw, marker, value] of [
      ["①9,855人", "①", 9855],
      ["①1万人以上", "①", 10000],
      ["①9,718人", "①", 9718],
    ] as const) {
      const v = parseValue(raw);
      expect(v.kind).toBe("simple");
      expect(v.marker).toBe(marker);
      expect(v.parts[0].value).toBe(value);
      expect(v.parts[0].unit).toBe("人");
    }
  });

  test("桁区切りのカンマを外して読む", () => {
    expect(one("①9,855人").number).toBe(9855);
    expect(one("①9,718人").number).toBe(9718);
    expect(parseValue("1,777人 (スポーツボランティア延べ124人) (介護予防見守りボランティア登録288人)").parts[0].value).toBe(1777);
    expect(one("3,414,923件").value).toBe(3414923);
  });

  test("漢数字の単位(万・億・千円)は掛けた値にし、書かれた数と単位も残す", () => {
    const a = one("①1万人以上");
    expect(a).toMatchObject({ number: 1, multiplier: "万", value: 10000, unit: "人", writtenUnit: "万人", comparator: ">=" });
    expect(one("300万件")).toMatchObject({ number: 300, value: 3_000_000, unit: "件", writtenUnit: "万件" });
    expect(one("370万件以上")).toMatchObject({ value: 3_700_000, unit: "件", comparator: ">=", comparatorText: "以上" });
    expect(one("②25.4億円")).toMatchObject({ number: 25.4, multiplier: "億", value: 2_540_000_000, unit: "円" });
    expect(one("①406,000千円")).toMatchObject({ number: 406000, multiplier: "千", value: 406_000_000, unit: "円", writtenUnit: "千円" });
    expect(one("1千万円/年")).toMatchObject({ number: 1, multiplier: "千万", value: 10_000_000, unit: "円", per: "年" });
  });

  test("以上は >= の比較として読む", () => {
    expect(one("①1万人以上").comparator).toBe(">=");
    expect(one("4地区以上")).toMatchObject({ value: 4, unit: "地区", comparator: ">=" });
    expect(one("370万件以上").comparator).toBe(">=");
  });

  test("名称:値 の並びはラベル付きの複数値になる", () => {
    const v = parseValue("②市との協働事業数:73 大学との協働事業数:25 市民活動支援公募事業応募数:10 いきいき協働事業応募数:5");
    expect(v.kind).toBe("multi");
    expect(v.marker).toBe("②");
    expect(v.parts.map((p) => [p.label, p.value])).toEqual([
      ["市との協働事業数", 73],
      ["大学との協働事業数", 25],
      ["市民活動支援公募事業応募数", 10],
      ["いきいき協働事業応募数", 5],
    ]);
    expect(parseValue("②市との協働事業数:60 大学との協働事業数:25 市民活動支援公募事業応募数:5 いきいき協働公募事業応募数:2").parts[3].label).toBe(
      "いきいき協働公募事業応募数",
    );
    expect(values(parseValue("②市との協働事業数:107 大学との協働事業数:30 市民活動支援公募事業応募数:14 いきいき協働事業応募数:4"))).toEqual([107, 30, 14, 4]);
  });

  test("延べ・月額は数の前の接頭辞として残す", () => {
    expect(one("スポーツボランティア延べ117人")).toMatchObject({ label: "スポーツボランティア", prefix: "延べ", value: 117, unit: "人" });
    expect(one("月額5,500円/1人")).toMatchObject({ prefix: "月額", value: 5500, unit: "円", per: "1人" });
    expect(one("延べ1,000人/年")).toMatchObject({ prefix: "延べ", value: 1000, unit: "人", per: "年" });
    const v = parseValue("2,067人 (スポーツボランティア延べ117人) (介護予防見守りボランティア登録332人)");
    expect(v.parts[1]).toMatchObject({ label: "スポーツボランティア", prefix: "延べ", value: 117, inParentheses: true });
  });

  test("合計と括弧の内訳: 先頭がラベルなしの合計、内訳は inParentheses", () => {
    const v = parseValue(
      "1,777人 (スポーツボランティア延べ124人) (介護予防見守りボランティア登録288人) (道路ボランティア登録620人) (地域健康づくり推進員登録20人) (図書館ボランティア延べ725人)",
    );
    expect(v.kind).toBe("multi");
    expect(v.parts[0]).toMatchObject({ value: 1777, unit: "人", inParentheses: false });
    expect(v.parts[0].label).toBeUndefined();
    const breakdown = v.parts.slice(1);
    expect(breakdown.every((p) => p.inParentheses)).toBe(true);
    expect(breakdown.map((p) => p.label)).toEqual([
      "スポーツボランティア",
      "介護予防見守りボランティア登録",
      "道路ボランティア登録",
      "地域健康づくり推進員登録",
      "図書館ボランティア",
    ]);
    // The breakdown adds up to the total.
    expect(breakdown.reduce((s, p) => s + p.value, 0)).toBe(1777);
  });

  test("整数と助数詞: 前の語がラベルになる", () => {
    expect(one("介護予防見守りボランティア登録332人")).toMatchObject({ label: "介護予防見守りボランティア登録", value: 332, unit: "人" });
    expect(one("道路ボランティア登録920人")).toMatchObject({ label: "道路ボランティア登録", value: 920 });
    expect(one("地域健康づくり推進員登録20人")).toMatchObject({ label: "地域健康づくり推進員登録", value: 20 });
    expect(parseValue("地域健康づくり推進員登録20人").kind).toBe("simple");
  });

  test("丸数字と値の間の空白は読み飛ばす", () => {
    for (const [raw, n] of [
      ["② 40人", 40],
      ["② 50人", 50],
      ["② 24人", 24],
    ] as const) {
      const v = parseValue(raw);
      expect(v.marker).toBe("②");
      expect(v.parts[0]).toMatchObject({ value: n, unit: "人" });
    }
  });

  test("/年 /人日 /1人 は per(スラッシュなし)", () => {
    expect(one("①92回/年")).toMatchObject({ value: 92, unit: "回", per: "年" });
    expect(one("①94回/年").per).toBe("年");
    expect(one("②85回/年").per).toBe("年");
    expect(one("480g/人日(平成34年度)")).toMatchObject({ value: 480, unit: "g", per: "人日" });
  });

  test("和暦の年を含む括弧は数値の修飾(qualifier)になる", () => {
    expect(one("10団体(平成31年度)").qualifiers).toEqual([{ text: "平成31年度", kind: "fiscal-year", fiscalYear: 2019 }]);
    const v = parseValue("564.9g/人日 (H27実績値) 577g/人日 (計画目標値)");
    expect(v.parts[0].qualifiers[0]).toMatchObject({ text: "H27実績値", kind: "basis", fiscalYear: 2015, basis: "実績値" });
    expect(one("480g/人日(平成34年度)").qualifiers[0]).toMatchObject({ kind: "fiscal-year", fiscalYear: 2022 });
  });

  test("(平成NN年度) は目標の年度: 元号の終わりを越えても算術で読む", () => {
    expect(one("10団体(平成31年度)").qualifiers[0].fiscalYear).toBe(2019);
    expect(one("480g/人日(平成34年度)").qualifiers[0].fiscalYear).toBe(2022);
    expect(one("①688,595人 (平成27年度)").qualifiers[0]).toMatchObject({ text: "平成27年度", fiscalYear: 2015 });
  });

  test("小数点を読む", () => {
    expect(parseValue("564.9g/人日 (H27実績値) 577g/人日 (計画目標値)").parts[0].value).toBe(564.9);
    expect(one("553.3g/人日 (H29実績値)").value).toBe(553.3);
    expect(one("96.2%")).toMatchObject({ value: 96.2, unit: "%" });
  });

  test("H27 H29 の略記は平成として読む", () => {
    expect(parseValue("564.9g/人日 (H27実績値) 577g/人日 (計画目標値)").parts[0].qualifiers[0].fiscalYear).toBe(2015);
    expect(one("553.3g/人日 (H29実績値)").qualifiers[0].fiscalYear).toBe(2017);
    const yt = parseValue("・シルバー人材センター 会員数・就業率・契約金額 (人) (%) (千円) H29 1,130 85.0 442,000 H30 1,140 85.0 446,000").yearTable;
    expect(yt?.rows.map((r) => r.fiscalYear)).toEqual([2017, 2018]);
  });

  test("実績値・計画目標値の基準は各数値ごとに付く", () => {
    const v = parseValue("564.9g/人日 (H27実績値) 577g/人日 (計画目標値)");
    expect(v.kind).toBe("multi");
    expect(v.parts.map((p) => p.qualifiers.map((q) => q.basis))).toEqual([["実績値"], ["計画目標値"]]);
    expect(v.qualifiers).toEqual([]);
    expect(one("553.3g/人日 (H29実績値)").qualifiers[0].basis).toBe("実績値");
  });

  test("その他の複数値: 基準違い、箇条書きの団体別", () => {
    expect(values(parseValue("564.9g/人日 (H27実績値) 577g/人日 (計画目標値)"))).toEqual([564.9, 577]);
    const b = parseValue("・小平市文化振興財団 6,800万円 ・小平市社会福祉協議会 2,424万円 ・シルバー人材センター 42,969万円");
    expect(b.parts.map((p) => [p.label, p.value])).toEqual([
      ["小平市文化振興財団", 68_000_000],
      ["小平市社会福祉協議会", 24_240_000],
      ["シルバー人材センター", 429_690_000],
    ]);
    const c = parseValue("・小平市文化振興財団(利用料収入)6,800万円 ・小平市社会福祉協議会(会費収入等)2,300万円 ・シルバー人材センター 契約金額 44,200万円");
    expect(c.parts.map((p) => p.label)).toEqual(["小平市文化振興財団(利用料収入)", "小平市社会福祉協議会(会費収入等)", "契約金額"]);
    expect(c.parts[2].group).toBe("シルバー人材センター");
  });

  test("単位のない数: 文字列の数だけのセルは数値として読み NUMBER-AS-TEXT の印を付ける", () => {
    expect(parseValue("13")).toMatchObject({ kind: "number", numberAsText: true, parts: [{ value: 13 }] });
    expect(parseValue("36").numberAsText).toBe(true);
    const v = parseValue("16(平成29年度末)");
    expect(v.kind).toBe("simple");
    expect(v.numberAsText).toBeUndefined();
    expect(v.parts[0].unit).toBeUndefined();
    expect(v.parts[0].value).toBe(16);
  });

  test("(平成NN年度末) は年度と翌3月31日", () => {
    for (const raw of ["16(平成29年度末)", "②150件(平成29年度末)", "③120人(平成29年度末)"]) {
      expect(one(raw).qualifiers[0]).toEqual({
        text: "平成29年度末",
        kind: "fiscal-year-end",
        fiscalYear: 2017,
        date: { year: 2018, month: 3, day: 31 },
      });
    }
  });

  test("ハイフンだけのセルは値なし(0 ではない)", () => {
    expect(parseValue("-")).toMatchObject({ kind: "placeholder", parts: [] });
    expect(parseValue("② -")).toMatchObject({ kind: "placeholder", marker: "②" });
    expect(parseValue("① -")).toMatchObject({ kind: "placeholder", marker: "①" });
  });

  test("文の中の値: 定義句の中の数(達成率が100%であったもの)は値ではない", () => {
    const a = parseValue("新たな市民参加の手法を活用して策定した計画 1件以上");
    expect(a.kind).toBe("sentence");
    expect(a.parts[0]).toMatchObject({ label: "新たな市民参加の手法を活用して策定した計画", value: 1, unit: "件", comparator: ">=" });
    const b = parseValue("施策評価において設定された成果指標の目標のうち、達成率が100%であったもの95%");
    expect(b.kind).toBe("sentence");
    expect(b.parts).toHaveLength(1);
    expect(b.parts[0]).toMatchObject({ value: 95, unit: "%", label: "達成率が100%であったもの" });
    const c = parseValue("平成27年度の施策評価において設定された成果指標の目標のうち、達成率が100%であったもの57.9% →(107指標のうち、62本)");
    expect(c.parts[0].value).toBe(57.9);
  });

  test("パーセントを読む", () => {
    expect(one("96.2%")).toMatchObject({ value: 96.2, unit: "%" });
    expect(one("100%").value).toBe(100);
    expect(one("94.3%").value).toBe(94.3);
  });

  test("矢印 → の後の括弧は内訳(分子/分母)として読む", () => {
    const v = parseValue("平成28年度の施策評価において設定された成果指標の目標のうち、達成率が100%であったもの62.6% →(107指標のうち、67本)");
    expect(v.kind).toBe("sentence");
    expect(v.parts.map((p) => [p.value, p.unit, p.inParentheses])).toEqual([
      [62.6, "%", false],
      [67, "本", true],
    ]);
    expect(v.qualifiers[0]).toMatchObject({ kind: "fiscal-year", fiscalYear: 2016 });
  });

  test("全角ダッシュ — だけのセルは値なし", () => {
    expect(parseValue("—").kind).toBe("placeholder");
    for (const dash of ["―", "ー", "－", "−"]) expect(parseValue(dash).kind).toBe("placeholder");
  });

  test("80%台は帯 [80, 90)", () => {
    expect(one("①80%台")).toMatchObject({ value: 80, unit: "%", band: { lo: 80, hi: 90 } });
  });

  test("予算・調定額の基準: PDF の折り返し空白があっても読む", () => {
    expect(one("①1,696,440千円(平成29年度予算)").qualifiers[0]).toMatchObject({ kind: "basis", fiscalYear: 2017, basis: "予算" });
    expect(one("①1,579,860千円(平成30年度予算)").qualifiers[0].fiscalYear).toBe(2018);
    const q = one("①406,000千円 (平成28年度当 初調定額)").qualifiers[0];
    expect(q).toMatchObject({ text: "平成28年度当 初調定額", kind: "basis", fiscalYear: 2016, basis: "当初調定額" });
  });

  test("数のない目標: 減・前年度以上は相対目標、※だけは注記", () => {
    expect(parseValue("法定外繰入額の減")).toMatchObject({ kind: "relative", relative: { kind: "decrease", text: "法定外繰入額の減" } });
    expect(parseValue("前年度以上")).toMatchObject({ kind: "relative", relative: { kind: "at-least-previous" } });
    expect(parseValue("※アンケート未実施")).toMatchObject({ kind: "note", notes: ["アンケート未実施"], parts: [] });
  });

  test("セルがない(null)・空は empty", () => {
    expect(parseValue(null).kind).toBe("empty");
    expect(parseValue("").kind).toBe("empty");
    expect(parseValue("  \n").kind).toBe("empty");
    // No.21: the cell has ① only, so indicator ② has no segment.
    expect(splitMarkedSegments("①1,696,440千円(平成29年度予算)").map((s) => s.marker)).toEqual(["①"]);
  });

  test("語の途中の PDF 折り返し空白: 基準語とグループ名は空白を除いて読む", () => {
    expect(one("① 480,000千円 (平成29年度当初予算調定見込み 額)").qualifiers[0].basis).toBe("当初予算調定見込み額");
    const v = parseValue(
      "市税徴収率 現年分:98.8% 滞繰分:29.9% 全体:97.0% 国民健康保険 税徴収率 現年分:91.7% 滞繰分:25.2% 全体:79.6% (平成28年度予 算)",
    );
    expect(v.parts.map((p) => `${p.group}/${p.label}`)).toEqual([
      "市税徴収率/現年分",
      "市税徴収率/滞繰分",
      "市税徴収率/全体",
      "国民健康保険税徴収率/現年分",
      "国民健康保険税徴収率/滞繰分",
      "国民健康保険税徴収率/全体",
    ]);
    expect(v.qualifiers).toEqual([{ text: "平成28年度予 算", kind: "basis", fiscalYear: 2016, basis: "予算" }]);
  });

  test("(平成NN年M月末時点) は月末日の時点(セル全体に付く)", () => {
    const a = parseValue("<市税> 現年分:97.7% 滞繰分:36.6% 全体:96.4% <国民健康保険税> 現年分:91.2% 滞繰分:31.2% 全体:80.2% (平成30年3月末時点)");
    expect(a.parts.map((p) => p.group)).toEqual(["市税", "市税", "市税", "国民健康保険税", "国民健康保険税", "国民健康保険税"]);
    expect(a.qualifiers).toEqual([{ text: "平成30年3月末時点", kind: "as-of", date: { year: 2018, month: 3, day: 31 } }]);
    const b = parseValue("現年分:82.87% 滞繰分:11.77% 全体:81.28% (平成30年2月末時点) ※平成30年3月末未算出");
    expect(b.qualifiers[0].date).toEqual({ year: 2018, month: 2, day: 28 });
    expect(b.parts.every((p) => p.qualifiers.length === 0)).toBe(true);
  });

  test("※ 注記は notes に入り、値の読み取りを邪魔しない", () => {
    const v = parseValue("現年分:82.87% 滞繰分:11.77% 全体:81.28% (平成30年2月末時点) ※平成30年3月末未算出");
    expect(v.notes).toEqual(["平成30年3月末未算出"]);
    expect(values(v)).toEqual([82.87, 11.77, 81.28]);
    expect(parseValue("※アンケート未実施").notes).toEqual(["アンケート未実施"]);
  });

  test("箇条書き「・団体名 値」は団体名がラベル", () => {
    expect(one("・小平市文化振興財団 6,800万円")).toMatchObject({ label: "小平市文化振興財団", value: 68_000_000, unit: "円" });
    expect(one("・小平市社会福祉協議会 (会費収入等)2,300万円").label).toBe("小平市社会福祉協議会(会費収入等)");
    const v = parseValue("・シルバー人材センター 会員数1,127人 就業率 82.8% 契約金額 429,694千円");
    expect(v.parts.map((p) => [p.label, p.value, p.unit])).toEqual([
      ["会員数", 1127, "人"],
      ["就業率", 82.8, "%"],
      ["契約金額", 429_694_000, "円"],
    ]);
  });

  test("H29 5件 H30 6件 のように単位付きなら年度表ではなくラベル付きの複数値", () => {
    const v = parseValue("H29 5件 H30 6件");
    expect(v.kind).toBe("multi");
    expect(v.parts.map((p) => [p.label, p.value])).toEqual([
      ["H29", 5],
      ["H30", 6],
    ]);
  });

  test("年度表の平坦化(No.30-3)は year-table", () => {
    const v = parseValue(
      "・シルバー人材センター 会員数・就業率・契約金額 (人) (%) (千円) H29 1,130 85.0 442,000 H30 1,140 85.0 446,000 H31 1,160 85.0 450,000 H32 1,180 85.0 454,000",
    );
    expect(v.kind).toBe("year-table");
    expect(v.yearTable).toEqual({
      columns: ["会員数", "就業率", "契約金額"],
      units: ["人", "%", "千円"],
      rows: [
        { fiscalYear: 2017, label: "H29", values: [1130, 85, 442000] },
        { fiscalYear: 2018, label: "H30", values: [1140, 85, 446000] },
        { fiscalYear: 2019, label: "H31", values: [1160, 85, 450000] },
        { fiscalYear: 2020, label: "H32", values: [1180, 85, 454000] },
      ],
    });
    expect(v.issues).toEqual([]);
  });

  test("長音符 ー だけ(①ー)も値なし", () => {
    expect(parseValue("①ー")).toMatchObject({ kind: "placeholder", marker: "①" });
  });
});

describe("other cities (musashino, mitaka, kodaira 2)", () => {
  test("維持だけの目標は相対目標 maintain", () => {
    expect(parseValue("維持")).toMatchObject({ kind: "relative", relative: { kind: "maintain", text: "維持" }, parts: [] });
  });

  test("80台以下は 80 台(助数詞)以下: 帯ではない", () => {
    const p = one("80台以下");
    expect(p).toMatchObject({ value: 80, unit: "台", comparator: "<=" });
    expect(p.band).toBeUndefined();
  });

  test("概ね N%を超えないこと は上限(<=)で概数", () => {
    expect(one("概ね5%を超えないこと")).toMatchObject({ value: 5, unit: "%", comparator: "<=", comparatorText: "を超えないこと", approximate: true });
    expect(one("概ね20%を超えないこと").value).toBe(20);
  });

  test("概ね80%台を維持(…) は帯 + maintain、括弧の但し書きは text の修飾", () => {
    const p = one("概ね80%台を維持(特殊要因による場合にあっても90%台前半に抑制)");
    expect(p).toMatchObject({ value: 80, band: { lo: 80, hi: 90 }, comparator: "maintain", approximate: true });
    expect(p.qualifiers).toEqual([{ text: "特殊要因による場合にあっても90%台前半に抑制", kind: "other" }]);
  });

  test("同左は左の値の写し", () => {
    expect(parseValue("同左").kind).toBe("copy-left");
    expect(parseValue("②同左")).toMatchObject({ kind: "copy-left", marker: "②" });
  });

  test("数と単位の間の空白 (225 件)、m ³ の崩れ、t-CO2", () => {
    expect(one("225 件")).toMatchObject({ value: 225, unit: "件", writtenUnit: "件" });
    expect(one("12,345 m ³").unit).toBe("m³");
    expect(one("1,234t-CO2").unit).toBe("t-CO2");
    expect(one("3,000 kW")).toMatchObject({ value: 3000, unit: "kW" });
  });

  test("百万円は ×1e6、以下・以内・未満・超", () => {
    expect(one("1,234百万円")).toMatchObject({ number: 1234, multiplier: "百万", value: 1_234_000_000, unit: "円", writtenUnit: "百万円" });
    expect(one("95.0%以下").comparator).toBe("<=");
    expect(one("300億円以内")).toMatchObject({ value: 30_000_000_000, comparator: "<=", comparatorText: "以内" });
    expect(one("5件未満").comparator).toBe("<");
    expect(one("10人超").comparator).toBe(">");
    expect(one("139時間以下")).toMatchObject({ value: 139, unit: "時間", comparator: "<=" });
    expect(one("14日以上")).toMatchObject({ value: 14, unit: "日", comparator: ">=" });
  });

  test("億と万の組み合わせは足し合わせる、約は読み飛ばして概数にする", () => {
    expect(one("約11億3,750万円")).toMatchObject({ value: 1_137_500_000, unit: "円", multiplier: "億", approximate: true });
    expect(one("451万5千円").value).toBe(4_515_000);
    expect(one("約6千万円").value).toBe(60_000_000);
    expect(one("1,751千円").value).toBe(1_751_000);
    expect(one("1万2千人")).toMatchObject({ value: 12_000, unit: "人" });
  });

  test("△ ▲ は金額・率ではマイナス、件数では読まずに issue", () => {
    expect(one("△82.93%").value).toBe(-82.93);
    expect(one("▲1,200万円").value).toBe(-12_000_000);
    const v = parseValue("▲5件");
    expect(v.parts[0].value).toBe(5);
    expect(v.issues.join()).toMatch(/minus/);
  });

  test("8施設 98事業者 は二つの値", () => {
    const v = parseValue("8施設 98事業者");
    expect(v.kind).toBe("multi");
    expect(v.parts.map((p) => [p.value, p.unit])).toEqual([
      [8, "施設"],
      [98, "事業者"],
    ]);
  });

  test("データ年の括弧: (令和元年度) (平成 24 年度) (平成21年)", () => {
    expect(one("1,234人 (令和元年度)").qualifiers[0]).toMatchObject({ kind: "fiscal-year", fiscalYear: 2019 });
    expect(one("56.7% (平成 24 年度)").qualifiers[0]).toMatchObject({ kind: "fiscal-year", fiscalYear: 2012, text: "平成 24 年度" });
    expect(one("302台 (平成21年)").qualifiers[0]).toMatchObject({ kind: "as-of", date: { year: 2009 } });
  });

  test("注記参照 (注2)、内定者数 (198人)、丸数字リスト (①②③ ④) は分割しない", () => {
    expect(one("12.5% (注2)").qualifiers).toEqual([{ text: "注2", kind: "note-ref" }]);
    const v = parseValue("250人 (198人)");
    expect(v.parts.map((p) => [p.value, p.inParentheses])).toEqual([
      [250, false],
      [198, true],
    ]);
    const c = parseValue("7件 (①②③ ④)");
    expect(c.parts).toHaveLength(1);
    expect(c.parts[0].qualifiers[0]).toMatchObject({ kind: "other", text: "①②③ ④" });
  });

  test("(令和3年4月1日現在:0%) は時点と現状値をもつ修飾", () => {
    const p = one("50%以上 (令和3年4月1日現在:0%)");
    expect(p).toMatchObject({ value: 50, comparator: ">=" });
    expect(p.qualifiers[0]).toMatchObject({ kind: "as-of", date: { year: 2021, month: 4, day: 1 }, quantity: { value: 0, unit: "%" } });
    expect(parseValue("15件以上 (現状値:5件)").parts[0].qualifiers[0]).toMatchObject({ kind: "basis", basis: "現状値", quantity: { value: 5 } });
  });

  test("(H28.4.1) は時点、(27年決算) は元号なしの決算基準", () => {
    expect(one("910人 (H28.4.1)").qualifiers[0]).toMatchObject({ kind: "as-of", date: { year: 2016, month: 4, day: 1 } });
    expect(one("95.0%以下 (27年決算)").qualifiers[0]).toMatchObject({ kind: "basis", basis: "決算" });
  });

  test("時間/人・年 のような複合の per", () => {
    expect(one("141.9 時間/人・年")).toMatchObject({ value: 141.9, unit: "時間", per: "人・年" });
  });

  test("一覧にない助数詞はそのまま単位にし issue に残す", () => {
    const v = parseValue("3路線以上");
    expect(v.parts[0]).toMatchObject({ value: 3, unit: "路線", comparator: ">=" });
    expect(v.issues).toEqual(['unit "路線" is not a known unit']);
  });

  test("1,000人台のような単位付きの帯は桁に応じた幅", () => {
    expect(one("1,000人台").band).toEqual({ lo: 1000, hi: 2000 });
    expect(one("100万人台").band).toEqual({ lo: 1_000_000, hi: 2_000_000 });
    expect(one("1.5%台").band).toEqual({ lo: 1.5, hi: 1.6 });
  });

  test("全角数字と全角記号も読む", () => {
    expect(parseValue("１３")).toMatchObject({ kind: "number", numberAsText: true, parts: [{ value: 13 }] });
    expect(one("９５．５％以上")).toMatchObject({ value: 95.5, unit: "%", comparator: ">=" });
    expect(one("１，２３４人（令和２年度）").qualifiers[0]).toMatchObject({ text: "令和２年度", fiscalYear: 2020 });
  });
});

describe("relative targets without a number", () => {
  test("…の増・…の向上は increase、現状維持は maintain", () => {
    expect(parseValue("利用者数の増").relative).toEqual({ text: "利用者数の増", kind: "increase" });
    expect(parseValue("収納率の向上").relative?.kind).toBe("increase");
    expect(parseValue("現状維持").relative?.kind).toBe("maintain");
    expect(parseValue("①前年度実績以上")).toMatchObject({ kind: "relative", marker: "①", relative: { kind: "at-least-previous" } });
  });

  test("数も相対語もない目標は qualitative(充実・発展、都市計画決定)", () => {
    expect(parseValue("充実・発展")).toMatchObject({ kind: "qualitative", parts: [], issues: [] });
    expect(parseValue("都市計画決定").kind).toBe("qualitative");
  });
});

describe("speed and robustness", () => {
  test("よくある値 2 万件を 5 秒以内に読む(パイプライン全体の予算の目安)", () => {
    const raws = ["①9,855人", "—", "-", "2,000人", "①1万人以上", "95%以上", "②150件(平成29年度末)", "現年分:98.23% 滞繰分:15.10% 全体:96.12% (平成28年度予算)"];
    const t0 = Date.now();
    for (let k = 0; k < 20000; k++) parseValue(raws[k % raws.length]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test("長く入れ子の多い入力でも二乗の時間にならない", () => {
    const nasty = ["(".repeat(5000) + "1人" + ")".repeat(5000), "1人 ".repeat(5000), "<".repeat(10000) + "1", "①".repeat(3000) + "1".repeat(3000), "あ ".repeat(10000) + "5件", "(a)".repeat(5000) + "1件", "・x 1件 ".repeat(3000)];
    const t0 = Date.now();
    for (const s of nasty) expect(parseValue(s).raw).toBe(s);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe("Excel types come first", () => {
  test("数値セルは number、パーセント書式の 0.962 は 96.2%", () => {
    expect(parseValue(0.962, { percentFormat: true })).toMatchObject({ kind: "number", parts: [{ value: 96.2, unit: "%" }] });
    expect(parseValue(1234)).toMatchObject({ kind: "number", raw: "1234", parts: [{ number: 1234, value: 1234 }] });
    expect(parseValue(1234).numberAsText).toBeUndefined();
  });

  test("エラー値は error と errorCode", () => {
    expect(parseValue({ error: "#REF!" })).toMatchObject({ kind: "error", errorCode: "#REF!" });
    expect(parseValue("#DIV/0!")).toMatchObject({ kind: "error", errorCode: "#DIV/0!" });
  });

  test("文字列の数は 1,234 も numberAsText", () => {
    expect(parseValue("1,234")).toMatchObject({ kind: "number", numberAsText: true, parts: [{ value: 1234 }] });
    expect(parseValue(" 12.5 ").parts[0].value).toBe(12.5);
  });

  test("日付セルは date に入る", () => {
    const v = parseValue(new Date(Date.UTC(2018, 2, 31)));
    expect(v.kind).toBe("qualitative");
    expect(v.date).toEqual({ year: 2018, month: 3, day: 31 });
  });

  test("真偽値・非有限数は読めない値として issue", () => {
    expect(parseValue(true).kind).toBe("unparseable");
    expect(parseValue(Number.NaN).issues.length).toBeGreaterThan(0);
    expect(parseValue("####").kind).toBe("unparseable");
  });

  test("HTML の残骸は値の読み取りに影響しない", () => {
    expect(one("<p>95%以上</p>")).toMatchObject({ value: 95, comparator: ">=" });
  });
});

describe("dates and qualifiers inside values", () => {
  test("日付の数は値にしない(平成30年3月末、3月16日)", () => {
    const v = parseValue("平成30年3月末 95%");
    expect(values(v)).toEqual([95]);
    expect(v.qualifiers[0]).toMatchObject({ kind: "as-of", date: { year: 2018, month: 3, day: 31 } });
    expect(values(parseValue("3月16日 24人"))).toEqual([24]);
  });

  test("令和2(2021)年度 の食い違いは issue、年の組の括弧は修飾でも値でもない", () => {
    const v = parseValue("10件 (令和2(2021)年度)");
    expect(v.issues.join()).toMatch(/era-mismatch/);
    const w = parseValue("令和2(2020)年度 95%");
    expect(values(w)).toEqual([95]);
    expect(w.qualifiers[0]).toMatchObject({ kind: "fiscal-year", fiscalYear: 2020 });
  });

  test("複数セグメントのセルは parts に marker を付けて読む", () => {
    const v = parseValue("①80%台 ②35億円 ③25億円");
    expect(v.kind).toBe("multi");
    expect(v.parts.map((p) => [p.marker, p.value])).toEqual([
      ["①", 80],
      ["②", 3_500_000_000],
      ["③", 2_500_000_000],
    ]);
    expect(v.issues[0]).toMatch(/3 circled-number segments/);
  });

  test("No.36 の括弧内の①②は値に影響しない", () => {
    const v = parseValue("②2件(①リサイクルセンター設計・施工契約、②上宿小学童クラブ第二指定管理者制度導入)");
    expect(v).toMatchObject({ kind: "simple", marker: "②" });
    expect(v.parts[0].value).toBe(2);
  });
});

describe("splitMarkedSegments", () => {
  test("空白の後の丸数字で、昇順のときだけ分割する", () => {
    expect(splitMarkedSegments("①80%台 ②35億円 ③25億円")).toEqual([
      { marker: "①", index: 1, text: "①80%台" },
      { marker: "②", index: 2, text: "②35億円" },
      { marker: "③", index: 3, text: "③25億円" },
    ]);
  });

  test("括弧の中や語の途中の丸数字では分割しない", () => {
    expect(splitMarkedSegments("②2件(①リサイクルセンター設計・施工契約、②上宿小学童クラブ第二指定管理者制度導入)")).toHaveLength(1);
    expect(splitMarkedSegments("①ごみ量②資源化率")).toEqual([{ marker: "①", index: 1, text: "①ごみ量②資源化率" }]);
  });

  test("降順・同じ番号の丸数字は前のセグメントに残る", () => {
    expect(splitMarkedSegments("②a ①b ③c").map((s) => s.text)).toEqual(["②a ①b", "③c"]);
  });

  test("最初の丸数字の前の文は印なしのセグメント(空白なら省く)", () => {
    expect(splitMarkedSegments("合計 ①5 ②6")).toEqual([
      { text: "合計" },
      { marker: "①", index: 1, text: "①5" },
      { marker: "②", index: 2, text: "②6" },
    ]);
    expect(splitMarkedSegments("  ①5")).toEqual([{ marker: "①", index: 1, text: "①5" }]);
    expect(splitMarkedSegments("")).toEqual([]);
    expect(splitMarkedSegments("-")).toEqual([{ text: "-" }]);
  });

  test("改行の後の丸数字でも分割する(①…⑳)", () => {
    expect(splitMarkedSegments("①1件\n②2件\n⑳3件").map((s) => s.index)).toEqual([1, 2, 20]);
  });
});
