/**
 * @jest-environment node
 *
 * The 取組状況 rules on small hand-made sheets: each case the seed does not have (it has no △, ×, reason, misplaced
 * `→` or bad year header), and the LIST-MISMATCH note comparison next to the 小平 behaviour it must not change.
 */
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid } from "../../src/core/model/grid";
import type { Profile } from "../../src/core/profile/types";
import { builtInProfile } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";

const musashino = builtInProfile("musashino-torikumi")!;
const kodaira = builtInProfile("kodaira-chosahyo")!;

function grid(name: string, rows: CellValue[][], merges: SheetGrid["merges"] = []): SheetGrid {
  return { name, visibility: "visible", top: 0, left: 0, rows, merges };
}

const YEARS = ["平成 29 年度", "平成 30 年度", "平成 31 年度", "平成 32 年度"];

/** One project in the canonical layout: plan rows as [cells, status, header?]. */
function project(name: string, plans: { cells: CellValue[]; status: CellValue; headers?: CellValue[] }[], reason: CellValue = null, departments = "企画調整課"): CellValue[][] {
  const rows: CellValue[][] = [
    ["事業名", name, null, null, null],
    ["担当課", departments, null, null, null],
    ["課題・目的", "課題", null, null, null],
    ["取組事項", "取組", null, null, null],
  ];
  for (const p of plans) {
    rows.push(["年次計画", ...(p.headers ?? YEARS)]);
    rows.push([null, ...p.cells]);
    rows.push(["実施状況", p.status, null, null, null]);
  }
  rows.push(["目標に対する 1 年間の取組状況、課題及び今後の予定", "取組を進めた。", null, null, null]);
  rows.push(["未着手・中止 の理由", reason, null, null, null]);
  return rows;
}

function check(rows: CellValue[][], opts: { profiles?: Profile[]; fiscalYear?: number; extra?: SheetGrid[] } = {}) {
  const sheets = [grid("取組状況", rows), ...(opts.extra ?? [])];
  return validateWorkbook({ sheets, skippedSheets: [] }, { profiles: opts.profiles ?? [musashino], fiscalYear: opts.fiscalYear });
}

const cellsOf = (r: ReturnType<typeof check>, rule: string) => r.findings.filter((f) => f.ruleId === rule).map((f) => f.cell);

describe("REASON-REQUIRED / REASON-UNEXPECTED", () => {
  test("△ と × は理由が必要で、「—」だけの理由は空欄と同じ", () => {
    expect(cellsOf(check(project("A", [{ cells: ["検討", "→", "→", "→"], status: "△" }])), "REASON-REQUIRED")).toEqual(["B9"]);
    expect(cellsOf(check(project("A", [{ cells: ["検討", "→", "→", "→"], status: "×" }], "—")), "REASON-REQUIRED")).toEqual(["B9"]);
    expect(cellsOf(check(project("A", [{ cells: ["検討", "→", "→", "→"], status: "x" }])), "REASON-REQUIRED")).toEqual(["B9"]); // a variant of ×
    expect(cellsOf(check(project("A", [{ cells: ["検討", "→", "→", "→"], status: "△" }], "調整中のため")), "REASON-REQUIRED")).toEqual([]);
  });

  test("理由があっても、実施状況がすべて ◎/○ のときだけ REASON-UNEXPECTED（空欄や読めない記号があれば出さない）", () => {
    const two = (a: CellValue, b: CellValue) =>
      project(
        "A",
        [
          { cells: ["検討", "→", "→", "→"], status: a },
          { cells: ["実施", "→", "—", "—"], status: b },
        ],
        "予算の都合",
      );
    expect(cellsOf(check(two("○", "◎")), "REASON-UNEXPECTED")).toEqual(["B12"]);
    expect(cellsOf(check(two("○", "△")), "REASON-UNEXPECTED")).toEqual([]);
    expect(cellsOf(check(two("○", "済")), "REASON-UNEXPECTED")).toEqual([]);
    expect(check(two("○", "◎")).findings.find((f) => f.ruleId === "REASON-UNEXPECTED")?.severity).toBe("warning");
  });
});

