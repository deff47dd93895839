/**
 * 回収 in Excel (OfficeWorkbook.collectInto over the strict fake): the 小平 sample split by 配布 (splitBook), some
 * departments' input cells filled in, and their files taken back into a fake workbook loaded from the sample.
 */
import { readFileSync } from "node:fs";
import { oracle } from "../helpers/exceljs-book";
import { SUBMISSIONS_KEY } from "../../src/core/cycle/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "../../src/workbook/collect-port";
import { isWorkbookError } from "../../src/workbook/port";
import { INSERT_WORKSHEETS } from "../../src/workbook/office/requirements";
import { checkBook, readReturnedXlsx } from "../../src/workbook/xlsx/collect";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cellMap, differingCells, inputCellsOf, protectedCopy, SEED, seedRecords } from "../cycle/collect-fixtures";
import { FakeBook, failInserts, type FakeExcelOptions } from "../fakes/excel-fake";
import { rig } from "./office-helpers";

jest.setTimeout(120_000);

const seed = () => new Uint8Array(readFileSync(SEED));
const AT = new Date("2026-12-01T09:00:00Z");
const options = (dryRun = false): CollectIntoOptions => ({ profiles: BUILT_IN_PROFILES, dryRun, lang: "ja", at: AT });

let departments: { department: string; sheets: readonly string[]; bytes: Uint8Array }[];
let records: Awaited<ReturnType<typeof seedRecords>>;

beforeAll(async () => {
  const book = await XlsxWorkbook.load(seed(), "kodaira-h29.xlsx");
  const split = await splitBook(book, (await checkBook(book, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, at: new Date("2026-11-01T00:00:00Z") });
  if (!split.ok) throw new Error("split refused");
  departments = split.books.map((b) => ({ department: b.department, sheets: b.sheets, bytes: b.bytes }));
  records = await seedRecords();
});

/** A department's file with its 取組実績 written on `sheets` (default: the first sheet it was sent). */
async function returned(department: string, sheets?: readonly string[], extra: { sheet: string; cell: string; value: string }[] = []): Promise<{ file: ReturnedFile; cells: string[] }> {
  const d = departments.find((x) => x.department === department)!;
  const book = await XlsxWorkbook.load(d.bytes, `${department}.xlsx`);
  const edits = (sheets ?? d.sheets.slice(0, 1)).map((sheet) => ({ sheet, cell: inputCellsOf(records, sheet).result, value: `${department} ${sheet} の実績` }));
  book.setCells([...edits, ...extra]);
  return { file: { name: `${department}.xlsx`, bytes: await book.toBytes() }, cells: edits.map((e) => `${e.sheet}!${e.cell}`) };
}

async function master(options: FakeExcelOptions = {}, bytes: Uint8Array = seed()) {
  const r = rig(await FakeBook.fromXlsx(bytes), { ...options, readReturned: readReturnedXlsx });
  return { ...r, before: await r.fake.book.toXlsx(), ids: r.fake.book.sheets.map((s) => [s.name, s.id] as const) };
}

async function collect(m: Awaited<ReturnType<typeof master>>, files: readonly ReturnedFile[], dryRun = false): Promise<CollectOutcome> {
  return m.book.collectInto!(files, options(dryRun));
}

const logRowsOf = (m: Awaited<ReturnType<typeof master>>) => {
  const log = m.fake.book.sheet("変更履歴");
  if (!log) return [];
  const out: string[][] = [];
  for (let r = 1; log.get(r, 0); r++) out.push([0, 1, 2, 3, 4, 5].map((c) => String(log.get(r, c)?.value ?? "")));
  return out;
};

const submissions = (m: Awaited<ReturnType<typeof master>>) => {
  const s = m.fake.book.sheet("_chosahyo");
  for (let r = 0; s?.get(r, 0); r++) if (s.get(r, 0)!.value === SUBMISSIONS_KEY) return JSON.parse(String(s.get(r, 1)!.value)) as { received: { department: string; file: string; cellsChanged: number }[] };
  return undefined;
};

/** The sheets a fake operation names: `rename A → B`, `insert A`, `delete A`, `add A`, `values 'A'!B2:C3` … */
function sheetsOf(op: string): string[] {
  const structure = /^(?:rename|insert|delete|add) (.+?)(?: → (.+))?$/.exec(op);
  if (structure) return [structure[1], ...(structure[2] ? [structure[2]] : [])];
  const range = / (?:'((?:[^']|'')+)'|([^ !']+))!/.exec(op);
  return range ? [(range[1] ?? range[2]).replace(/''/g, "'")] : [op];
}

