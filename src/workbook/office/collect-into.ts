/**
 * collectInto of the Office adapter (回収, docs/distribution.md): the open workbook is the master. It is read as
 * readAll reads it, with the formulas of the sheets a returned file holds; the returned files are read by the .xlsx
 * reader the pane passes in; the core plans. Taking a file in replaces whole sheets through
 * Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13; older Excel is told so and nothing is read or written) and
 * writes a table sheet's returned rows as cells, with one 変更履歴 row per sheet and the master's record of
 * submissions, all in one batch per file.
 *
 * A replaced sheet keeps its place and name: the old one is renamed to a free temporary name (回収前_…), the file's
 * sheet inserted (under the name now free), the old one deleted and the new one moved to the old place. Excel's
 * batches are not transactions: when a file's batch stops part way, a fresh look tells whether the new sheets went
 * in. If not, the old sheets get their names back and nothing of that file is in; if so, the rest of the batch is
 * written again (it writes the same things to the same places). Either way the run stops there and says which files
 * were taken in.
 *
 * Syncs: readAll's (3 for a 調査票 workbook), 1 for the formulas, the defined names and the charts (more only past the
 * response budget), 3 more for the charts' data sources when there are charts, 1 look (sheet ids and places, the log's next row,
 * which cells to write a dynamic array spills into, whether a protected sheet's cells to write are unlocked), then 1
 * per file taken in; after a failure, 2 more to put it right.
 */
import { collectLogEntry, type CellWrite, type FileCollect, type ReturnedBook, type SheetCollect } from "../../core/cycle/collect";
import { SUBMISSIONS_KEY, type SubmissionsState } from "../../core/cycle/types";
import { normalizeFormula, rewriteReferences } from "../../core/formula/refs";
import { refsOf, sheetSpans } from "../../core/formula/sheets";
import type { Lang } from "../../core/i18n";
import { parseA1 } from "../../core/model/address";
import { isCellError, type CellValue } from "../../core/model/cell";
import type { SheetGrid } from "../../core/model/grid";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "../collect-port";
import { checkSnapshot, planFiles, type ReadReturned, readReturnedFiles, takesNothing } from "../collect-run";
import { SETTINGS_SHEET, sameSheetName, sheetNameKey } from "../owned";
import { isWorkbookError, WorkbookError } from "../port";
import { dateToSerial } from "../serial-dates";
import { freeSheetName } from "../sheet-names";
import { jsonBytes, queueSpilled } from "./cells";
import { addsSheets, type LogPlace, logPlace, logRows, ownedLog, queueLogLook, queueLogRows, settingsWithLog } from "./change-log";
import { officeErrorCode, toWorkbookError } from "./errors";
import { toBase64 } from "./new-workbook";
import { readWorkbook } from "./read-workbook";
import { INSERT_WORKSHEETS, SPILL_PARENT } from "./requirements";
import { findSheet, type OfficeSession, type State } from "./session";
import { asTyped } from "./typed-text";
import { parseSubmissionsState, withCellsLeft } from "../../core/cycle/submissions";

type Written = NonNullable<CollectOutcome["written"]>;

/** One file's batch: what it writes, and what the look before it found. */
interface FileJob {
  readonly f: FileCollect;
  readonly base64: string;
  /** Sheets replaced whole: the old sheet's id and place, and the temporary name it goes under. */
  readonly replace: readonly { readonly s: SheetCollect; readonly id: string; readonly position: number; readonly temp: string }[];
  readonly writes: readonly SheetCollect[];
  readonly log: LogPlace;
  readonly rows: string[][];
  readonly settings: Record<string, string>;
}

