/**
 * @jest-environment node
 *
 * DONE-BUT-SCHEDULED (done-but-scheduled.ts) on a 武蔵野 取組状況: a 年次計画 row marked ◎ (完了) while a later year
 * still plans work is a warning at the status (B7). Later cells of only `運用` and `→` read as operation continuing;
 * anything else as new work, quoted with its year. `—` and empty cells plan nothing. "Later" is after the workbook's
 * 対象年度 when known, else after the row's first year. An ended 推進プログラム item is ENDED-BUT-SCHEDULED's.
 */
import { check, type MusashinoPlan, musashinoSheet, programSheet } from "./harness";

const RULE = "DONE-BUT-SCHEDULED";

const done = (cells: MusashinoPlan["cells"], status = "◎") => musashinoSheet([{ plans: [{ cells, status }] }]);

describe("指摘しない", () => {
  test("◎ の後の年度が — と空欄だけ（HTML の残った <p>—</p> も —）", () => {
    expect(check("musashino-torikumi", done(["実施", "—", "<p>—</p>", null])).of(RULE)).toEqual([]);
  });

  test("○ なら後の年度に計画があってよい", () => {
    expect(check("musashino-torikumi", done(["導入", "運用", "→", "→"], "○")).of(RULE)).toEqual([]);
  });

  test("対象年度（平成30年度）より後の計画だけを見る: 平成30年度の「実施」は対象年度のうち", () => {
    expect(check("musashino-torikumi", done(["検討", "実施", "—", "—"]), { fiscalYear: 2018 }).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("後の年度が 運用 と → だけなら「運用・継続」として B7 に警告", () => {
    const r = check("musashino-torikumi", done(["導入", "運用", "→", "→"]));
    expect(r.of(RULE)).toEqual([expect.objectContaining({ severity: "warning", cell: "B7" })]);
    expect(r.of(RULE)[0].ja).toMatch(/^実施状況は ◎（完了）ですが、以降の年度も運用・継続が計画されています（.*）。/);
  });

  test("後の年度に新たな取組があれば「新たな取組」、その年度と語を示す", () => {
    const r = check("musashino-torikumi", done(["検討", "→", "実施", "—"]));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("以降の年度に新たな取組が計画されています");
    expect(r.of(RULE)[0].ja).toContain("平成31年度「実施」");
  });

  test("対象年度が分からなければ最初の年度より後: 平成30年度の「実施」も後の計画", () => {
    expect(check("musashino-torikumi", done(["検討", "実施", "—", "—"])).cells(RULE)).toEqual(["B7"]);
  });
});

test("推進プログラムの終了した項目はこの規則では指摘しない（ENDED-BUT-SCHEDULED）", () => {
  const r = check("kodaira-program", programSheet([{ title: "プログラム1 ※令和4年度までをもって終了" }]));
  expect(r.of(RULE)).toEqual([]);
  expect(r.of("ENDED-BUT-SCHEDULED").length).toBeGreaterThan(0);
});