const userSheetNames = (m: Awaited<ReturnType<typeof master>>) => m.fake.book.sheets.map((s) => s.name).filter((n) => n !== "変更履歴" && n !== "_chosahyo");

test("取り込むと、戻ってきたセルだけが変わり、他のシートはそのまま、シートの順と名前も同じ; 変更履歴と提出状況の記録が残る", async () => {
  const m = await master();
  const a = await returned("政策課");
  const b = await returned("水と緑と公園課");
  const preview = await collect(m, [a.file, b.file], true);
  expect(preview.plan.files.map((f) => f.sheets.filter((s) => s.replace).map((s) => s.sheet))).toEqual([[a.cells[0].split("!")[0]], [b.cells[0].split("!")[0]]]);
  expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual([]);

  const out = await collect(m, [a.file, b.file]);
  expect(out.written).toMatchObject({ sheetsReplaced: 2, cellsChanged: 2, changed: true, files: ["政策課.xlsx", "水と緑と公園課.xlsx"] });
  expect(out.written?.interrupted).toBeUndefined();
  expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual([...a.cells, ...b.cells].sort());
  // Same sheets in the same order; only the replaced ones are new objects.
  const replaced = [a.cells[0].split("!")[0], b.cells[0].split("!")[0]];
  expect(userSheetNames(m)).toEqual(m.ids.map(([n]) => n).filter((n) => n !== "_chosahyo"));
  for (const [name, id] of m.ids) expect(m.fake.book.sheet(name)?.id === id).toBe(!replaced.includes(name));
  // Nothing touched outside the replaced sheets, the log and the settings.
  const touched = new Set(m.fake.operations.flatMap(sheetsOf));
  expect(touched.size).toBeGreaterThan(0);
  for (const name of touched) expect([...replaced, ...replaced.map((n) => `回収前_${n}`), "変更履歴", "_chosahyo"]).toContain(name);
  const log = logRowsOf(m);
  expect(log.map((r) => r[1])).toEqual(replaced);
  expect(log[0].join(" ")).toContain("政策課");
  expect(submissions(m)?.received.map((s) => [s.department, s.file, s.cellsChanged])).toEqual([
    ["政策課", "政策課.xlsx", 1],
    ["水と緑と公園課", "水と緑と公園課.xlsx", 1],
  ]);
});

test("元のブックで非表示にしてあるシートは、表示のまま戻ってきても、置き換えたあとも非表示のまま", async () => {
  const m = await master();
  const a = await returned("政策課");
  const sheet = a.cells[0].split("!")[0];
  m.fake.book.sheet(sheet)!.visibility = "Hidden";
  const out = await collect(m, [a.file]);
  expect(out.written).toMatchObject({ sheetsReplaced: 1, cellsChanged: 1 });
  expect(m.fake.book.sheet(sheet)!.visibility).toBe("Hidden");
  expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual(a.cells);
});

test("元のブックが 1904 年から日付を数えるとき、1900 年のファイルのシートは差し込まず、変わった入力欄を書く（Excel はシリアル値をそのまま写し、日付が 4 年ずれるため）", async () => {
  const m = await master();
  m.fake.book.date1904 = true; // the sample holds no date: only how the workbook counts changes
  const a = await returned("政策課");
  const out = await collect(m, [a.file]);
  const sheet = a.cells[0].split("!")[0];
  expect(out.plan.files[0].sheets.find((s) => s.sheet === sheet)).toMatchObject({ replace: false });
  expect(m.fake.operations.filter((op) => /^(insert|rename|delete) /.test(op))).toEqual([]);
  expect(m.fake.book.sheet(sheet)!.id).toBe(m.ids.find(([n]) => n === sheet)![1]);
  expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual(a.cells);
  expect(out.written).toMatchObject({ sheetsReplaced: 0, cellsChanged: 1, changed: true });
});

