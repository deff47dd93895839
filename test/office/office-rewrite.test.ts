/**
 * @jest-environment node
 *
 * Regenerating the add-in's sheets in Excel (issue 12, items 8 and 9), on the strict fake: a sheet generated before
 * is rewritten in place, so formulas that refer to it survive; and a write that fails at any sync, or at any action
 * of a request, leaves every sheet as it was or as it should be, and says exactly which sheets changed.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { num, type SheetSpec, text } from "../../src/core/sheet-spec";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { OwnedSheetsInterrupted, type WriteSheetResult } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { FakeBook, type FakeExcel, type FakeSheet } from "../fakes/excel-fake";
import { ROOT } from "../helpers/grid";
import { rig, rigFromXlsx } from "./office-helpers";

const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const AT = new Date(2026, 10, 22, 9, 30);

async function seedRig() {
  const r = await rigFromXlsx(new Uint8Array(readFileSync(SEED)));
  const rep = validateWorkbook(await r.book.readAll(), { profiles: BUILT_IN_PROFILES });
  const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT });
  return { ...r, specs };
}

/** The same sheets with one more line, so that a rewritten sheet can be told from the one before. */
function nextVersion(specs: readonly SheetSpec[], tag: string): SheetSpec[] {
  return specs.map((s) => ({ ...s, cells: [...s.cells, { row: 300, col: 0, value: text(`${tag}: ${s.name}`) }] }));
}

/** What a sheet holds, without how it looks (panes, tab colour, print setup are written last, on their own). */
function content(sheet: FakeSheet | undefined): unknown {
  if (!sheet) return "absent";
  const cells = [...sheet.cells.entries()]
    .filter(([, c]) => c.type !== "Empty" || c.formula || c.numberFormat !== "General" || c.format || c.hyperlink)
    .sort(([a], [b]) => a - b);
  return JSON.parse(
    JSON.stringify({
      cells,
      merges: sheet.merges,
      tables: sheet.tables.map((t) => [t.name, t.box]),
      charts: sheet.charts.map((c) => [c.type, c.source, c.title, c.series, c.position]),
      widths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
      heights: [...sheet.rowHeights.entries()].sort(([a], [b]) => a - b),
      validations: sheet.validations,
    }),
  );
}

function looks(sheet: FakeSheet | undefined): unknown {
  return sheet ? JSON.parse(JSON.stringify({ freeze: sheet.freeze, tab: sheet.tabColor, page: sheet.pageLayout })) : "absent";
}

const contents = (fake: FakeExcel, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, content(fake.book.sheet(n))]));

describe("作り直しても参照は切れない (項目 9)", () => {
  test("利用者のシートの =評価集計!B5 は、集計を作り直しても #REF! にならず、書き直した評価集計の B5 を指す", async () => {
    const { fake, book, specs } = await seedRig();
    await book.writeOwnedSheets(specs);
    const crosstab = fake.book.sheet("評価集計")!;
    const mine = fake.book.addSheet("集計の引用");
    mine.put(0, 0, "S の件数").put(0, 1, 0).ensure(0, 1).formula = "=評価集計!B5";
    expect(fake.book.shown(mine.at("B1"))).toEqual({ value: crosstab.valueAt("B5"), type: "Double" });

    // The pane reopened: a new instance, and the figure in B5 is different this time.
    const changed = specs.map((s) =>
      s.name !== "評価集計" ? s : { ...s, cells: s.cells.map((c) => (c.row === 4 && c.col === 1 ? { ...c, value: num(99) } : c)) },
    );
    const results = await new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }).writeOwnedSheets(changed);
    expect(results.find((r) => r.name === "評価集計")).toMatchObject({ replaced: true });
    expect(mine.at("B1")?.formula).toBe("=評価集計!B5");
    expect(fake.book.shown(mine.at("B1"))).toEqual({ value: 99, type: "Double" });
    // The very sheet, not a successor under its name.
    expect(fake.book.sheet("評価集計")).toBe(crosstab);
    expect(fake.operations.filter((o) => /^(delete|rename) /.test(o))).toEqual([]);
  });

  test("書き直したシートは、初めて作ったシートと同じ: 前の版の値・結合・表・グラフ・列幅・枠の固定は残らない", async () => {
    const { fake, book, specs } = await seedRig();
    // An earlier version with more in it: a far cell, a merge, another column width.
    const earlier = specs.map((s) => ({
      ...s,
      cells: [...s.cells, { row: 400, col: 30, value: text("前の版") }],
      merges: [...s.merges, { top: 410, left: 0, bottom: 411, right: 3 }],
      columnWidths: [...(s.columnWidths ?? []), 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 33],
      freeze: { rows: 2, cols: 1 },
    }));
    await book.writeOwnedSheets(earlier);
    await book.writeOwnedSheets(specs);
    const { fake: clean, book: cleanBook, specs: same } = await seedRig();
    await cleanBook.writeOwnedSheets(same);
    for (const s of specs) {
      expect([s.name, content(fake.book.sheet(s.name))]).toEqual([s.name, content(clean.book.sheet(s.name))]);
      expect([s.name, looks(fake.book.sheet(s.name))]).toEqual([s.name, looks(clean.book.sheet(s.name))]);
    }
    expect(fake.book.tables().map((t) => t.table.name)).toEqual(["chosahyo_ratings", "chosahyo_indicators", "chosahyo_findings"]);
    expect(fake.book.sheet("評価集計")!.charts.length).toBe(1);
  });
});

