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
    ]);
    expect(cellsOf(r, "YEAR-HEADER")).toEqual([]);
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
    expect(missing.message.ja).toContain("平成32年度 がありません");
    expect(missing.message.en).toContain("FY2020");
  });

  test("計画期間の指定がなければ、順序と途中の欠けだけを見る", () => {
    const noPeriod: Profile = { ...musashino, rules: { ...musashino.rules, "YEAR-HEADER": {} } };
    const rows = project("外", [{ cells: ["検討", "実施", "→", "→"], status: "○", headers: ["平成 30 年度", "平成 31 年度", "平成 33 年度", "平成 34 年度"] }]);
    const f = check(rows, { profiles: [noPeriod] }).findings.filter((x) => x.ruleId === "YEAR-HEADER");
    expect(f.map((x) => [x.cell, x.message.ja])).toEqual([["D5", expect.stringContaining("平成32年度 がありません。平成30年度〜平成34年度")]]);
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