test("同じファイルをもう一度取り込んでも何も変わらない", async () => {
  const m = await master();
  const a = await returned("政策課", ["No.3", "No.9"]);
  await collect(m, [a.file]);
  const after = await m.fake.book.toXlsx();
  const log = logRowsOf(m);
  m.fake.reset();
  const again = await collect(m, [a.file]);
  expect(again.plan.files[0].sheets.every((s) => !s.replace && s.changedCells.length === 0)).toBe(true);
  expect(again.written).toMatchObject({ sheetsReplaced: 0, cellsChanged: 0, changed: false });
  expect(m.fake.operations).toEqual([]);
  expect(differingCells(await cellMap(after), await cellMap(await m.fake.book.toXlsx()))).toEqual([]);
  expect(logRowsOf(m)).toEqual(log);
});

test("様式を変えたファイルは保留、別のブックは断り、どちらも何も書かない", async () => {
  const m = await master();
  const sheet = departments.find((d) => d.department === "政策課")!.sheets[0];
  const heldBack = await returned("政策課", undefined, [{ sheet, cell: "A1", value: "様式を変えた" }]);
  const other: ReturnedFile = { name: "三鷹.xlsx", bytes: new Uint8Array(readFileSync(SEED.replace("kodaira-h29", "mitaka-2021"))) };
  const out = await collect(m, [heldBack.file, other]);
  expect(out.plan.files.map((f) => [f.held, f.refusal?.code])).toEqual([
    [true, undefined],
    [false, "not-returned"],
  ]);
  expect(out.written).toMatchObject({ changed: false });
  expect(m.fake.operations).toEqual([]);
});

test("様式の変更を認めたファイルは、シートを置き換えず入力セルだけを書く: 様式の変更は入らず、変更履歴にそう記録する", async () => {
  const m = await master();
  const sheet = departments.find((d) => d.department === "政策課")!.sheets[0];
  const a = await returned("政策課", [sheet], [{ sheet, cell: "A1", value: "様式を変えた" }]);
  const before = await cellMap(m.before);
  const out = await m.book.collectInto!([a.file], { ...options(), acceptFormChanges: ["政策課.xlsx"] });
  expect(out.plan.files.map((f) => [f.held, f.formAccepted])).toEqual([[false, true]]);
  expect(out.written).toMatchObject({ sheetsReplaced: 0, cellsChanged: 1, changed: true, files: ["政策課.xlsx"] });
  const after = await cellMap(await m.fake.book.toXlsx());
  expect(differingCells(before, after)).toEqual(a.cells);
  expect(after.get(`${sheet}!A1`)).toBe(before.get(`${sheet}!A1`));
  // The sheet stays the master's own (no insert, no rename), only its cell is written.
  expect(m.fake.book.sheet(sheet)?.id).toBe(m.ids.find(([n]) => n === sheet)![1]);
  expect(m.fake.operations.filter((op) => /^(insert|rename|delete) /.test(op))).toEqual([]);
  expect(logRowsOf(m).map((r) => [r[1], r[4].slice(0, 8)])).toEqual([[sheet, "回収で入力欄だけ"]]);
});

test("保護したブックに保護のないシートが戻ると保留（置き換えると保護が外れる）; 認めれば入力セルだけを書き、シートは保護されたまま", async () => {
  const m = await master({}, await protectedCopy(seed()));
  const sent = departments.find((d) => d.department === "政策課")!.sheets;
  const sheet = sent[0];
  expect(m.fake.book.sheet(sheet)!.protected).toBe(true);
  const a = await returned("政策課", [sheet]);
  const held = await collect(m, [a.file]);
  // Each sheet sent (all unprotected in the copy), filled in or not.
  expect(held.plan.files.map((f) => [f.held, f.findings.filter((x) => x.ruleId === "FORM-CHANGED").map((x) => `${x.sheet}!${x.cell}`)])).toEqual([[true, sent.map((s) => `${s}!A1`)]]);
  expect(m.fake.operations).toEqual([]);
  const before = await cellMap(m.before);
  const out = await m.book.collectInto!([a.file], { ...options(), acceptFormChanges: ["政策課.xlsx"] });
  expect(out.written).toMatchObject({ sheetsReplaced: 0, cellsChanged: 1, files: ["政策課.xlsx"] });
  expect(differingCells(before, await cellMap(await m.fake.book.toXlsx()))).toEqual(a.cells);
  expect(m.fake.book.sheet(sheet)!.protected).toBe(true);
});

test("ExcelApi 1.12 の Excel では分かる言葉で断り、読みも書きもしない", async () => {
  const m = await master({ apiVersion: "1.12" });
  const a = await returned("政策課");
  const err = await collect(m, [a.file]).catch((e: unknown) => e);
  expect(isWorkbookError(err) && err.code === "unsupported-operation" && err.detail === INSERT_WORKSHEETS.detail).toBe(true);
  expect(m.fake.syncCount).toBe(0);
  expect(m.fake.operations).toEqual([]);
});