export async function collectInto(session: OfficeSession, files: readonly ReturnedFile[], options: CollectIntoOptions, read: ReadReturned<unknown>): Promise<CollectOutcome> {
  if (!session.supportsSet(INSERT_WORKSHEETS.set, INSERT_WORKSHEETS.version)) throw new WorkbookError("unsupported-operation", INSERT_WORKSHEETS.detail);
  const at = options.at ?? new Date();
  const returned = await readReturnedFiles(files, options.profiles, read);
  const snapshot = await readWorkbook(session);
  const held = new Set(returned.books.flatMap((b) => b.snapshot.sheets.map((g) => g.name)));
  // Every sheet's formulas: the returned sheets' to compare forms, the others' (and the defined names') to see which
  // sheets they point into.
  const { formulas, names, charts } = await readFormulas(session, snapshot.sheets);
  const master = checkSnapshot({ ...snapshot, sheets: snapshot.sheets.map((g) => (formulas.has(g.name) ? { ...g, formulas: formulas.get(g.name) } : g)) }, options.profiles);
  const series = await readChartSources(session, charts);
  const pointed = series === undefined ? new Set(held) : new Set([...pointedInto(formulas, [...names, ...series], held, snapshot.sheets.map((g) => g.name)), ...pointingOut(returned.books)]);
  // Excel copies serial numbers between workbooks as they are: a file counting its days from the other year would
  // bring its dates four years and a day off. Its input cells are written instead, each date in the master's count.
  const date1904 = (await session.ensureState()).date1904;
  for (const b of returned.books) if ((b.date1904 ?? false) !== date1904) for (const g of b.snapshot.sheets) pointed.add(g.name);
  const { sources, ...out } = planFiles(master, returned, options, at, pointed);
  void sources;
  if (options.dryRun) return out;
  if (takesNothing(out.plan)) return { ...out, written: { sheetsReplaced: 0, cellsChanged: 0, changed: false } };
  const bytes = new Map(files.map((f) => [f.name, f.bytes] as const));
  return { ...out, written: await writeFiles(session, out.plan.files, out.plan.state, bytes, options.lang, at) };
}

/** A defined name's formula, and the sheet it is scoped to (undefined: the workbook's). */
interface NameRef {
  readonly formula: string;
  readonly scope?: string;
}

/**
 * The sheets of `held` that a formula on another sheet refers to (`='No.5'!F8` on 評価一覧), or a defined name of the
 * workbook or of another sheet (`評価_No5` = `='No.5'!$F$8`). Excel replaces a sheet by deleting it, which would turn
 * those formulas and names into #REF!, so such a sheet is taken in by writing its cells. A name scoped to the sheet
 * itself (its print area) goes and comes back with the sheet. A 3-D reference (`=SUM(No.1:No.9!F8)` on a hand-made
 * 集計) takes in every sheet between its two ends, in `order`: a sheet deleted and inserted again would fall out of
 * it, or, at an end, move the end.
 */
function pointedInto(formulas: ReadonlyMap<string, ReadonlyMap<string, string>>, names: readonly NameRef[], held: ReadonlySet<string>, order: readonly string[]): Set<string> {
  const byKey = new Map([...held].map((n) => [sheetNameKey(n), n] as const));
  const out = new Set<string>();
  const mark = (sheet: string | undefined, from: string | undefined) => {
    const target = sheet === undefined ? undefined : byKey.get(sheetNameKey(sheet));
    if (target !== undefined && (from === undefined || !sameSheetName(target, from))) out.add(target);
  };
  const at = (name: string) => order.findIndex((n) => sameSheetName(n, name));
  const scan = (formula: string, from: string | undefined) => {
    rewriteReferences(formula, (ref) => {
      mark(ref.sheet, from);
      return { row: ref.row, col: ref.col };
    });
    for (const span of sheetSpans(formula)) {
      const [i, j] = [at(span.first), at(span.last)];
      if (i >= 0 && j >= 0) for (const name of order.slice(Math.min(i, j), Math.max(i, j) + 1)) mark(name, from);
    }
  };
  for (const [sheet, cells] of formulas) for (const f of cells.values()) scan(f, sheet);
  for (const n of names) scan(n.formula, n.scope);
  return out;
}

