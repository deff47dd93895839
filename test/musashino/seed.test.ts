/**
 * @jest-environment node
 *
 * `chosahyo validate seeds/musashino-h29.xlsx`: both sheets recognised, every project and plan row read, and exactly
 * the findings the sample warrants. Each expected finding names the line of the source text
 * (seeds/data/musashino/000-torikumi-h29.txt, `L199` = line 199) that warrants it.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../../src/core/model/finding";
import type { SurveyRecord } from "../../src/core/model/record";
import type { Profile } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES, builtInProfile } from "../../src/core/profiles";
import { pairListByTitle } from "../../src/core/rules/list-mismatch";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { cli } from "../helpers/cli";
import { kodairaSeed, ROOT } from "../helpers/grid";
import { a1, editedSeed, musashinoSeed, projects, recordCells, SEED, seedBytes } from "./helpers";

type Expected = readonly [ruleId: string, sheet: string, cell: string];

const EXPECTED: readonly Expected[] = [
  // 9 of the 13 ◎ rows plan work in a later year: L199 (#3), L401 (#14), L444 (#17), L668 (#30), L844 (#40), L936
  // (#45), L1220 (#61), L1322 (#67), L1424 (#73). Each finding points at the ◎ status cell of that plan row.
  ["DONE-BUT-SCHEDULED", "取組状況", "B34"], // #3  L199
  ["DONE-BUT-SCHEDULED", "取組状況", "B142"], // #14 L401
  ["DONE-BUT-SCHEDULED", "取組状況", "B169"], // #17 L444
  ["DONE-BUT-SCHEDULED", "取組状況", "B296"], // #30 L668
  ["DONE-BUT-SCHEDULED", "取組状況", "B395"], // #40 L844
  ["DONE-BUT-SCHEDULED", "取組状況", "B441"], // #45 L936
  ["DONE-BUT-SCHEDULED", "取組状況", "B601"], // #61 L1220
  ["DONE-BUT-SCHEDULED", "取組状況", "B657"], // #67 L1322
  ["DONE-BUT-SCHEDULED", "取組状況", "B717"], // #73 L1424

  // #21: 目次 L49 「近隣自治体等との広域連携の検討」 vs body L503 「…連携の検討」.
  ["LIST-MISMATCH", "目次", "A36"],
  // #35: the note （平成30年度より資産活用課） is on 企画調整課 in the 目次 (L72), on 管財課 in the body (L753).
  ["LIST-MISMATCH", "目次", "B59"],
  // #37: the 目次 (L75) has the note on 企画調整課, the body (L789) has none.
  ["LIST-MISMATCH", "目次", "B61"],
];

/** The ◎ rows that plan later work: project, status line, and whether the later cells only continue (運用, →). */
const DONE_ROWS: readonly { no: number; line: number; cell: string; continuing: boolean }[] = [
  { no: 3, line: 199, cell: "B34", continuing: false },
  { no: 14, line: 401, cell: "B142", continuing: true },
  { no: 17, line: 444, cell: "B169", continuing: true },
  { no: 30, line: 668, cell: "B296", continuing: true },
  { no: 40, line: 844, cell: "B395", continuing: true },
  { no: 45, line: 936, cell: "B441", continuing: false },
  { no: 61, line: 1220, cell: "B601", continuing: false },
  { no: 67, line: 1322, cell: "B657", continuing: false },
  { no: 73, line: 1424, cell: "B717", continuing: false },
];

/**
 * 課題・目的 in 44 records, 取組事項 in 37 and the progress text in 53 carry `<p>…</p>`, and two plan rows have `<p>` inside
 * cells (L1055, L1321). The seed takes those cells from the source text (seeds/data/musashino/000-torikumi-h29.txt),
 * so TEXT-HTML reports exactly those cells: column B of each text field's row, and each `<p>` cell of the two plan rows.
 */
function htmlCells(): { purpose: string[]; actions: string[]; progress: string[]; plans: string[] } {
  const out = { purpose: [] as string[], actions: [] as string[], progress: [] as string[], plans: [] as string[] };
  for (const p of projects()) {
    const c = recordCells(p.no);
    if (p.purpose.includes("<p>")) out.purpose.push(a1(c.nameRow + 2, 1));
    if (p.actions.includes("<p>")) out.actions.push(a1(c.nameRow + 3, 1));
    if (p.progress.includes("<p>")) out.progress.push(a1(c.progressRow, 1));
    const firstYear = p.subItemColumn ? 2 : 1;
    p.plans.forEach((pl, k) => pl.cells.forEach((v, i) => v.includes("<p>") && out.plans.push(a1(c.plans[k].valueRow, firstYear + i))));
  }
  return out;
}