/** The syncs a run takes up to the first file's batch: readAll, formulas, the look. */
async function syncsBeforeWrites(files: readonly ReturnedFile[]): Promise<number> {
  const m = await master();
  await collect(m, files, true);
  return m.fake.syncCount + 1;
}

test("sync の数はファイルごとに一定で、シートやセルの数では増えない", async () => {
  const one = await returned("政策課");
  const oneAll = await returned("政策課", ["No.3", "No.9", "No.11"]);
  const three = [one.file, (await returned("水と緑と公園課")).file, (await returned("指導課", ["No.4", "No.4-1"])).file];
  const count = async (files: readonly ReturnedFile[]) => {
    const m = await master();
    await collect(m, files);
    return m.fake.syncCount;
  };
  const s1 = await count([one.file]);
  const s1all = await count([oneAll.file]);
  const s3 = await count(three);
  expect(s1all).toBe(s1);
  expect(s3 - s1).toBe(2);
  // readAll 3, formulas 1, look 1, then one per file.
  expect(s1).toBe(6);
});

test("書き込みの途中で止まっても、新しいシートが入っていれば書き終え、入っていなければ元に戻す; もう一度取り込むと残りが入る", async () => {
  const files = [await returned("政策課"), await returned("水と緑と公園課"), await returned("指導課", ["No.4", "No.4-1"])];
  const first = await syncsBeforeWrites(files.map((f) => f.file));
  for (const [afterActions, forward] of [
    [1, false], // only a rename ran: the old sheet gets its name back
    [2, true], // the rename and the insert ran: the old sheet is deleted, and the rest written again
    [4, true], // the old sheet deleted and the new one placed: the log and the settings are written again
  ] as const) {
    const m = await master();
    m.fake.failSync(first + 2, { afterActions });
    const out = await collect(
      m,
      files.map((f) => f.file),
    );
    expect(out.written?.interrupted).toMatchObject({ file: "水と緑と公園課.xlsx", confirmed: true });
    expect(out.written?.files).toEqual(forward ? ["政策課.xlsx", "水と緑と公園課.xlsx"] : ["政策課.xlsx"]);
    expect(userSheetNames(m)).toEqual(m.ids.map(([n]) => n).filter((n) => n !== "_chosahyo"));
    const taken = forward ? [...files[0].cells, ...files[1].cells] : files[0].cells;
    expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual([...taken].sort());
    expect(logRowsOf(m)).toHaveLength(forward ? 2 : 1);
    expect(submissions(m)?.received.map((s) => s.department)).toEqual(forward ? ["政策課", "水と緑と公園課"] : ["政策課"]);

    const again = await collect(
      m,
      files.map((f) => f.file),
    );
    expect(again.written?.interrupted).toBeUndefined();
    expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual(files.flatMap((f) => f.cells).sort());
    expect(logRowsOf(m).map((r) => r[1])).toEqual(files.flatMap((f) => f.cells.map((c) => c.split("!")[0])));
    expect(submissions(m)?.received.map((s) => s.department)).toEqual(["政策課", "水と緑と公園課", "指導課"]);
  }
});

test("挿入そのものを Excel が断ると（Web 版の UnsupportedFeature など）、そのファイルは入らず元のまま", async () => {
  const m = await master();
  failInserts(m.fake, "UnsupportedFeature");
  const a = await returned("政策課");
  const out = await collect(m, [a.file]);
  expect(out.written).toMatchObject({ files: [], interrupted: { file: "政策課.xlsx", code: "UnsupportedFeature", confirmed: true } });
  expect(userSheetNames(m)).toEqual(m.ids.map(([n]) => n).filter((n) => n !== "_chosahyo"));
  expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual([]);
  expect(logRowsOf(m)).toEqual([]);
});

test("セルの編集中で Excel が書き込みを断ると、そのファイルからは何も書かず、そこで止めて理由を返す", async () => {
  const files = [await returned("政策課"), await returned("水と緑と公園課")];
  const first = await syncsBeforeWrites(files.map((f) => f.file));
  const m = await master();
  m.fake.beforeSync = (n) => {
    if (n === first + 2) m.fake.cellEditMode = true;
  };
  const out = await collect(
    m,
    files.map((f) => f.file),
  );
  expect(out.written).toMatchObject({ files: ["政策課.xlsx"], interrupted: { file: "水と緑と公園課.xlsx", reason: "cell-edit-mode", confirmed: true } });
  m.fake.cellEditMode = false;
  expect(differingCells(await cellMap(m.before), await cellMap(await m.fake.book.toXlsx()))).toEqual(files[0].cells);
});