/**
 * Returned sheets with a formula into another sheet or through a defined name (`='No.6'!F8`, `=税率*B2`).
 * Excel's insertWorksheetsFromBase64 inserts a sheet as a copy from another workbook, turning a reference to a sheet
 * it does not insert into a link to that file (office-js#2809): such a sheet is taken in by writing its cells, and
 * the master's own formulas stay.
 */
function pointingOut(books: readonly ReturnedBook[]): Set<string> {
  const out = new Set<string>();
  for (const b of books)
    for (const g of b.snapshot.sheets) {
      for (const f of g.formulas?.values() ?? []) {
        const r = refsOf(f);
        if (r.opaque || r.names.length > 0 || r.sheets.some((s) => !sameSheetName(s, g.name))) {
          out.add(g.name);
          break;
        }
      }
    }
  return out;
}

/** The charts on one sheet, as loaded (items/name) in the formulas' first sync. */
interface SheetCharts {
  readonly sheet: string;
  readonly charts: Excel.ChartCollection;
}

/** Where a chart's series get their values and categories from: ExcelApi 1.15. */
const CHART_SOURCES = { set: "ExcelApi", version: "1.15" } as const;

const CHART_DIMENSIONS = ["Values", "Categories"] as const;

/**
 * The references of every chart's series (`='No.5'!$F$8:$F$10`), scoped to the chart's sheet as a name is: a chart
 * whose data is on a replaced sheet would be left showing #REF!. Nothing to read and no sync without charts; with
 * them, two syncs (the series, then the kind of each source) and a third for the references of those that are
 * ranges of this workbook. Undefined when that cannot be told: on a host without ExcelApi 1.15, or when Excel refuses
 * the question. Then every sheet is taken to be pointed into, and taken in by writing its cells.
 */
async function readChartSources(session: OfficeSession, sheets: readonly SheetCharts[]): Promise<NameRef[] | undefined> {
  // By place, not by name: of two charts with one name (a sheet copied in beside one) Excel's getItem gives the first.
  const charts = sheets.flatMap(({ sheet, charts }) => charts.items.map((_, at) => ({ sheet, at })));
  if (charts.length === 0) return [];
  if (!session.supportsSet(CHART_SOURCES.set, CHART_SOURCES.version)) return undefined;
  try {
    return await session.run(async (context) => {
      const lists = charts.map(({ sheet, at }) => ({ sheet, series: context.workbook.worksheets.getItem(sheet).charts.getItemAt(at).series.load("items/name") }));
      await context.sync();
      const all = lists.flatMap(({ sheet, series }) => series.items.flatMap((s) => CHART_DIMENSIONS.map((d) => ({ sheet, series: s, dimension: d }))));
      const kinds = all.map((x) => x.series.getDimensionDataSourceType(x.dimension));
      await context.sync();
      const ranges = all.filter((_, i) => kinds[i].value === "LocalRange");
      const refs = ranges.map((x) => x.series.getDimensionDataSourceString(x.dimension));
      if (ranges.length) await context.sync();
      return ranges.map((x, i) => ({ formula: refs[i].value, scope: x.sheet }));
    });
  } catch {
    return undefined;
  }
}

/**
 * Formulas of the given sheets, keyed "row,col" as SheetGrid.formulas, over each sheet's grid: one
 * sync per response budget's worth (one for any 調査票 workbook). `formulas` reads a constant as its value, so a cell
 * holds a formula where it reads "=…" and its value is not that text. The first sync also reads the defined names and
 * each sheet's charts.
 */
