/**
 * @jest-environment node
 *
 * IND-DIRECTION-INFERRED on the 三鷹 目標指標一覧 (mitaka-shihyo, one row per indicator from row 5: F 計画策定時,
 * G–I 達成値, J 目標値, K 目標の型): a target with no 以上/以下, no 目標の型 and no direction in the profile is judged
 * in a direction inferred from the target against the baseline; the target's cell (J) says so (info), and names the
 * direction inferred.
 */
import { check, type MitakaIndicator, mitakaIndicators } from "./harness";

const RULE = "IND-DIRECTION-INFERRED";

const run = (...rows: MitakaIndicator[]) => check("mitaka-shihyo", mitakaIndicators(rows));

describe("指摘しない", () => {
  test.each([
    ["目標の型「以上」", { targetType: "以上" }],
    ["目標の型「以下」", { target: 80, targetType: "以下", actual: [95, 90, 85] }],
    ["目標値に「以上」と書いてある", { target: "150人以上", targetType: null }],
    ["プロファイルに向きのある指標名（待機児童数は低いほどよい）", { indicator: "保育所の待機児童数", baseline: 100, target: 0, actual: [80, 60, 40], targetType: null }],
    ["目標の型「定性」（判定しない）", { target: "充実", targetType: "定性" }],
    ["達成値がひとつもない（判定していない）", { actual: [null, null, null], targetType: null }],
  ] as const)("%s", (_, row) => {
    expect(run(row).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("目標 150 が計画策定時 100 より大きい: 「高いほどよい」と推定したと、目標値のセル J5 に", () => {
    const r = run({ targetType: null });
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "info",
        sheet: "目標指標一覧",
        cell: "J5",
        ja: "指標「指標1」の目標値（150）には「以上」「以下」などの向きが書かれていないため、現状値（100）との大小から「高いほどよい」と推定して判定しました。向きが違う場合は、目標値に「以上」「以下」を書き添えてください（1行1指標の様式では「目標の型」欄でも指定できます）。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toContain('the target (150) says neither 以上 (at least) nor 以下 (at most), so it was judged as "higher is better", inferred from the baseline (100)');
  });

  test("目標 150 が計画策定時 200 より小さい: 「低いほどよい」", () => {
    const [f] = run({ baseline: 200, target: 150, actual: [190, 180, 170], targetType: null }).of(RULE);
    expect(f.cell).toBe("J5");
    expect(f.ja).toContain("現状値（200）との大小から「低いほどよい」と推定");
    expect(f.en).toContain('judged as "lower is better"');
  });

  test("計画策定時も前の達成値もなければ、比べる現状値がないと伝える", () => {
    const [f] = run({ baseline: null, actual: [null, null, 130], targetType: null }).of(RULE);
    expect(f.cell).toBe("J5");
    expect(f.ja).toBe(
      "指標「指標1」の目標値（150）には「以上」「以下」などの向きが書かれておらず、比べる現状値もないため、「高いほどよい」として判定しました。向きが違う場合は、目標値に「以上」「以下」を書き添えてください。",
    );
  });

  test("3行のうち目標の型が空の2行（6・7行目）だけ", () => {
    expect(run({}, { targetType: null }, { targetType: null, baseline: 200 }).cells(RULE)).toEqual(["J6", "J7"]);
  });
});