test("ほかのシートの数式が指すシート（評価一覧の ='No.5'!F8）は置き換えず、変わった入力セルを書く: 数式は #REF! にならず新しい値を示す", async () => {
  const m = await master();
  const list = m.fake.book.sheet("評価一覧")!;
  const eval1 = inputCellsOf(records, "No.5").eval1;
  // A cell beside the list that pulls No.5's 1次評価, as a hand-made 評価一覧 might.
  list.put(0, 30, "A");
  Object.assign(list.get(0, 30)!, { formula: `='No.5'!${eval1}` });
  const noFiveId = m.fake.book.sheet("No.5")!.id;
  const d = departments.find((x) => x.sheets.includes("No.5"))!;
  const { file } = await returned(d.department, ["No.5"], [{ sheet: "No.5", cell: eval1, value: "S" }]);

  const preview = await collect(m, [file], true);
  expect(preview.plan.files[0].sheets.find((s) => s.sheet === "No.5")).toMatchObject({ replace: false, writes: expect.arrayContaining([{ cell: eval1, value: "S" }]) });

  const out = await collect(m, [file]);
  expect(out.written).toMatchObject({ sheetsReplaced: 0, changed: true });
  expect(m.fake.book.sheet("No.5")!.id).toBe(noFiveId); // the same sheet, written into
  expect(m.fake.book.sheet("No.5")!.at(eval1)?.value).toBe("S");
  expect(list.get(0, 30)).toMatchObject({ formula: `='No.5'!${eval1}` });
  expect(logRowsOf(m).some((r) => r.includes("No.5"))).toBe(true);
});

/**
 * No.5's department returns it with its 1次評価 set to S, and something elsewhere in the master points into No.5:
 * the preview says it is written into, not replaced, and after taking it in it is the same sheet holding the S.
 */
async function takesNoFiveInPlace(m: Awaited<ReturnType<typeof master>>): Promise<void> {
  const eval1 = inputCellsOf(records, "No.5").eval1;
  const noFiveId = m.fake.book.sheet("No.5")!.id;
  const d = departments.find((x) => x.sheets.includes("No.5"))!;
  const { file } = await returned(d.department, ["No.5"], [{ sheet: "No.5", cell: eval1, value: "S" }]);
  const preview = await collect(m, [file], true);
  expect(preview.plan.files[0].sheets.find((s) => s.sheet === "No.5")).toMatchObject({ replace: false });
  const out = await collect(m, [file]);
  expect(out.written).toMatchObject({ sheetsReplaced: 0, changed: true });
  expect(m.fake.book.sheet("No.5")!.id).toBe(noFiveId);
  expect(m.fake.book.sheet("No.5")!.at(eval1)?.value).toBe("S");
}