async function readFormulas(
  session: OfficeSession,
  grids: readonly SheetGrid[],
): Promise<{ formulas: Map<string, Map<string, string>>; names: NameRef[]; charts: SheetCharts[] }> {
  const out = new Map<string, Map<string, string>>(grids.map((g) => [g.name, new Map<string, string>()]));
  const names: NameRef[] = [];
  const charts: SheetCharts[] = [];
  const withCells = grids.filter((g) => g.rows.length > 0);
  // The first sync also reads the defined names (there is one even when no sheet has cells).
  const chunks: SheetGrid[][] = [[]];
  let bytes = 0;
  for (const g of withCells) {
    const estimate = 2 * jsonBytes(g.rows as unknown[][]) + 8 * g.rows.length * Math.max(1, ...g.rows.map((r) => r.length));
    if (bytes + estimate > session.responseBudget && chunks[chunks.length - 1].length > 0) {
      chunks.push([]);
      bytes = 0;
    }
    chunks[chunks.length - 1].push(g);
    bytes += estimate;
  }
  try {
    for (const [k, chunk] of chunks.entries()) await session.run((context) => readFormulaChunk(context, chunk, out, k === 0 ? { grids, names, charts } : undefined));
  } catch (e) {
    throw toWorkbookError(e);
  }
  return { formulas: out, names, charts };
}

async function readFormulaChunk(
  context: Excel.RequestContext,
  chunk: readonly SheetGrid[],
  out: Map<string, Map<string, string>>,
  withNames?: { readonly grids: readonly SheetGrid[]; readonly names: NameRef[]; readonly charts: SheetCharts[] },
): Promise<void> {
  const ranges = chunk.map((g) => {
    const width = Math.max(1, ...g.rows.map((r) => r.length));
    return context.workbook.worksheets.getItem(g.name).getRangeByIndexes(g.top, g.left, g.rows.length, width).load("formulas");
  });
  // NamedItem.formula is ExcelApi 1.7 and Worksheet.names 1.4, both below insertWorksheetsFromBase64's 1.13.
  const workbookNames = withNames && context.workbook.names.load("items/name,items/formula");
  const sheetNames = withNames?.grids.map((g) => ({ sheet: g.name, names: context.workbook.worksheets.getItem(g.name).names.load("items/name,items/formula") }));
  // Worksheet.charts is ExcelApi 1.1.
  for (const g of withNames?.grids ?? []) withNames?.charts.push({ sheet: g.name, charts: context.workbook.worksheets.getItem(g.name).charts.load("items/name") });
  await context.sync();
  for (const n of workbookNames?.items ?? []) withNames?.names.push({ formula: n.formula });
  for (const { sheet, names } of sheetNames ?? []) for (const n of names.items) withNames?.names.push({ formula: n.formula, scope: sheet });
  chunk.forEach((g, k) => {
    const map = out.get(g.name)!;
    ranges[k].formulas.forEach((row: unknown[], i: number) =>
      row.forEach((f, j) => {
        const v = g.rows[i]?.[j];
        if (typeof f === "string" && f.startsWith("=") && f !== v) map.set(`${g.top + i},${g.left + j}`, normalizeFormula(f));
      }),
    );
  });
}

/** A run of cells of one row, written with one `formulas` array (constants in it are taken as typed). */
interface CellRun {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly cells: CellWrite[];
}

function runsOf(sheet: string, writes: readonly CellWrite[]): CellRun[] {
  const placed = writes
    .map((w) => ({ w, at: parseA1(w.cell) }))
    .filter((x): x is { w: CellWrite; at: NonNullable<ReturnType<typeof parseA1>> } => !!x.at)
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  const runs: CellRun[] = [];
  for (const { w, at } of placed) {
    const last = runs[runs.length - 1];
    if (last && last.row === at.row && last.col + last.cells.length === at.col) last.cells.push(w);
    else runs.push({ sheet, row: at.row, col: at.col, cells: [w] });
  }
  return runs;
}

/**
 * What a cell write puts through `formulas`: a formula with its "=", text as typed, a date as its serial number in
 * the master's date system.
 */
function formulaInput(w: CellWrite, date1904: boolean): string | number | boolean {
  if (w.formula !== undefined) return `=${w.formula}`;
  const v: CellValue = w.value;
  if (v === null) return "";
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (isCellError(v)) return v.error;
  return typeof v === "string" ? asTyped(v) : v;
}