describe("ExcelJS アダプターも同じ (項目 9)", () => {
  test(".xlsx の集計を作り直しても、評価集計は同じパーツ・同じ sheetId のままで、利用者の =評価集計!B5 は残る", async () => {
    const first = await XlsxWorkbook.load(new Uint8Array(readFileSync(SEED)));
    const rep = validateWorkbook(await first.readAll(), { profiles: BUILT_IN_PROFILES });
    const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT });
    await first.writeOwnedSheets(specs);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await first.toBytes()) as unknown as ArrayBuffer);
    wb.addWorksheet("集計の引用").getCell("B1").value = { formula: "評価集計!B5", result: 0 } as ExcelJS.CellFormulaValue;
    const withQuote = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const sheetEntry = (bytes: Uint8Array) => /<sheet [^>]*name="評価集計"[^>]*\/>/.exec(strFromU8(unzipSync(bytes)["xl/workbook.xml"]))?.[0];

    const again = await XlsxWorkbook.load(withQuote);
    expect((await again.writeOwnedSheets(nextVersion(specs, "v2"))).find((r) => r.name === "評価集計")).toMatchObject({ replaced: true });
    const saved = await again.toBytes();
    expect(sheetEntry(saved)).toBeDefined();
    expect(sheetEntry(saved)).toBe(sheetEntry(withQuote));
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(saved as unknown as ArrayBuffer);
    expect(reopened.getWorksheet("集計の引用")!.getCell("B1").formula).toBe("評価集計!B5");
    expect(reopened.getWorksheet("評価集計")!.getCell("A301").value).toBe("v2: 評価集計");
  });
});

/** Two sheets the add-in writes (one with a table and a merge, one with a chart), small enough to fail at every action. */
function smallSpecs(tag: string): SheetSpec[] {
  const rows = [
    ["方針", "S", "A"],
    ["地域", 1, 2],
    ["財政", 3, 4],
  ] as const;
  const grid = rows.flatMap((r, i) => r.map((v, j) => ({ row: 2 + i, col: j, value: typeof v === "number" ? num(v) : text(v), style: i === 0 ? "head" : undefined })));
  return [
    {
      name: "評価一覧",
      cells: [{ row: 0, col: 0, value: text(`評価一覧 ${tag}`), style: "head" }, ...grid],
      styles: { head: { bold: true, fill: "#DDEBF7" } },
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      columnWidths: [12, 8, 8],
      freeze: { rows: 3, cols: 0 },
      tables: [{ name: "chosahyo_ratings", range: { top: 2, left: 0, bottom: 4, right: 2 } }],
    },
    {
      name: "評価集計",
      cells: [{ row: 0, col: 0, value: text(`評価集計 ${tag}`) }, ...grid],
      styles: { head: { bold: true } },
      merges: [],
      columnWidths: [14],
      charts: [
        {
          kind: "stacked-bar",
          title: `方針 ${tag}`,
          categories: { top: 3, left: 0, bottom: 4, right: 0 },
          series: [
            { name: "S", values: { top: 3, left: 1, bottom: 4, right: 1 } },
            { name: "A", values: { top: 3, left: 2, bottom: 4, right: 2 } },
          ],
          anchor: { top: 1, left: 5, bottom: 10, right: 9 },
          unsupportedNote: "",
        },
      ],
    },
  ];
}