describe("DONE-BUT-SCHEDULED", () => {
  test("◎ の後の年度が 運用 と → だけなら運用・継続、それ以外は新たな取組。— と空欄は計画なし", () => {
    const r = check([
      ...project("運用", [{ cells: ["導入", "運用", "→", "→"], status: "◎" }]),
      ...project("新規", [{ cells: ["検討", "→", "実施", "—"], status: "◎" }]),
      ...project("完了", [{ cells: ["実施", "—", "<p>—</p>", null], status: "◎" }]),
      ...project("実施中", [{ cells: ["導入", "運用", "→", "→"], status: "○" }]),
    ]);
    const done = r.findings.filter((f) => f.ruleId === "DONE-BUT-SCHEDULED");
    expect(done.map((f) => f.cell)).toEqual(["B7", "B16"]);
    expect(done[0].message.ja).toContain("運用・継続");
    expect(done[1].message.ja).toContain("新たな取組");
    expect(done[1].message.ja).toContain("平成31年度「実施」");
  });

  test("対象年度が分かれば、それより後の年度だけを見る", () => {
    const rows = project("A", [{ cells: ["検討", "実施", "—", "—"], status: "◎" }]);
    expect(cellsOf(check(rows), "DONE-BUT-SCHEDULED")).toEqual(["B7"]);
    expect(cellsOf(check(rows, { fiscalYear: 2018 }), "DONE-BUT-SCHEDULED")).toEqual([]);
  });
});

describe("PLAN-CELL-ORDER", () => {
  test("最初の年度の →、— の後の計画はエラー。— で終わる行、HTML の残った — は正しい", () => {
    const r = check([
      ...project("A", [{ cells: ["→", "実施", "→", "→"], status: "○" }]),
      ...project("B", [{ cells: ["検討", "—", "→", "—"], status: "○" }]),
      ...project("C", [{ cells: ["検討", "実施", "<p>—</p>", "—"], status: "○" }]),
    ]);
    const f = r.findings.filter((x) => x.ruleId === "PLAN-CELL-ORDER");
    expect(f.map((x) => [x.cell, x.severity])).toEqual([
      ["B6", "error"],
      ["D15", "error"],
    ]);
    expect(f[0].message.ja).toContain("最初の年度（平成29年度）が「→」");
    expect(f[1].message.ja).toContain("平成30年度は「—」");
  });
});

describe("YEAR-HEADER", () => {
  test("空白の有無、範囲の見出し（平成 29～30 年度）は計画期間を満たす", () => {
    const r = check([
      ...project("A", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["平成29年度", "平成30年度", "平成31年度", "平成32年度"] }]),
      ...project("B", [{ cells: ["骨子案の策定", "—", "—", null], status: "○", headers: ["平成 29～30 年度", "平成 31 年度", "平成 32 年度", null] }]),
      // A range across the change of era is one header too.
      ...project("C", [{ cells: ["検討", "実施", "→", null], status: "○", headers: ["平成 29 年度", "平成 30～令和元 年度", "令和 2 年度", null] }]),
    ]);
    expect(r.records).toHaveLength(3);
    expect(cellsOf(r, "YEAR-HEADER")).toEqual([]);
    expect(cellsOf(r, "REQUIRED-MISSING")).toEqual([]);
  });

  test("順序の逆転、計画期間の外、欠けた年度", () => {
    const r = check([
      ...project("逆", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["平成 29 年度", "平成 31 年度", "平成 30 年度", "平成 32 年度"] }]),
      ...project("欠", [{ cells: ["検討", "実施", "→", null], status: "○", headers: ["平成 29 年度", "平成 30 年度", "平成 31 年度", null] }]),
      ...project("外", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["平成 30 年度", "平成 31 年度", "平成 32 年度", "平成 33 年度"] }]),
    ]);
    const f = r.findings.filter((x) => x.ruleId === "YEAR-HEADER");
    expect(f.map((x) => x.cell)).toEqual(["D5", "E14", "B23", "E23"]);
    expect(f.every((x) => x.severity === "error")).toBe(true);
    const missing = f.find((x) => x.cell === "E14")!;
    expect(missing.message.ja).toContain("令和2年度（平成32年度） がありません");
    expect(missing.message.en).toContain("FY2020");
  });

  test("事業が1つだけなら、その見出しの範囲が計画期間で、順序と途中の欠けを見る", () => {
    const rows = project("外", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["平成 30 年度", "平成 31 年度", "平成 33 年度", "平成 34 年度"] }]);
    const r = check(rows);
    const f = r.findings.filter((x) => x.ruleId === "YEAR-HEADER");
    expect(f.map((x) => [x.cell, x.message.ja])).toEqual([["D5", expect.stringContaining("令和2年度（平成32年度） がありません。平成30年度〜令和4年度（平成34年度）")]]);
    expect(r.planPeriods).toEqual([{ profileId: "musashino-torikumi", from: 2018, to: 2022, source: "workbook" }]);
  });

  test("同じ年度の見出しが2つ続けば重複、西暦と和暦が混ざれば書き方の不揃い", () => {
    const r = check([
      ...project("重", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["令和 5 年度", "令和 6 年度", "令和 6 年度", "令和 8 年度"] }]),
      ...project("混", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["令和 5 年度", "2024年度", "令和 7 年度", "令和 8 年度"] }]),
      ...project("正", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["令和 5 年度", "令和 6 年度", "令和 7 年度", "令和 8 年度"] }]),
    ]);
    const f = r.findings.filter((x) => x.ruleId === "YEAR-HEADER");
    expect(f.map((x) => [x.cell, x.message.ja])).toEqual([
      ["D5", expect.stringContaining("「令和 6 年度」が、左の列（令和 6 年度）と同じ年度です")],
      ["E5", expect.stringContaining("令和7年度 がありません。令和5年度〜令和8年度")],
      ["C14", expect.stringContaining("「2024年度」の書き方が、同じ行のほかの見出し（「令和 5 年度」など）と揃っていません")],
    ]);
  });
});