describe("グラフの系列が指すシートも置き換えず、変わった入力セルを書く: グラフは #REF! にならない", () => {
  const noFive = () => departments.find((x) => x.sheets.includes("No.5"))!;

  test("ほかのシート（評価一覧）のグラフが 'No.5'!… を指すとき", async () => {
    const m = await master();
    const chart = m.fake.book.addChart("評価一覧", "No.5", "B2:B6", "A2:A6");
    await takesNoFiveInPlace(m);
    expect(chart.source.sheet).toBe("No.5");
  });

  test("同じ名前のグラフが 2 つあり、2 つめが 'No.5'!… を指すときも（Excel は名前で引くと 1 つめを返す）", async () => {
    const m = await master();
    m.fake.book.addChart("評価一覧", "No.1", "B2:B6", "A2:A6");
    const second = m.fake.book.addChart("評価一覧", "No.5", "B2:B6", "A2:A6");
    // A sheet copied into a workbook that already had one: both are "Chart 1".
    second.name = "Chart 1";
    await takesNoFiveInPlace(m);
    expect(second.source.sheet).toBe("No.5");
  });

  test("そのシート自身のグラフは、シートとともに入れ替わるだけで、置き換えを止めない", async () => {
    const m = await master();
    m.fake.book.addChart("No.5", "No.5", "B2:B6");
    const noFiveId = m.fake.book.sheet("No.5")!.id;
    const { file } = await returned(noFive().department, ["No.5"]);
    const out = await collect(m, [file]);
    expect(out.written).toMatchObject({ sheetsReplaced: 1, changed: true });
    expect(m.fake.book.sheet("No.5")!.id).not.toBe(noFiveId);
  });

  test("グラフの参照元を読めない Excel（ExcelApi 1.15 より前）では、グラフがあればどのシートも置き換えず、セルを書く", async () => {
    const m = await master({ apiVersion: "1.14" });
    const eval1 = inputCellsOf(records, "No.5").eval1;
    const chart = m.fake.book.addChart("評価一覧", "No.1", "B2:B6");
    const { file } = await returned(noFive().department, ["No.5"], [{ sheet: "No.5", cell: eval1, value: "S" }]);
    const out = await collect(m, [file]);
    expect(out.written).toMatchObject({ sheetsReplaced: 0, changed: true });
    expect(m.fake.book.sheet("No.5")!.at(eval1)?.value).toBe("S");
    expect(chart.source.sheet).toBe("No.1");
  });

  test("グラフがなければ sync は増えず、あれば数によらず 3 回増える", async () => {
    const counts: number[] = [];
    for (const charts of [0, 1, 4]) {
      const m = await master();
      for (let i = 0; i < charts; i++) m.fake.book.addChart(i % 2 ? "評価一覧" : "No.1", "No.1", `B${2 + i}:B${6 + i}`, "A2:A6");
      const { file } = await returned(noFive().department, ["No.5"]);
      const before = m.fake.syncCount;
      await collect(m, [file]);
      counts.push(m.fake.syncCount - before);
    }
    expect(counts[1] - counts[0]).toBe(3);
    expect(counts[2]).toBe(counts[1]);
  });
});

test.each([
  ["両端のあいだ", "No.1:No.9"],
  ["端", "No.5:No.9"],
  ["引用符つき", "'No.1:No.9'"],
])("3-D 参照（評価一覧の =COUNTA(No.1:No.9!…)）の範囲にあるシートも置き換えず、セルを書く: %s", async (_title, span) => {
  // Excel would delete the sheet and insert the new one at the same place: a sheet at an end moves the end, and
  // one between stands outside the span while it is away. Written into, it never leaves.
  const m = await master();
  const list = m.fake.book.sheet("評価一覧")!;
  list.put(0, 30, 3);
  Object.assign(list.get(0, 30)!, { formula: `=COUNTA(${span}!${inputCellsOf(records, "No.5").eval1})` });
  await takesNoFiveInPlace(m);
  expect(list.get(0, 30)?.formula).toContain(span);
});