/** The record of submissions with only the departments taken in so far this run updated. */
function stateSoFar(before: SubmissionsState | undefined, after: SubmissionsState, taken: readonly FileCollect[]): SubmissionsState {
  const departments = new Set(taken.map((f) => f.department));
  const updated = after.received.filter((s) => departments.has(s.department));
  const kept = (before?.received ?? []).filter((s) => !departments.has(s.department));
  const order = after.received.map((s) => s.department);
  const received = [...kept, ...updated].sort((a, b) => order.indexOf(a.department) - order.indexOf(b.department));
  return { ...after, received };
}

async function writeFiles(session: OfficeSession, plan: readonly FileCollect[], after: SubmissionsState, bytes: ReadonlyMap<string, Uint8Array>, lang: Lang, at: Date): Promise<Written> {
  const state = await session.ensureState();
  const before = parseSubmissionsState(state.settings[SUBMISSIONS_KEY]);
  const taking = plan.filter((f) => !f.refusal && !f.held);
  const replaces = taking.some((f) => f.sheets.some((s) => s.replace));
  const logSheet = ownedLog(state);
  // Every refusal before anything is written. A protected sheet may be replaced whole (Excel renames and deletes
  // it; the department's copy comes with its own protection, which the plan checked is the master's), and written
  // into only where its protection leaves the cells unlocked (a master protected by the input aids), as Excel lets
  // a user type there; the look below asks.
  if (replaces && state.structureProtected) throw new WorkbookError("protected-workbook");
  if (logSheet && findSheet(state, logSheet)?.protected) throw new WorkbookError("protected-sheet", undefined, logSheet);
  const guarded = taking.flatMap((f) => f.sheets.filter((s) => !s.replace && s.writes?.length && findSheet(state, s.sheet)?.protected).flatMap((s) => runsOf(s.sheet, s.writes!)));
  let look: { sheets: { name: string; id: string; position: number }[]; log: ReturnType<ReturnType<typeof queueLogLook>>; spilled: Set<string>; lockedIn?: string };
  // The cells to write that show part of a dynamic array's result (ExcelApi 1.12): written, they would stop the spill
  // and the formula would show #SPILL!, so they are left as they are (docs/distribution.md).
  const spills = session.supportsSet(SPILL_PARENT.set, SPILL_PARENT.version);
  const targets = spills ? taking.flatMap((f) => f.sheets.filter((s) => !s.replace && s.writes?.length).flatMap((s) => s.writes!.map((w) => ({ sheet: s.sheet, cell: w.cell })))) : [];
  try {
    look = await session.run(async (context) => {
      const list = context.workbook.worksheets.load("items/name,items/id,items/position");
      const log = queueLogLook(context, logSheet, addsSheets(state, logSheet));
      const spilledAt = queueSpilled(context, targets);
      // locked: true, or null for a run partly locked; only false lets the run in.
      const locks = guarded.map((r) => context.workbook.worksheets.getItem(r.sheet).getRangeByIndexes(r.row, r.col, 1, r.cells.length).format.protection.load("locked"));
      await context.sync();
      const answers = spilledAt();
      const spilled = new Set(targets.filter((_, i) => answers[i]).map((c) => `${c.sheet}!${c.cell}`));
      const lockedIn = guarded.find((_, i) => locks[i].locked !== false)?.sheet;
      return { sheets: list.items.map((ws) => ({ name: ws.name, id: ws.id, position: ws.position })), log: log(), spilled, ...(lockedIn ? { lockedIn } : {}) };
    });
  } catch (e) {
    throw toWorkbookError(e);
  }
  if (look.log.structureProtected) throw new WorkbookError("protected-workbook");
  if (look.lockedIn) throw new WorkbookError("protected-sheet", undefined, look.lockedIn);
  let log = logPlace(state, logSheet, look.log);
  let settings: Record<string, string> = { ...state.settings };
  const names = look.sheets.map((s) => s.name);
  const done: FileCollect[] = [];
  const written = { sheetsReplaced: 0, cellsChanged: 0, changed: false };
  const formulaCells: string[] = [];
  const taken = () => ({ ...written, files: done.map((f) => f.file), ...(formulaCells.length ? { formulaCells } : {}) });

  for (const f of taking) {
    const replace = f.sheets
      .filter((s) => s.replace)
      .map((s) => {
        const old = look.sheets.find((x) => x.name === s.sheet)!;
        const temp = freeSheetName(`回収前_${s.sheet}`, names);
        names.push(temp);
        return { s, id: old.id, position: old.position, temp };
      });
    const writes = f.sheets
      .filter((s) => !s.replace && s.writes?.length)
      .map((s) => {
        const kept = s.writes!.filter((w) => !look.spilled.has(`${s.sheet}!${w.cell}`));
        if (kept.length === s.writes!.length) return s;
        const left = s.writes!.filter((w) => !kept.includes(w));
        formulaCells.push(...left.map((w) => `${s.sheet}!${w.cell}`));
        if (f.department) after = withCellsLeft(after, f.department, left.length);
        return { ...s, writes: kept, changedCells: s.changedCells.filter((a) => !look.spilled.has(`${s.sheet}!${a}`)) };
      })
      .filter((s) => (s.writes?.length ?? 0) > 0);
    const entries = [...replace.map((r) => r.s), ...writes].map((s) => collectLogEntry(f, s, lang));
    // This file changed the record of submissions (the same file again, with nothing new, does not).
    const record = after.received.find((s) => s.department === f.department);
    const prior = before?.received.find((s) => s.department === f.department);
    const recorded = !!record && record.file === f.file && JSON.stringify(record) !== JSON.stringify(prior);
    if (entries.length === 0 && !recorded) continue;
    const owned = entries.length ? settingsWithLog({ ...state, settings }, log) : settings;
    const job: FileJob = {
      f,
      base64: replace.length ? toBase64(bytes.get(f.file)!) : "",
      replace,
      writes,
      log,
      rows: logRows(entries, at),
      settings: recorded ? { ...owned, [SUBMISSIONS_KEY]: JSON.stringify(stateSoFar(before, after, [...done, f])) } : owned,
    };
    try {
      await writeFile(session, state, job);
    } catch (e) {
      session.state = undefined;
      // In cell-edit mode Excel refused the whole request: nothing of this file was written.
      const code = officeErrorCode(e);
      const forward = code === "InvalidOperationInCellEditMode" ? false : await putRight(session, state, job);
      if (forward) {
        done.push(f);
        Object.assign(written, tally(written, job));
      }
      const reason = toWorkbookError(e);
      return { ...taken(), interrupted: { file: f.file, ...(code ? { code } : {}), ...(isWorkbookError(reason) ? { reason: reason.code } : {}), confirmed: forward !== undefined } };
    }
    done.push(f);
    Object.assign(written, tally(written, job));
    if (log.created) state.sheets.splice(Math.max(0, state.sheets.findIndex((s) => s.name === SETTINGS_SHEET)), 0, { name: log.sheet, visibility: "visible", protected: false });
    if (!findSheet(state, SETTINGS_SHEET)) state.sheets.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
    settings = job.settings;
    state.settings = settings;
    if (entries.length) log = { sheet: log.sheet, row: log.row + job.rows.length, header: true };
  }
  // Sheets were replaced under the cache: the next call looks again.
  session.state = undefined;
  return taken();
}