describe("計画期間と対象年度はブックから読む（見本の年度を前提にしない）", () => {
  const REIWA = ["令和 5 年度", "令和 6 年度", "令和 7 年度", "令和 8 年度"];
  const reiwaProject = (name: string, headers: CellValue[] = REIWA) => project(name, [{ cells: ["検討", "実施", "→", "→"], status: "○", headers }]);
  const titled = (...projects: CellValue[][][]): CellValue[][] => [["取組状況（令和5年度末時点）", null, null, null, null], ...projects.flat()];

  test("令和5〜8年度の計画の取組状況には YEAR-HEADER が出ず、期間と年度はシートから読んだものになる", () => {
    const r = check(titled(reiwaProject("A"), reiwaProject("B"), reiwaProject("C")));
    expect(r.records).toHaveLength(3);
    expect(cellsOf(r, "YEAR-HEADER")).toEqual([]);
    expect(r.planPeriods).toEqual([{ profileId: "musashino-torikumi", from: 2023, to: 2026, source: "workbook" }]);
    expect([r.fiscalYear, r.fiscalYearSource]).toEqual([2023, "workbook"]);
  });

  test("1事業だけ見出しが違えば、その事業だけに指摘（期間は多数の見出しから）。年度は令和で書かれ、令和0・令和-1 は出ない", () => {
    const r = check(titled(reiwaProject("A"), reiwaProject("B"), reiwaProject("C", ["令和 5 年度", "令和 6 年度", "令和 7 年度", "令和 9 年度"])));
    const f = r.findings.filter((x) => x.ruleId === "YEAR-HEADER");
    expect(f.map((x) => x.message.ja)).toEqual([
      expect.stringContaining("「令和 9 年度」が計画期間（令和5年度〜令和8年度）に含まれていません"),
      expect.stringContaining("年度の見出しに 令和8年度 がありません。令和5年度〜令和8年度の年度をすべて"),
    ]);
    expect(f.map((x) => x.message.ja).join("")).not.toMatch(/令和-|令和0/);
    expect(f[1].message.en).toContain("FY2026");
  });

  test("利用者が決めた計画期間（ブックの設定・--plan-period）はシートの見出しより優先する", () => {
    const sheets = [grid("取組状況", titled(reiwaProject("A"), reiwaProject("B")))];
    const r = validateWorkbook({ sheets, skippedSheets: [] }, { profiles: [musashino], planPeriod: { from: 2023, to: 2025 }, fiscalYear: 2024 });
    expect(r.planPeriods).toEqual([{ profileId: "musashino-torikumi", from: 2023, to: 2025, source: "user" }]);
    expect([r.fiscalYear, r.fiscalYearSource]).toEqual([2024, "user"]);
    expect(r.findings.filter((x) => x.ruleId === "YEAR-HEADER").map((x) => x.message.ja)).toEqual([
      expect.stringContaining("「令和 8 年度」が計画期間（令和5年度〜令和7年度）に含まれていません"),
      expect.stringContaining("「令和 8 年度」が計画期間（令和5年度〜令和7年度）に含まれていません"),
    ]);
  });

  test("プロファイルの既定の期間は、見出しのない記録にだけ使われ、出どころは profile", () => {
    const withDefault: Profile = { ...musashino, rules: { ...musashino.rules, "YEAR-HEADER": { params: { planPeriod: { from: "令和5年度", to: "令和8年度" } } } } };
    const noPlan: CellValue[][] = project("A", []);
    const r = check(noPlan, { profiles: [withDefault] });
    expect(r.planPeriods).toEqual([{ profileId: "musashino-torikumi", from: 2023, to: 2026, source: "profile" }]);
    const stated = check(titled(reiwaProject("A", ["令和 6 年度", "令和 7 年度", "令和 8 年度", "令和 9 年度"])), { profiles: [withDefault] });
    expect(stated.planPeriods).toEqual([{ profileId: "musashino-torikumi", from: 2024, to: 2027, source: "workbook" }]);
  });
});