describe("名前の定義が指すシートも置き換えず、変わった入力セルを書く: 名前は #REF! にならない", () => {
  test.each([
    ["ブックの名前（評価_No5 = 'No.5'!…）", undefined],
    ["ほかのシート（評価一覧）の名前", "評価一覧"],
  ])("%s", async (_title, scope) => {
    const m = await master();
    const eval1 = inputCellsOf(records, "No.5").eval1;
    m.fake.book.defineName("評価_No5", `='No.5'!$${eval1.replace(/(\d+)$/, "$$$1")}`, scope);
    await takesNoFiveInPlace(m);
    expect(m.fake.book.definedNames.find((n) => n.name === "評価_No5")?.formula).not.toContain("#REF");
  });

  test("そのシート自身の名前（印刷範囲など）はシートとともに入れ替わるだけで、置き換えを止めない", async () => {
    const m = await master();
    m.fake.book.defineName("No5_印刷範囲", "='No.5'!$A$1:$H$20", "No.5");
    const noFiveId = m.fake.book.sheet("No.5")!.id;
    const d = departments.find((x) => x.sheets.includes("No.5"))!;
    const { file } = await returned(d.department, ["No.5"]);

    const out = await collect(m, [file]);
    expect(out.written).toMatchObject({ sheetsReplaced: 1, changed: true });
    expect(m.fake.book.sheet("No.5")!.id).not.toBe(noFiveId);
  });

  test("名前を読んでも sync の数は変わらない（数式と同じ 1 回で読む）", async () => {
    const counts: number[] = [];
    for (const withName of [false, true]) {
      const m = await master();
      if (withName) m.fake.book.defineName("評価一覧_先頭", "=評価一覧!$A$1");
      const d = departments.find((x) => x.sheets.includes("No.5"))!;
      const { file } = await returned(d.department, ["No.5"]);
      const before = m.fake.syncCount;
      await collect(m, [file]);
      counts.push(m.fake.syncCount - before);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

test("配布で値にした数式（配布しないシートを指す）: 戻ったシートは置き換えず入力セルを書く。マスターの数式はそのまま、様式の変更にもならない", async () => {
  // The sample with No.5 pulling a cell of 評価一覧, which stays in the master.
  const wb = await oracle(seed());
  wb.getWorksheet("No.5")!.getCell("L5").value = { formula: "評価一覧!A1", result: String(wb.getWorksheet("評価一覧")!.getCell("A1").value ?? "") };
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const book = await XlsxWorkbook.load(bytes, "master.xlsx");
  const split = await splitBook(book, (await checkBook(book, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, at: AT });
  if (!split.ok) throw new Error("split refused");
  const d = split.books.find((b) => b.sheets.includes("No.5"))!;
  const copy = await XlsxWorkbook.load(d.bytes, `${d.department}.xlsx`);
  const sent = await oracle(d.bytes);
  expect(sent.getWorksheet("No.5")!.getCell("L5").formula).toBeUndefined(); // the department's copy holds the value
  const eval1 = inputCellsOf(records, "No.5").eval1;
  copy.setCells([{ sheet: "No.5", cell: eval1, value: "S" }]);
  const file = { name: `${d.department}.xlsx`, bytes: await copy.toBytes() };

  const m = await master({}, bytes);
  const noFiveId = m.fake.book.sheet("No.5")!.id;
  const preview = await collect(m, [file], true);
  expect(preview.plan.files[0].held).toBe(false);
  expect(preview.plan.files[0].sheets.find((s) => s.sheet === "No.5")).toMatchObject({ replace: false, writes: [{ cell: eval1, value: "S" }] });
  const out = await collect(m, [file]);
  expect(out.written).toMatchObject({ sheetsReplaced: 0, cellsChanged: 1, changed: true });
  expect(m.fake.book.sheet("No.5")!.id).toBe(noFiveId);
  expect(m.fake.book.sheet("No.5")!.at(eval1)?.value).toBe("S");
  expect(m.fake.book.sheet("No.5")!.at("L5")?.formula).toBe("=評価一覧!A1");
});

test("戻ったシートの数式がほかのシートを指すときは置き換えず入力セルを書く: Excel の挿入はその数式を戻ったファイルへのリンクにする", async () => {
  // A department sent two sheets, the first pulling a cell of the second: the copy keeps the formula (both are
  // there). Inserted into Excel, the first would point at the returned file instead (the fake does as Excel does).
  const pair = departments.find((x) => x.sheets.length >= 2)!;
  const [first, second] = pair.sheets;
  const wb = await oracle(seed());
  wb.getWorksheet(first)!.getCell("L5").value = { formula: `'${second}'!A1`, result: String(wb.getWorksheet(second)!.getCell("A1").value ?? "") };
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const book = await XlsxWorkbook.load(bytes, "master.xlsx");
  const split = await splitBook(book, (await checkBook(book, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, at: AT });
  if (!split.ok) throw new Error("split refused");
  const d = split.books.find((b) => b.department === pair.department)!;
  expect((await oracle(d.bytes)).getWorksheet(first)!.getCell("L5").formula).toBe(`'${second}'!A1`);
  const copy = await XlsxWorkbook.load(d.bytes, `${d.department}.xlsx`);
  const eval1 = inputCellsOf(records, first).eval1;
  copy.setCells([{ sheet: first, cell: eval1, value: "S" }]);
  const file = { name: `${d.department}.xlsx`, bytes: await copy.toBytes() };

  const m = await master({}, bytes);
  const id = m.fake.book.sheet(first)!.id;
  const preview = await collect(m, [file], true);
  expect(preview.plan.files[0].sheets.find((s) => s.sheet === first)).toMatchObject({ replace: false, writes: [{ cell: eval1, value: "S" }] });
  const out = await collect(m, [file]);
  expect(out.written).toMatchObject({ sheetsReplaced: 0, changed: true });
  expect(m.fake.book.sheet(first)!.id).toBe(id);
  expect(m.fake.book.sheet(first)!.at(eval1)?.value).toBe("S");
  expect(m.fake.book.sheet(first)!.at("L5")?.formula).toBe(`='${second}'!A1`);
});
