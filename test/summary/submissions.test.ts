/**
 * @jest-environment node
 *
 * 提出状況: from the master's SubmissionsState (its settings), the departments still to submit on top, then one row
 * per department with its sheets, whether it came back (when, which file), its findings and changed cells, and a
 * total row. Offered only where the settings hold a state; a broken one is ignored.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseSubmissionsState, submissionsFromSettings } from "../../src/core/cycle/submissions";
import { SUBMISSIONS_KEY, type SubmissionsState } from "../../src/core/cycle/types";
import type { Lang } from "../../src/core/i18n";
import { toA1 } from "../../src/core/model/address";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { availableSummaries, buildSummaries } from "../../src/core/summary";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { createSummaries } from "../../src/taskpane/run-summaries";
import { validateWorkbook } from "../../src/core/validate";
import { cli } from "../helpers/cli";
import { kodairaSeed } from "../helpers/grid";
import { MemoryPort } from "../taskpane/memory-port";
import { AT, KODAIRA_SEED } from "./helpers";

/** A local time as 回収 stores it (ISO, UTC), so the sheet shows it the same in any time zone. */
const iso = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();
const EVIL_FILE = "=HYPERLINK(\"http://x\",\"a\").xlsx";

const STATE: SubmissionsState = {
  version: 1,
  masterId: "m-1",
  expected: [
    { department: "企画政策課", sheets: ["1-1", "1-2"] },
    { department: "市民課", sheets: ["2-1"] },
    { department: "税務課", sheets: ["3-1"] },
    { department: "環境政策課", sheets: ["4-1", "4-2"] },
  ],
  received: [
    { department: "企画政策課", file: "企画政策課_調査票.xlsx", collectedAt: iso(2026, 11, 20, 10, 15), sheets: ["1-1", "1-2"], cellsChanged: 14, findings: { error: 1, warning: 2, info: 0 } },
    { department: "税務課", file: EVIL_FILE, collectedAt: iso(2026, 11, 21, 16, 5), sheets: ["3-1"], cellsChanged: 5, findings: { error: 0, warning: 1, info: 3 } },
  ],
};

const input = (submissions?: SubmissionsState, lang: Lang = "ja") => ({ records: [], findings: [], profiles: BUILT_IN_PROFILES, generatedAt: AT, lang, submissions });

function sheet(state: SubmissionsState, lang: Lang = "ja"): SheetSpec {
  const [spec] = buildSummaries(input(state, lang), ["提出状況"]);
  return spec;
}

/** What each cell shows, by address (a formula: its cached value), and each cell's value kind. */
function cells(spec: SheetSpec) {
  const shown: Record<string, string | number | undefined> = {};
  const kind: Record<string, string> = {};
  for (const c of spec.cells) {
    const at = toA1(c.row, c.col);
    kind[at] = c.value.t;
    shown[at] = c.value.t === "text" || c.value.t === "number" ? c.value.v : c.value.t === "formula" ? (c.value.cached as number) : undefined;
  }
  return { shown, kind, formula: (at: string) => spec.cells.find((c) => toA1(c.row, c.col) === at && c.value.t === "formula")?.value };
}

test("未提出の所管課を先頭に、所管課ごとの行と計の行を書く", () => {
  const spec = sheet(STATE);
  const { shown, kind, formula } = cells(spec);
  expect(spec.name).toBe("提出状況");
  expect(shown.A1).toBe("提出状況");
  // Still to submit, with the sheets each was sent.
  expect(shown.A4).toBe("未提出の所管課：2（配布 4 課のうち）");
  expect([shown.A5, shown.B5, shown.A6, shown.B6]).toEqual(["市民課", "2-1", "環境政策課", "4-1、4-2"]);
  expect(shown.A7).toBeUndefined();
  const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((c) => shown[`${c}${r}`]);
  expect(row(8)).toEqual(["所管課", "対象シート", "提出", "回収日時", "ファイル", "エラー", "警告", "情報", "変更セル数"]);
  expect(row(9)).toEqual(["企画政策課", "1-1、1-2", "済", "2026-11-20 10:15", "企画政策課_調査票.xlsx", 1, 2, 0, 14]);
  expect(row(10)).toEqual(["市民課", "2-1", "未", undefined, undefined, undefined, undefined, undefined, undefined]);
  expect(row(11)).toEqual(["税務課", "3-1", "済", "2026-11-21 16:05", EVIL_FILE, 0, 1, 3, 5]);
  expect(row(12)).toEqual(["環境政策課", "4-1、4-2", "未", undefined, undefined, undefined, undefined, undefined, undefined]);
  expect(row(13)).toEqual(["計", undefined, "済 2 ／ 未 2", undefined, undefined, 1, 3, 3, 19]);
  expect(formula("F13")).toEqual({ t: "formula", f: "SUM(F9:F12)", cached: 1 });
  expect(formula("I13")).toEqual({ t: "formula", f: "SUM(I9:I12)", cached: 19 });
  // Frozen under the header, printed with it, and the rows as an Excel table.
  expect(spec.freeze).toEqual({ rows: 8, cols: 0 });
  expect(spec.print?.repeatRows).toEqual({ top: 7, bottom: 7 });
  expect(spec.tables).toEqual([{ name: "chosahyo_submissions", range: { top: 7, left: 0, bottom: 11, right: 8 } }]);
  // A file name beginning with "=" is text, like every text from the state.
  expect(kind.E11).toBe("text");
  expect(spec.cells.filter((c) => c.value.t === "formula").every((c) => c.row === 12)).toBe(true);
});