/** One file's batch: one sync. */
function writeFile(session: OfficeSession, state: State, job: FileJob): Promise<void> {
  return session.run(async (context) => {
    queueFile(session, context, state, job, { rename: true, insert: true, deleteOld: new Set(job.replace.map((r) => r.temp)), createLog: !!job.log.created });
    await context.sync();
  });
}

function tally(w: { sheetsReplaced: number; cellsChanged: number; changed: boolean }, job: FileJob) {
  const cells = [...job.replace.map((r) => r.s), ...job.writes].reduce((n, s) => n + s.changedCells.length, 0);
  return { sheetsReplaced: w.sheetsReplaced + job.replace.length, cellsChanged: w.cellsChanged + cells, changed: true };
}


interface Steps {
  readonly rename: boolean;
  readonly insert: boolean;
  /** Temporary names of old sheets still to delete. */
  readonly deleteOld: ReadonlySet<string>;
  readonly createLog: boolean;
}

/**
 * One file's batch, in an order any prefix of which can be told from a fresh look: old sheets renamed, the file's
 * sheets inserted, old sheets deleted, new ones moved to the old places (in rising order, so earlier moves do not
 * shift later places), cells of table sheets, 変更履歴, then the settings (owned log, record of submissions).
 */
function queueFile(session: OfficeSession, context: Excel.RequestContext, state: State, job: FileJob, steps: Steps): void {
  const sheets = context.workbook.worksheets;
  if (steps.rename) for (const r of job.replace) sheets.getItem(r.s.sheet).name = r.temp;
  if (steps.insert && job.replace.length) context.workbook.insertWorksheetsFromBase64(job.base64, { sheetNamesToInsert: job.replace.map((r) => r.s.sheet), positionType: "End" });
  for (const r of job.replace) if (steps.deleteOld.has(r.temp)) sheets.getItem(r.temp).delete();
  for (const r of [...job.replace].sort((a, b) => a.position - b.position)) sheets.getItem(r.s.sheet).position = r.position;
  // The inserted sheet is as visible as the department's copy: the master's hidden sheet stays hidden.
  for (const r of job.replace) if (findSheet(state, r.s.sheet)?.visibility === "hidden") sheets.getItem(r.s.sheet).visibility = "Hidden";
  for (const s of job.writes) {
    const ws = sheets.getItem(s.sheet);
    for (const run of runsOf(s.sheet, s.writes ?? [])) ws.getRangeByIndexes(run.row, run.col, 1, run.cells.length).formulas = [run.cells.map((w) => formulaInput(w, state.date1904))];
  }
  // A new 変更履歴 is recorded as owned with the settings, right after its rows.
  if (job.rows.length) queueLogRows(session, sheets, state, { ...job.log, created: steps.createLog, header: job.log.header && !steps.createLog }, job.rows, job.settings);
  if (!job.rows.length || !steps.createLog) session.queueSettings(sheets, findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined, job.settings);
}