/** A user's sheet quotes a cell of the add-in's 評価一覧 (once there is one). */
const QUOTE = "=評価一覧!B4";

function smallBook(): FakeBook {
  const book = new FakeBook();
  book.addSheet("No.1").put(0, 0, "所管課").put(0, 1, "企画課");
  book.addSheet("利用者").put(0, 0, "引用");
  return book;
}

interface Scenario {
  readonly name: string;
  /** The sheets the add-in wrote before this write (none: a first write). */
  readonly before: readonly SheetSpec[];
  readonly next: readonly SheetSpec[];
}

const SMALL: readonly Scenario[] = [
  { name: "初めて作る", before: [], next: smallSpecs("v2") },
  { name: "作り直す", before: smallSpecs("v1"), next: smallSpecs("v2") },
  // 評価一覧 is regenerated, 評価集計 is new: new sheets first, then the rewrite.
  { name: "1 枚を作り直し 1 枚を足す", before: smallSpecs("v1").slice(0, 1), next: smallSpecs("v2") },
];

/** A rig in the scenario's starting state, and what every sheet should hold after a successful write. */
async function start(s: Scenario) {
  const setUp = async () => {
    const r = rig(smallBook());
    if (s.before.length) {
      await r.book.writeOwnedSheets(s.before);
      r.fake.book.sheet("利用者")!.put(0, 1, 0).ensure(0, 1).formula = QUOTE;
    }
    await r.book.ownedSheets(); // the sheet list and the settings, as after a check
    return r;
  };
  const r = await setUp();
  const expected = await setUp();
  await expected.book.writeOwnedSheets(s.next);
  return { ...r, expected };
}

/** Checks what a write that rejected or resolved left, against the sheets before and the sheets expected. */
function checkOutcome(
  s: Scenario,
  fake: FakeExcel,
  before: Record<string, unknown>,
  expected: Record<string, unknown>,
  outcome: { ok: true; results: WriteSheetResult[] } | { ok: false; error: unknown },
): void {
  const names = s.next.map((x) => x.name);
  const now = contents(fake, [...names, "No.1", "利用者"]);
  // A user's sheets never change, and the formula that refers to 評価一覧 never turns into #REF!.
  expect({ "No.1": now["No.1"], 利用者: now["利用者"] }).toEqual({ "No.1": before["No.1"], 利用者: before["利用者"] });
  if (s.before.length) expect(fake.book.sheet("利用者")!.at("B1")?.formula).toBe(QUOTE);
  if (outcome.ok) {
    for (const n of names) expect([n, now[n]]).toEqual([n, expected[n]]);
    return;
  }
  expect(outcome.error).toBeInstanceOf(OwnedSheetsInterrupted);
  const { written, partial, unconfirmed } = (outcome.error as OwnedSheetsInterrupted).progress;
  expect(unconfirmed).toBe(false);
  for (const n of names) {
    if (written.includes(n)) expect([n, "written", now[n]]).toEqual([n, "written", expected[n]]);
    else if (!partial.includes(n)) expect([n, "as it was", now[n]]).toEqual([n, "as it was", before[n]]);
  }
  // At most one sheet is left half-written, and only a sheet that existed (a new one is deleted again).
  expect(partial.length).toBeLessThanOrEqual(1);
  for (const n of partial) expect(s.before.some((b) => b.name === n)).toBe(true);
}