test("英語では見出しと済・未が英語", () => {
  const { shown } = cells(sheet(STATE, "en"));
  expect(shown.A1).toBe("Submissions");
  expect(shown.A4).toBe("Still to submit: 2 (of 4 departments sent a workbook)");
  expect(["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((c) => shown[`${c}8`])).toEqual(["Department", "Sheets", "Submitted", "Collected at", "File", "Errors", "Warnings", "Info", "Cells changed"]);
  expect([shown.C9, shown.C10, shown.A13, shown.C13]).toEqual(["yes", "no", "Total", "yes 2 / no 2"]);
});

test("全課が提出済みならそう書き、見出しは一行上がる", () => {
  const all: SubmissionsState = { ...STATE, expected: STATE.expected.slice(0, 1), received: STATE.received.slice(0, 1) };
  const { shown } = cells(sheet(all));
  expect(shown.A4).toBe("未提出の所管課：0（配布 1 課のうち）");
  expect(shown.A5).toBe("すべての所管課から提出されています。");
  expect(shown.A7).toBe("所管課");
  expect([shown.A8, shown.C8, shown.A9, shown.C9]).toEqual(["企画政策課", "済", "計", "済 1 ／ 未 0"]);
});

test("配布していない所管課から回収したものも行になり、未提出が多いときは見出しを固定しない", () => {
  const many: SubmissionsState = {
    ...STATE,
    expected: Array.from({ length: 20 }, (_, i) => ({ department: `課${i + 1}`, sheets: [`${i + 1}`] })),
    received: [{ ...STATE.received[0], department: "臨時課" }],
  };
  const spec = sheet(many);
  const { shown } = cells(spec);
  expect(shown.A4).toBe("未提出の所管課：20（配布 21 課のうち）");
  // 20 departments listed (rows 5–24), the header at row 26, 臨時課 last.
  expect(shown.A26).toBe("所管課");
  expect([shown.A47, shown.B47, shown.C47]).toEqual(["臨時課", undefined, "済"]);
  expect(spec.freeze).toBeUndefined();
});

test("提出状況は設定に SubmissionsState があるときだけ作れる", () => {
  expect(availableSummaries(input())).not.toContain("提出状況");
  expect(availableSummaries(input(STATE))).toContain("提出状況");
  expect(availableSummaries(input(STATE)).at(-1)).toBe("提出状況"); // after 検証結果
});

test("設定の JSON が壊れている・形が違うときは無いものとし、形の違う記録だけを除く", () => {
  for (const text of [undefined, "", "{broken", "null", "[]", '"x"', JSON.stringify({ ...STATE, version: 2 }), JSON.stringify({ ...STATE, expected: "x" })]) {
    expect(parseSubmissionsState(text)).toBeUndefined();
  }
  expect(submissionsFromSettings({ [SUBMISSIONS_KEY]: "{broken" })).toBeUndefined();
  expect(submissionsFromSettings({})).toBeUndefined();
  const messy = { ...STATE, expected: [...STATE.expected, 3, { sheets: [] }], received: [...STATE.received, { department: "x" }, { ...STATE.received[0], cellsChanged: "many", findings: null }] };
  const parsed = parseSubmissionsState(JSON.stringify(messy))!;
  expect(parsed.expected).toEqual(STATE.expected);
  expect(parsed.received).toHaveLength(3);
  expect(parsed.received[2]).toMatchObject({ cellsChanged: 0, findings: { error: 0, warning: 0, info: 0 } });
});

test("作業ウィンドウの集計シート作成は、ブックの設定から読んだ記録で 提出状況 を書く", async () => {
  const snap = await kodairaSeed();
  const port = new MemoryPort(snap, { [SUBMISSIONS_KEY]: JSON.stringify(STATE) });
  const report = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
  const written = await createSummaries(port, { report, profiles: BUILT_IN_PROFILES, lang: "ja", includeReposts: false, generatedAt: AT }, ["提出状況"], { yieldToUi: () => Promise.resolve() });
  expect(written.map((w) => w.name)).toEqual(["提出状況"]);
  const grid = port.sheets.find((g) => g.name === "提出状況")!;
  expect(grid.rows[4][0]).toBe("市民課");
  expect(grid.rows[12].slice(0, 3)).toEqual(["計", null, "済 2 ／ 未 2"]);
});

describe("chosahyo summarize", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-submissions-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the 小平 sample whose settings hold `value` under the submissions key. */
  async function master(name: string, value: string): Promise<string> {
    const book = await XlsxWorkbook.load(readFileSync(KODAIRA_SEED));
    await book.writeSettings({ [SUBMISSIONS_KEY]: value });
    const file = path.join(dir, name);
    writeFileSync(file, await book.toBytes());
    return file;
  }

  test("設定に状態のあるブックには 提出状況 を加え、ファイル名は文字列のまま", async () => {
    const file = await master("親.xlsx", JSON.stringify(STATE));
    const out = path.join(dir, "集計.xlsx");
    const run = await cli(["summarize", file, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("提出状況");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("提出状況")!;
    expect(ws).toBeDefined();
    expect(wb.worksheets.map((w) => w.name).filter((n) => ["検証結果", "提出状況"].includes(n))).toEqual(["検証結果", "提出状況"]);
    expect([ws.getCell("A5").value, ws.getCell("A6").value]).toEqual(["市民課", "環境政策課"]);
    expect(ws.getCell("E11").value).toBe(EVIL_FILE);
    expect(ws.getCell("E11").formula).toBeUndefined();
    expect(ws.getCell("I13").result).toBe(19);
  });

  test("設定の JSON が壊れていても集計は作り、提出状況は作らない", async () => {
    const file = await master("壊れ.xlsx", "{broken");
    const out = path.join(dir, "集計2.xlsx");
    const run = await cli(["summarize", file, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("検証結果");
    expect(run.stdout).not.toContain("提出状況");
  });
});