describe("LIST-MISMATCH: 担当課の注記", () => {
  const toc = (departments: string) =>
    grid("目次", [
      ["事業名", "担当課", "頁"],
      ["I：方針", null, null],
      ["1. 項", null, null],
      ["(1) 細目", null, null],
      ["市有地の活用", departments, 1],
    ]);
  const body = (departments: string) => [["I：方針", null, null, null, null], ["1. 項", null, null, null, null], ["(1) 細目", null, null, null, null], ...project("市有地の活用", [{ cells: ["実施", "→", "→", "→"], status: "○" }], null, departments)];
  const run = (listDepts: string, sheetDepts: string, profile = musashino) =>
    check(body(sheetDepts), { profiles: [profile], extra: [toc(listDepts)] }).findings.filter((f) => f.ruleId === "LIST-MISMATCH");

  test("武蔵野: 別の課に付いた注記・欠けた注記は食い違い、空白だけの違いは同じ", () => {
    expect(run("企画調整課（平成30年度より資産活用課）・管財課", "企画調整課・管財課（平成 30 年度より資産活用課）").map((f) => f.cell)).toEqual(["B5"]);
    expect(run("企画調整課（平成 30 年度より資産活用課）・高齢者支援課", "企画調整課・高齢者支援課").map((f) => f.cell)).toEqual(["B5"]);
    expect(run("企画調整課（平成30年度より資産活用課）・施設課", "企画調整課（平成 30 年度より資産活用課）・施設課")).toEqual([]);
  });

  test("武蔵野でも (旧…) の注記は比べない（ignoredNotes: ^旧）", () => {
    expect(run("公共施設マネジメント課(旧財産管理課)", "公共施設マネジメント課")).toEqual([]);
  });

  test("departmentNotes を指定しないプロファイル（小平）は、これまでどおり注記をすべて無視する", () => {
    const plain: Profile = { ...musashino, rules: { ...musashino.rules, "LIST-MISMATCH": { params: { departmentWildcards: ["各課"] } } } };
    expect(run("企画調整課（平成30年度より資産活用課）・管財課", "企画調整課・管財課（平成 30 年度より資産活用課）", plain)).toEqual([]);
    expect(kodaira.rules["LIST-MISMATCH"]?.params?.departmentNotes).toBeUndefined();
  });

  test("名前が違っても同じ見出しの下に1件ずつなら対応づけ、題名の食い違いとして示す", () => {
    const f = check(body("企画調整課"), { extra: [grid("目次", [["事業名", "担当課", "頁"], ["I：方針", null, null], ["1. 項", null, null], ["(1) 細目", null, null], ["市有地の広域活用", "企画調整課", 1]])] }).findings;
    expect(f.filter((x) => x.ruleId === "LIST-MISMATCH").map((x) => [x.sheet, x.cell])).toEqual([["目次", "A5"]]);
  });
});