describe("どこで失敗しても、元のままか書き終えたかで、変わったシートを正確に伝える (項目 8)", () => {
  test.each(SMALL.map((s) => [s.name, s] as const))("%s: 書き込みのどの sync がまるごと失敗しても、そう言える状態で、もう一度実行すれば書き終わる", async (_, s) => {
    const probe = await start(s);
    const base = probe.fake.syncCount;
    await probe.book.writeOwnedSheets(s.next);
    const syncs = probe.fake.syncCount - base;
    expect(syncs).toBe(3);
    for (let n = 1; n <= syncs; n++) {
      const { fake, book, expected } = await start(s);
      const names = s.next.map((x) => x.name);
      const before = contents(fake, [...names, "No.1", "利用者"]);
      const want = contents(expected.fake, names);
      fake.failSync(fake.syncCount + n);
      const outcome = await book.writeOwnedSheets(s.next).then(
        (results) => ({ ok: true as const, results }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      checkOutcome(s, fake, before, want, outcome);
      // The last sync sets panes and print setup only: its failure loses nothing and the results say so.
      if (n === syncs) expect(outcome.ok && outcome.results.every((r) => r.omitted?.includes("cosmetic"))).toBe(true);
      else expect(outcome.ok).toBe(false);
      // Running it again completes every sheet, under the same names.
      await book.writeOwnedSheets(s.next);
      expect(contents(fake, names)).toEqual(want);
      expect(fake.book.sheets.map((x) => x.name)).toEqual(expected.fake.book.sheets.map((x) => x.name));
    }
  });

  test.each(SMALL.map((s) => [s.name, s] as const))("%s: 内容を書くリクエストのどの動作で止まっても、元のままか書き終えたかで、途中のシートは 1 枚だけ名前を挙げる", async (_, s) => {
    const probe = await start(s);
    const base = probe.fake.syncCount;
    await probe.book.writeOwnedSheets(s.next);
    const contentSync = probe.fake.syncs[base + 1];
    expect(contentSync.actions).toBeGreaterThan(20);
    const seen = new Set<string>();
    for (let k = 0; k < contentSync.actions; k++) {
      const { fake, book, expected } = await start(s);
      const names = s.next.map((x) => x.name);
      const before = contents(fake, [...names, "No.1", "利用者"]);
      fake.failSync(fake.syncCount + 2, { code: "GeneralException", afterActions: k });
      const outcome = await book.writeOwnedSheets(s.next).then(
        (results) => ({ ok: true as const, results }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      expect(outcome.ok).toBe(false);
      checkOutcome(s, fake, before, contents(expected.fake, names), outcome);
      const p = (outcome as { error: OwnedSheetsInterrupted }).error.progress;
      seen.add(`${p.written.join("+")}|${p.partial.join("+")}`);
      await book.writeOwnedSheets(s.next);
      expect(contents(fake, names)).toEqual(contents(expected.fake, names));
    }
    // Every stage was met: nothing yet, the first sheet finished, the second one half-written (when it existed).
    expect(seen.has("|")).toBe(true);
    expect([...seen].some((x) => x.startsWith(`${s.next[0].name}|`) || x.startsWith(`${s.next[1].name}|`))).toBe(true);
    if (s.before.length === 2) expect([...seen].some((x) => /\|.+/.test(x))).toBe(true);
  });

  test("準備の sync がどの動作で止まっても、足したシートは消し、所有の記録にも残さない(利用者が後で同じ名前のシートを作っても上書きしない)", async () => {
    const s = SMALL[0];
    const probe = await start(s);
    const base = probe.fake.syncCount;
    await probe.book.writeOwnedSheets(s.next);
    const actions = probe.fake.syncs[base].actions;
    expect(actions).toBeGreaterThan(6);
    for (let k = 0; k < actions; k++) {
      const { fake, book } = await start(s);
      fake.failSync(fake.syncCount + 1, { code: "GeneralException", afterActions: k });
      const error = await book.writeOwnedSheets(s.next).catch((e: unknown) => e);
      expect([k, error]).toMatchObject([k, { code: "sheets-interrupted", progress: { written: [], partial: [], unconfirmed: false } }]);
      expect(fake.book.sheets.map((x) => x.name).filter((n) => n !== "_chosahyo")).toEqual(["No.1", "利用者"]);
      expect(await new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }).ownedSheets()).toEqual([]);
    }
  });

  test("失敗の後にブックを読めなければ、変わったかもしれないシートをすべて挙げ、確かめられなかったと言う", async () => {
    const s = SMALL[1];
    const { fake, book } = await start(s);
    const from = fake.syncCount + 2;
    fake.beforeSync = (n) => {
      if (n >= from) fake.failSync(n, { code: "GeneralException" });
    };
    const error = await book.writeOwnedSheets(s.next).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "sheets-interrupted", progress: { written: [], partial: ["評価一覧", "評価集計"], unconfirmed: true } });
  });
});