/**
 * After a file's batch stopped part way: a fresh look at the sheets (by the old sheets' ids) tells whether the file's
 * sheets went in. Not in: the old sheets get their names back (true nothing of the file is in; returns false). In, or
 * only cells to write: the rest is written again (returns true). Undefined when that could not be done.
 */
async function putRight(session: OfficeSession, state: State, job: FileJob): Promise<boolean | undefined> {
  try {
    return await session.run(async (context) => {
      const list = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      const now = list.items.map((ws) => ({ name: ws.name, id: ws.id }));
      const has = (name: string) => now.some((x) => sameSheetName(x.name, name));
      const oldNamed = (id: string) => now.find((x) => x.id === id)?.name;
      const inserted = job.replace.length === 0 || job.replace.some((r) => has(r.s.sheet) && oldNamed(r.id) !== r.s.sheet);
      if (!inserted) {
        for (const r of job.replace) if (oldNamed(r.id) === r.temp) context.workbook.worksheets.getItem(r.temp).name = r.s.sheet;
        await context.sync();
        return false;
      }
      const logThere = has(job.log.sheet);
      const fresh: State = { ...state, sheets: now.map((x) => ({ name: x.name, visibility: "visible", protected: false })) };
      queueFile(session, context, fresh, job, {
        rename: false,
        insert: false,
        deleteOld: new Set(job.replace.filter((r) => oldNamed(r.id) === r.temp).map((r) => r.temp)),
        createLog: !!job.log.created && !logThere,
      });
      await context.sync();
      return true;
    });
  } catch {
    return undefined;
  }
}