const key = (f: Expected): string => f.join(" ");
const sortKeys = (xs: string[]): string[] => [...xs].sort();

let report: ValidationReport;
let records: SurveyRecord[];

beforeAll(async () => {
  report = validateWorkbook(await musashinoSeed(), { profiles: BUILT_IN_PROFILES });
  records = report.records.filter((r) => r.role === "records");
});

function found(rule?: string, r: ValidationReport = report): Finding[] {
  return r.findings.filter((f) => !rule || f.ruleId === rule);
}

describe("seeds/musashino-h29.xlsx", () => {
  test("目次と取組状況が musashino-torikumi として認識され、79事業・84行の年次計画を読む", () => {
    expect(report.sheets.map((s) => [s.name, s.status, s.profileId, s.layoutId, s.records])).toEqual([
      ["目次", "recognised", "musashino-torikumi", "contents", 79],
      ["取組状況", "recognised", "musashino-torikumi", "torikumi", 79],
    ]);
    // 79 projects, 84 年次計画 rows (and 84 実施状況 cells). Every status cell is ◎ (13) or ○ (71).
    expect(records).toHaveLength(79);
    const rows = records.flatMap((r) => r.plans ?? []);
    expect(rows).toHaveLength(84);
    const counts: Record<string, number> = {};
    for (const p of rows) counts[p.status?.parsed.code ?? "none"] = (counts[p.status?.parsed.code ?? "none"] ?? 0) + 1;
    expect(counts).toEqual({ "◎": 13, "○": 71 });
    // Project status = its least advanced row: 13 ◎ and 66 ○ projects.
    expect(records.filter((r) => r.codes.status?.parsed.code === "◎")).toHaveLength(13);
    expect(records.filter((r) => r.codes.status?.parsed.code === "○")).toHaveLength(66);
    expect(records.map((r) => r.title?.text)).toEqual(projects().map((p) => p.name));
  });

  test("対象年度はシートの表題（平成 29 年度末時点）から読み、計画期間（平成 29～32 年度）は取らない", async () => {
    // The title sits above the first record, outside every record's rows; each record takes its year from it.
    expect(new Set(records.map((r) => `${r.fiscalYear?.value} ${r.fiscalYear ? a1(r.fiscalYear.cell.row, r.fiscalYear.cell.col) : "-"}`))).toEqual(new Set(["2017 A1"]));
    expect(report.fiscalYear).toBe(2017);
    // A later edition of the same report: the year is the 年度末時点 one, not the plan period's first year.
    const title = "武蔵野市行財政改革アクションプラン（平成 29～32 年度） 取組状況（平成 30 年度末時点）";
    const later = validateWorkbook(await editedSeed([{ row: 0, col: 0, value: title }]), { profiles: BUILT_IN_PROFILES });
    expect(later.fiscalYear).toBe(2018);
    // Without a title the year is unknown (the 対象年度 setting then decides), never guessed from the plan headers.
    const untitled = validateWorkbook(await editedSeed([{ row: 0, col: 0, value: null }]), { profiles: BUILT_IN_PROFILES });
    expect(untitled.fiscalYear).toBeUndefined();
  });

  test("見出し・補助項目・結合した年度・実施状況の位置を原本どおりに読む", () => {
    const [r1] = records;
    // 基本方針 / 項 / 細目 above the first record they cover; Ⅱ and ： read as II and : (NFKC).
    expect([r1.group?.text, r1.section?.text, r1.subsection?.text]).toEqual(["I:市政運営への市民参加と多様な主体間の柔軟な連携と協働の推進", "1. 市政運営の基本的枠組みの整備", "(1) 自治体運営に関する基本的なルールの条例化検討"]);
    expect(records[13].group?.text).toBe("II:市民視点に立ったサービスの提供");
    // #1's merged 平成 29～30 年度 header over one plan cell.
    expect(r1.plans![0].cells.map((c) => [c.fiscalYear, c.toFiscalYear ?? null, c.text])).toEqual([
      [2017, 2018, "骨子案の策定 条例案の検討 自治基本条例（仮称）の制定"],
      [2019, null, "—"],
      [2020, null, "—"],
    ]);
    // #25 and #53: a sub-item column, the status in column C (L581, L584, L587, L1076, L1079).
    const r25 = records[24];
    const r53 = records[52];
    expect(r25.plans!.map((p) => [p.subItem?.text, a1(p.status!.cell.row, p.status!.cell.col).replace(/\d+/, "")])).toEqual([
      ["情報提供の充実", "C"],
      ["防災情報システム", "C"],
      ["防災行政無線のデジタル化", "C"],
    ]);
    expect(r53.plans!.map((p) => p.subItem?.text)).toEqual(["工事請負契約における総合評価方式の見直し", "最低制限価格を設定する案件の拡充"]);
    // #4 and #48 have two plan rows without sub-item labels.
    expect([records[3].plans!.length, records[47].plans!.length]).toEqual([2, 2]);
    expect(records.every((r) => r.plans!.every((p) => p.headers.length === p.cells.length))).toBe(true);
    // Year headers as written: 70 rows spaced, 13 unspaced (L341, 487, …), 1 ranged (L159).
    const sets: Record<string, number> = {};
    for (const p of records.flatMap((r) => r.plans!)) {
      const k = p.headers.map((h) => h.text).join(" | ");
      sets[k] = (sets[k] ?? 0) + 1;
    }
    expect(sets).toEqual({
      "平成 29 年度 | 平成 30 年度 | 平成 31 年度 | 平成 32 年度": 70,
      "平成29年度 | 平成30年度 | 平成31年度 | 平成32年度": 13,
      "平成 29～30 年度 | 平成 31 年度 | 平成 32 年度": 1,
    });
    const unspaced = projects().flatMap((p) => p.plans.filter((pl) => !pl.headers[0].includes(" ")).map((pl) => pl.headerLine));
    expect(unspaced).toEqual([341, 487, 507, 523, 603, 621, 1054, 1096, 1182, 1342, 1392, 1481, 1499]);
    // Departments keep the note on the department it is written on (docs/values.md): #35 on 管財課.
    expect(records[34].departments?.list.departments).toEqual([{ name: "企画調整課" }, { name: "管財課", note: "平成 30 年度より資産活用課" }]);
  });

  test("指摘は根拠のあるものだけで、過不足がない", () => {
    const html = htmlCells();
    const htmlKeys = [...html.purpose, ...html.actions, ...html.progress, ...html.plans].map((c) => key(["TEXT-HTML", "取組状況", c]));
    const expected = sortKeys([...EXPECTED.map(key), ...htmlKeys]);
    const actual = sortKeys(report.findings.map((f) => key([f.ruleId, f.sheet, f.cell])));
    expect(actual).toEqual(expected);
    const byRule: Record<string, number> = {};
    for (const f of report.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    expect(byRule).toEqual({ "TEXT-HTML": 140, "DONE-BUT-SCHEDULED": 9, "LIST-MISMATCH": 3 });
    // No error: the seed can be submitted; the CLI exits 0.
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("TEXT-HTML は 課題・目的 44・取組事項 37・取組状況 53 のセルと、年次計画の2行（L1055、L1321）の6セル", () => {
    const html = htmlCells();
    expect([html.purpose.length, html.actions.length, html.progress.length, html.plans.length]).toEqual([44, 37, 53, 6]);
    // L1055 is #52's plan row, L1321 #67's: each the line under its header.
    const planLines = projects().flatMap((p) => p.plans.filter((pl) => pl.cells.some((v) => v.includes("<p>"))).map((pl) => [p.no, pl.headerLine + 1]));
    expect(planLines).toEqual([
      [52, 1055],
      [67, 1321],
    ]);
    const plan = found("TEXT-HTML").find((x) => x.cell === html.plans[0])!;
    expect(plan.message.ja).toBe("年次計画にHTMLのタグ（<p>）が残っています。タグを取り除き、改行に置き換えられます。");
    expect(plan.fix?.edits[0]).toMatchObject({ cell: html.plans[0], before: expect.stringMatching(/^<p>/), after: expect.not.stringMatching(/<\/?p>/) });
    const f = found("TEXT-HTML").find((x) => x.cell === html.progress[0]);
    expect(f?.fix?.edits[0].before).toMatch(/^<p>/);
    expect(String(f?.fix?.edits[0].after)).not.toMatch(/<\/?p>/);
  });

  test("DONE-BUT-SCHEDULED は ◎ 13行のうち9行で、運用・継続と新たな取組を言い分ける", () => {
    const done = found("DONE-BUT-SCHEDULED");
    expect(done.map((f) => f.cell)).toEqual(DONE_ROWS.map((d) => d.cell));
    for (const d of DONE_ROWS) {
      // The pinned cell is the status cell the builder wrote for that project's (only) plan row.
      const c = recordCells(d.no).plans[0];
      expect(a1(c.statusRow, c.statusCol)).toBe(d.cell);
      expect(projects()[d.no - 1].plans[0].statusLine).toBe(d.line);
      const f = done.find((x) => x.cell === d.cell)!;
      expect(f.severity).toBe("warning");
      if (d.continuing) {
        expect(f.message.ja).toContain("運用・継続");
        expect(f.message.en).toContain("operation or continuation");
      } else {
        expect(f.message.ja).toContain("新たな取組");
        expect(f.message.en).toContain("new work");
      }
    }
    // The 4 ◎ rows that comply (L658 #29, L776 #36, L1163 #58, L1305 #66) have only `—` after H29.
    const compliant = [29, 36, 58, 66].map((no) => records[no - 1].plans![0]);
    expect(compliant.every((p) => p.status?.parsed.code === "◎")).toBe(true);
    expect(done.some((f) => compliant.some((p) => a1(p.status!.cell.row, p.status!.cell.col) === f.cell))).toBe(false);
    expect(done.find((f) => f.cell === "B142")!.message.ja).toContain("平成30年度「運用」、平成31年度「→」、平成32年度「→」");
  });

  test("目次との照合: #21 の事業名、#35・#37 の担当課だけが食い違い、空白だけの違いは指摘しない", () => {
    const list = found("LIST-MISMATCH");
    expect(list.every((f) => f.sheet === "目次" && f.severity === "warning")).toBe(true);
    const rowsOfToc = report.records.filter((r) => r.role === "list");
    const at = (cell: string) => rowsOfToc.find((r) => r.row === Number(cell.replace(/^[A-Z]+/, "")) - 1);
    expect(list.map((f) => at(f.cell)?.title?.text)).toEqual(["近隣自治体等との広域連携の検討", "未利用・低利用財産の有効活用", "市有地活用による福祉インフラ整備事業の検討"]);
    expect(list[0].message.ja).toContain("近隣自治体等との連携の検討");
    expect(list[1].message.ja).toContain("注記");
    expect(list[1].message.ja).toContain("企画調整課、管財課");
    expect(list[2].message.ja).toContain("（企画調整課）");
    // Whitespace only: names #8, #49, #60, #61; departments #33, #34. No finding on their rows.
    const onRow = (no: number) => found().filter((f) => f.sheet === "目次" && Number(f.cell.replace(/^[A-Z]+/, "")) - 1 === rowsOfToc[no - 1].row);
    for (const no of [8, 33, 34, 49, 60, 61]) expect(onRow(no)).toEqual([]);
    // Nothing else on the 目次: no finding about pages (a sheet has no pages, and the source's pages all agree).
    expect(found().filter((f) => f.sheet === "目次")).toHaveLength(3);
  });

  test("目次の79行は、番号がなくても、見出しと事業名・順序で本文の79事業と1対1に対応する", () => {
    const rows = report.records.filter((r) => r.role === "list");
    const pairs = pairListByTitle(rows, records);
    expect(pairs.size).toBe(79);
    rows.forEach((row, i) => expect(pairs.get(row)).toBe(records[i]));
    // The 目次 keeps its own heading spelling: `I : ` and `Ⅲ：` compare equal after normalisation.
    expect(rows[0].group?.text).toBe("I : 市政運営への市民参加と多様な主体間の柔軟な連携と協働の推進");
    expect(rows.map((r) => Number(r.texts.page?.text))).toEqual(projects().map((_, i) => JSON.parse(readFileSync(path.join(ROOT, "seeds", "data", "musashino", "projects.json"), "utf8"))[i].toc_page));
  });

  test("REASON-REQUIRED・REASON-UNEXPECTED・PLAN-CELL-ORDER・YEAR-HEADER は見本では0件", () => {
    for (const rule of ["REASON-REQUIRED", "REASON-UNEXPECTED", "PLAN-CELL-ORDER", "YEAR-HEADER", "REQUIRED-MISSING", "CODE-INVALID", "CODE-VARIANT", "LABEL-MISSING"]) {
      expect([rule, found(rule).length]).toEqual([rule, 0]);
    }
  });

  test("英語のメッセージもすべての指摘にある", () => {
    for (const f of report.findings) {
      expect(f.message.en.length).toBeGreaterThan(10);
      const outside = f.message.en.replace(/"[^"]*"/g, "").replace(/\([^)]*\)/g, "");
      expect(outside).not.toMatch(/[ぁ-ん]{3,}/);
      expect(f.message.en).not.toEqual(f.message.ja);
    }
  });

  test("実施状況の84セルには ◎○△× のリストの入力規則がある", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(seedBytes() as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("取組状況")!;
    const cells = records.flatMap((r) => r.plans!.map((p) => p.status!.cell));
    expect(cells).toHaveLength(84);
    for (const c of cells) {
      const v = ws.getCell(c.row + 1, c.col + 1).dataValidation;
      expect([a1(c.row, c.col), v?.type, v?.formulae]).toEqual([a1(c.row, c.col), "list", ['"◎,○,△,×"']]);
    }
  });

  test("CLI: 終了コード0（エラーなし）で、--json の指摘は core と同じ", async () => {
    const run = await cli(["validate", SEED, "--json"]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { files: { sheets: { name: string; profile: string }[]; findings: { ruleId: string; cell: string }[] }[] };
    expect(doc.files[0].sheets.map((s) => s.profile)).toEqual(["musashino-torikumi", "musashino-torikumi"]);
    expect(doc.files[0].findings.map((f) => `${f.ruleId} ${f.cell}`)).toEqual(report.findings.map((f) => `${f.ruleId} ${f.cell}`));
  });
});

describe("見本を書き換えると", () => {
  const statusOf = (no: number, k = 0) => recordCells(no).plans[k];

  test("実施状況を1つ △ にすると、理由の欄が空なので REASON-REQUIRED がちょうど1件出る", async () => {
    const s = statusOf(2);
    const edited = validateWorkbook(await editedSeed([{ row: s.statusRow, col: s.statusCol, value: "△" }]), { profiles: BUILT_IN_PROFILES });
    const reasons = found("REASON-REQUIRED", edited);
    expect(reasons.map((f) => [f.sheet, f.cell, f.severity])).toEqual([["取組状況", a1(recordCells(2).reasonRow, 1), "error"]]);
    expect(reasons[0].message.ja).toContain("△（未着手）");
    // Nothing else changes.
    const others = (r: ValidationReport) => r.findings.filter((f) => f.ruleId !== "REASON-REQUIRED").map((f) => `${f.ruleId} ${f.cell}`);
    expect(others(edited)).toEqual(others(report));
  });

  test("複数行の事業の2行目を × にしても1件で、メッセージに補助項目の名前が出る", async () => {
    const s = statusOf(25, 1);
    const edited = validateWorkbook(await editedSeed([{ row: s.statusRow, col: s.statusCol, value: "×" }]), { profiles: BUILT_IN_PROFILES });
    const reasons = found("REASON-REQUIRED", edited);
    expect(reasons).toHaveLength(1);
    expect(reasons[0].message.ja).toContain("×（中止・防災情報システム）");
  });

  test("△ に理由を書けば指摘はなく、◎/○ だけの事業に理由を書くと REASON-UNEXPECTED が1件出る", async () => {
    const s = statusOf(2);
    const withReason = validateWorkbook(
      await editedSeed([
        { row: s.statusRow, col: s.statusCol, value: "△" },
        { row: recordCells(2).reasonRow, col: 1, value: "関係機関との調整が整わなかったため。" },
        { row: recordCells(5).reasonRow, col: 1, value: "予算の都合。" },
      ]),
      { profiles: BUILT_IN_PROFILES },
    );
    expect(found("REASON-REQUIRED", withReason)).toEqual([]);
    expect(found("REASON-UNEXPECTED", withReason).map((f) => [f.cell, f.severity])).toEqual([[a1(recordCells(5).reasonRow, 1), "warning"]]);
  });

  test("▲ は使えない記号（CODE-INVALID）、〇 は ○ の異体（CODE-VARIANT と修正）、空欄は REQUIRED-MISSING", async () => {
    const [a, b, c] = [statusOf(2), statusOf(5), statusOf(6)];
    const edited = validateWorkbook(
      await editedSeed([
        { row: a.statusRow, col: a.statusCol, value: "▲" },
        { row: b.statusRow, col: b.statusCol, value: "〇" },
        { row: c.statusRow, col: c.statusCol, value: null },
      ]),
      { profiles: BUILT_IN_PROFILES },
    );
    expect(found("CODE-INVALID", edited).map((f) => f.cell)).toEqual([a1(a.statusRow, a.statusCol)]);
    expect(found("CODE-INVALID", edited)[0].message.ja).toContain("◎・○・△・×");
    const variant = found("CODE-VARIANT", edited);
    expect(variant.map((f) => [f.cell, f.fix?.edits[0].after])).toEqual([[a1(b.statusRow, b.statusCol), "○"]]);
    expect(found("REQUIRED-MISSING", edited).map((f) => f.cell)).toEqual([a1(c.statusRow, c.statusCol)]);
    // ▲ is not △ here (only if the profile says so: docs/values.md), so it asks no reason.
    expect(found("REASON-REQUIRED", edited)).toEqual([]);
  });

  test("2行目以降の年次計画の実施状況も見る: 空欄・▲・〇 をその行のセルで指摘し、〇 の修正はそのセルを直す", async () => {
    // #25 has three plan rows with the status in column C (L581/L584/L587); #4 two, in column B (L221/L224).
    const [r25b, r25c, r4b] = [statusOf(25, 1), statusOf(25, 2), statusOf(4, 1)];
    const edited = validateWorkbook(
      await editedSeed([
        { row: r25b.statusRow, col: r25b.statusCol, value: null },
        { row: r25c.statusRow, col: r25c.statusCol, value: "▲" },
        { row: r4b.statusRow, col: r4b.statusCol, value: "〇" },
      ]),
      { profiles: BUILT_IN_PROFILES },
    );
    const show = (f: Finding) => [f.ruleId, f.cell, f.severity, f.message.ja];
    expect(found("REQUIRED-MISSING", edited).map(show)).toEqual([
      ["REQUIRED-MISSING", a1(r25b.statusRow, r25b.statusCol), "error", "実施状況が入力されていません。提出前に入力してください。"],
    ]);
    expect(found("CODE-INVALID", edited).map(show)).toEqual([
      ["CODE-INVALID", a1(r25c.statusRow, r25c.statusCol), "error", "実施状況の「▲」は使えない記号です。◎・○・△・× のいずれかを入力してください。"],
    ]);
    const variant = found("CODE-VARIANT", edited);
    expect(variant.map(show)).toEqual([
      ["CODE-VARIANT", a1(r4b.statusRow, r4b.statusCol), "warning", "実施状況の「〇」は「○」と書くのが正しい形です。修正候補を適用できます。"],
    ]);
    expect(variant[0].fix?.edits).toEqual([{ sheet: "取組状況", cell: a1(r4b.statusRow, r4b.statusCol), before: "〇", after: "○" }]);
    expect(a1(r25b.statusRow, r25b.statusCol)).toMatch(/^C/);
  });

  test("複数行の事業の1行目の実施状況は1回だけ指摘し、位置は1年目の見出しの下（#25 は C 列）", async () => {
    const [r25a, r4a] = [statusOf(25, 0), statusOf(4, 0)];
    const edited = validateWorkbook(
      await editedSeed([
        { row: r25a.statusRow, col: r25a.statusCol, value: null },
        { row: r4a.statusRow, col: r4a.statusCol, value: "▲" },
      ]),
      { profiles: BUILT_IN_PROFILES },
    );
    expect(found("REQUIRED-MISSING", edited).map((f) => f.cell)).toEqual([a1(r25a.statusRow, r25a.statusCol)]);
    expect(a1(r25a.statusRow, r25a.statusCol)).toMatch(/^C/);
    expect(found("CODE-INVALID", edited).map((f) => f.cell)).toEqual([a1(r4a.statusRow, r4a.statusCol)]);
  });

  test("メッセージはこのシートの見出しで項目を呼ぶ（課題・目的、取組事項、目標に対する…、事業名、担当課）", async () => {
    const c = recordCells(2);
    const edited = validateWorkbook(
      await editedSeed([
        { row: c.nameRow, col: 1, value: null },
        { row: c.nameRow + 1, col: 1, value: null },
        { row: c.progressRow, col: 1, value: null },
      ]),
      { profiles: BUILT_IN_PROFILES },
    );
    expect(found("REQUIRED-MISSING", edited).map((f) => [f.cell, f.message.ja])).toEqual([
      [a1(c.nameRow, 1), "「事業名」が入力されていません。提出前に入力してください。"],
      [a1(c.nameRow + 1, 1), "「担当課」が入力されていません。提出前に入力してください。"],
      [a1(c.progressRow, 1), "「目標に対する1年間の取組状況、課題及び今後の予定」が入力されていません。提出前に入力してください。"],
    ]);
    expect(found("REQUIRED-MISSING", edited)[1].message.en).toBe('"担当課" is empty. Fill it in before submitting.');
    // The sample's own findings: 課題・目的 and 取組事項 (HTML residue), the 目次's 事業名 (#21).
    const html = htmlCells();
    const msg = (cell: string) => found("TEXT-HTML").find((f) => f.cell === cell)!.message.ja;
    expect(msg(html.purpose[0])).toBe("「課題・目的」にHTMLのタグ（<p>）が残っています。タグを取り除き、改行に置き換えられます。");
    expect(msg(html.actions[0])).toBe("「取組事項」にHTMLのタグ（<p>）が残っています。タグを取り除き、改行に置き換えられます。");
    expect(msg(html.progress[0])).toMatch(/^「目標に対する1年間の取組状況、課題及び今後の予定」にHTMLのタグ/);
    expect(found("LIST-MISMATCH")[0].message.ja).toMatch(/^目次の「事業名」「近隣自治体等との広域連携の検討」が/);
    // None of 小平's names for these fields is left in any message.
    for (const f of [...report.findings, ...edited.findings]) expect(f.message.ja).not.toMatch(/目的・ねらい|当初予定\(P\)|取組実績\(D\)|取組項目|所管課/);
  });

  test("年次計画の → と — の誤り（PLAN-CELL-ORDER）、年度の見出しの誤り（YEAR-HEADER）", async () => {
    const p1 = recordCells(2).plans[0];
    const p2 = recordCells(29).plans[0]; // 実施 / — / — / —
    const p3 = recordCells(5).plans[0];
    const edited = validateWorkbook(
      await editedSeed([
        { row: p1.valueRow, col: 1, value: "→" },
        { row: p2.valueRow, col: 3, value: "実施" },
        { row: p3.headerRow, col: 3, value: "平成33年度" },
      ]),
      { profiles: BUILT_IN_PROFILES },
    );
    expect(found("PLAN-CELL-ORDER", edited).map((f) => f.cell)).toEqual([a1(p1.valueRow, 1), a1(p2.valueRow, 3)]);
    // 平成 29 | 平成 30 | 平成33 | 平成 32: 平成33 is outside the period, 平成31 is missing (it belongs in D), and 平成 32 in E
    // comes after a later year.
    const years = found("YEAR-HEADER", edited);
    expect(years.map((f) => [f.cell, f.severity])).toEqual([
      [a1(p3.headerRow, 3), "error"],
      [a1(p3.headerRow, 3), "error"],
      [a1(p3.headerRow, 4), "error"],
    ]);
    expect(years.map((f) => f.message.ja)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("年度の見出しに 令和元年度（平成31年度） がありません。平成29年度〜令和2年度（平成32年度）の年度をすべて"),
        expect.stringContaining("「平成33年度」が計画期間（平成29年度〜令和2年度（平成32年度））に含まれていません"),
        expect.stringContaining("「平成 32 年度」が、左の列（平成33年度）より後の年度になっていません"),
      ]),
    );
  });
});

describe("小平の見本には影響しない", () => {
  test("小平のプロファイルは YEAR-HEADER を使わず、使っても工程表の年度見出しに指摘は出ない", async () => {
    const kodaira = builtInProfile("kodaira-chosahyo")!;
    expect(kodaira.rules["YEAR-HEADER"]).toBeUndefined();
    const withRule: Profile = { ...kodaira, rules: { ...kodaira.rules, "YEAR-HEADER": { params: { planPeriod: { from: "平成29年度", to: "平成32年度" } } } } };
    const r = validateWorkbook(await kodairaSeed(), { profiles: [withRule] });
    expect(r.records.filter((x) => x.yearHeaders.length === 4)).toHaveLength(58);
    expect(found("YEAR-HEADER", r)).toEqual([]);
  });
});
