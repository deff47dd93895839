/** writeOwnedSheets of the Office adapter: the add-in's own sheets added or rewritten in place, with a progress mark. */
import { type SheetSpec } from "../../core/sheet-spec";
import { OWNED_KEY, type OwnedPlan, ownedValue, parseOwned, planOwned, SETTINGS_SHEET, sheetNameKey } from "../owned";
import {
  isWorkbookError,
  type OmittedFeature,
  OwnedSheetsInterrupted,
  type OwnedSheetsProgress,
  WorkbookError,
  type WriteSheetResult,
  type WriteSheetsOptions,
} from "../port";
import { freeTableName } from "../table-names";
import { officeErrorCode, toWorkbookError } from "./errors";
import {
  layoutBytes,
  digitPixels,
  hasCosmetics,
  prepareSpec,
  queueClearSheet,
  queueCosmetics,
  queueLayout,
  queueObjects,
  queueValueBlock,
  type RenderOptions,
  type TableNamer,
  type ValueBlock,
  valueBlocks,
} from "./render";
import { findSheet, type OfficeSession, ownership, sameName, type State } from "./session";

/**
 * The progress mark of writeOwnedSheets, beside the settings (which are A:B): D1 is 0 after (b), 2k+1 once the k-th
 * sheet is started, 2k+2 once it is finished; D2 the id of the write it belongs to.
 */
const PROGRESS_CELLS = "D1:D2";

/**
 * Every spec in a constant number of syncs, whatever the number of sheets, in an order that never leaves a sheet
 * half-written without saying so (Excel's batches are not transactions: when an action fails, the ones before it
 * stay done):
 * - (a) the sheet list and the settings (ownership): 0 syncs when cached, else 1 (2 when `_chosahyo` is not last);
 * - (b) prepare: the sheets to rewrite are referenced (a stale cache fails here, before any change), the tables and
 *   defined names of the workbook and the tables and charts of the sheets to rewrite are loaded; the new sheets are
 *   added, empty, at their places, recorded as owned in `_chosahyo`, and the progress mark there is reset. A user
 *   sees only new empty sheets, and a failure deletes them again.
 * - (c) content, one request per 4 MB: the new sheets first, complete, then each sheet generated before, rewritten in
 *   place: its tables and charts deleted, its cells cleared, then its values, styles, merges, widths, lists, tables
 *   and charts. The progress mark (`_chosahyo`!D1) says which sheet was started and which finished, so a failure
 *   is told exactly: the finished sheets are as they should be, one rewritten sheet at most is half-written, a new
 *   sheet left unfinished is deleted, every other sheet is as it was (OwnedSheetsInterrupted).
 * - (d) cosmetics: frozen panes, tab colours and print setup, in a batch of their own (when a spec has any). Their
 *   failure loses no content; the results then say "cosmetic" was left out.
 * Without tables and without a sheet to rewrite, (b) has nothing to read and goes with the first request of (c).
 *
 * Why in place: deleting a sheet and adding its successor turns every formula, name and chart that refers to it
 * into #REF! (a user's =評価集計!B5). Why not build a copy and copy it over: Range.copyFrom needs ExcelApi 1.9 and
 * carries neither tables, charts, widths nor frozen panes, so the swap would still be many actions that can fail
 * half-way. Instead all the content is prepared before the first destructive action, the new sheets are finished
 * before an existing one is touched, and each rewritten sheet is cleared and written in consecutive actions of one
 * request (when it fits in one), with the mark telling how far it got.
 *
 * The sample's summary sheets (~2,600 cells) take 3 syncs after readAll and 4 on a fresh instance; each further
 * 4 MB of values costs one more. A plain new sheet takes 1, rewriting it 2 (its old tables and charts are looked up).
 */
export async function writeOwnedSheets(session: OfficeSession, specs: readonly SheetSpec[], options: WriteSheetsOptions = {}): Promise<WriteSheetResult[]> {
  if (specs.length === 0) return [];
  try {
    return await session.retrying(() => session.withState((state) => writeAll(session, specs, state, options)));
  } catch (e) {
    const out = toWorkbookError(e, specs.length === 1 ? specs[0].name : undefined);
    // ブックの保護 set since the cache was filled: Excel refused the new sheet, and nothing changed.
    if (officeErrorCode(e) === "AccessDenied" && (await session.structureProtectedNow())) throw new WorkbookError("protected-workbook");
    throw out;
  }
}

async function writeAll(session: OfficeSession, specs: readonly SheetSpec[], state: State, options: WriteSheetsOptions): Promise<WriteSheetResult[]> {
  const plan = planOwned(
    specs.map((s) => s.name),
    ownership(state),
    state.sheets.map((s) => s.name),
  );
  if (state.structureProtected && (plan.targets.some((t) => !t.previous) || !findSheet(state, SETTINGS_SHEET))) throw new WorkbookError("protected-workbook");
  for (const t of plan.targets) {
    if (t.previous && findSheet(state, t.previous.sheet)?.protected) throw new WorkbookError("protected-sheet", undefined, t.previous.sheet);
  }
  const render: RenderOptions = { validations: session.requirements.supports("dataValidation"), print: session.requirements.supports("printSetup") };
  const jobs: SheetJob[] = specs.map((spec, i) => {
    const prepared = prepareSpec({ ...spec, name: plan.targets[i].name }, render);
    return { ...prepared, blocks: valueBlocks(prepared.spec, session.requestBudget), rewrite: !!plan.targets[i].previous };
  });
  // New sheets first: they are complete before a sheet that exists is touched.
  const order = [...jobs.keys()].sort((a, b) => Number(jobs[a].rewrite) - Number(jobs[b].rewrite));
  const settings = { ...state.settings, [OWNED_KEY]: ownedValue(plan.owned) };
  const track: WriteTrack = { prepared: false, done: 0, mark: 0, runId: 1 + Math.floor(Math.random() * 1e9) };
  let cosmeticsFailed = false;
  try {
    await session.run(async (context) => {
      const prepared = prepareSheets(session, context, state, plan, settings, jobs, track.runId);
      // With nothing to read first, (b) goes with the first request of (c).
      if (prepared.loads) {
        await context.sync();
        track.prepared = true;
      }
      noteSheets(state, plan, settings);
      for (const steps of packSteps(order, jobs, session.requestBudget)) {
        await sendSteps(session, context, steps, { jobs, order, prepared, render }, track);
        options.onProgress?.(track.done, jobs.length);
      }
      if (!jobs.some((j) => hasCosmetics(j.spec, render))) return;
      jobs.forEach((j, i) => queueCosmetics(prepared.sheets[i], j.spec, render, j.rewrite));
      try {
        await context.sync();
      } catch {
        // The content is complete; only panes, tab colours and print setup are missing, and the results say so.
        cosmeticsFailed = true;
      }
    });
  } catch (e) {
    throw await interrupted(session, e, { state, plan, order, jobs, settings, track });
  }
  return plan.targets.map((t, i) => {
    const omitted = [...jobs[i].omitted, ...(cosmeticsFailed ? ["cosmetic" as const] : [])];
    return {
      name: t.name,
      ...(t.name !== t.base ? { requestedName: t.base } : {}),
      replaced: !!t.previous,
      ...(omitted.length ? { omitted } : {}),
    };
  });
}

/**
 * Queues (b). Loads come first, so a stale cache (a sheet renamed or deleted since) fails the batch before any
 * change. The new sheets are added, placed before `_chosahyo`, and only then recorded as owned: ownership never
 * names a sheet that is not there (a user's later sheet of that name would be taken for the add-in's). Last, the
 * progress mark is reset under this write's id: a mark under another id is not this write's.
 */
function prepareSheets(
  session: OfficeSession,
  context: Excel.RequestContext,
  state: State,
  plan: OwnedPlan,
  settings: Record<string, string>,
  jobs: readonly SheetJob[],
  runId: number,
): PreparedSheets {
  const sheets = context.workbook.worksheets;
  const kept = plan.targets.map((t) => (t.previous ? sheets.getItem(t.previous.sheet) : undefined));
  for (const ws of kept) ws?.load("name");
  const existingSettings = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
  existingSettings?.load("name");
  const withTables = jobs.some((j) => j.spec.tables?.length);
  const tables = withTables ? context.workbook.tables.load("items/name") : undefined;
  const names = withTables ? context.workbook.names.load("items/name") : undefined;
  const oldTables = kept.map((ws) => ws?.tables.load("items/name"));
  const oldCharts = kept.map((ws) => ws?.charts.load("items/name"));
  const loads = withTables || kept.some((ws) => ws);
  const order = sheetOrder(state, plan);
  const added = plan.targets.map((t) => (t.previous ? undefined : sheets.add(t.name)));
  plan.targets
    .map((t, i) => ({ i, at: order.findIndex((n) => sameName(n, t.name)) }))
    .filter(({ i }) => added[i])
    .sort((x, y) => x.at - y.at)
    .forEach(({ i, at }) => (added[i]!.position = at));
  const settingsWs = session.queueSettings(sheets, existingSettings, settings);
  settingsWs.getRange(PROGRESS_CELLS).values = [[0], [runId]];
  // What the loads gave, once they are synced: the table names taken, and each rewritten sheet's own.
  let known: { taken: Set<string>; own: Set<string>[] } | undefined;
  const loaded = () =>
    (known ??= {
      taken: new Set([...(tables?.items ?? []).map((t) => t.name), ...(names?.items ?? []).map((n) => n.name)].map((n) => n.toLowerCase())),
      own: oldTables.map((list) => new Set((list?.items ?? []).map((t) => t.name.toLowerCase()))),
    });
  return {
    loads,
    digitPx: () => session.digitPx ?? digitPixels(undefined),
    sheets: plan.targets.map((_, i) => (kept[i] ?? added[i])!),
    oldTables: (job) => oldTables[job]?.items ?? [],
    oldCharts: (job) => oldCharts[job]?.items ?? [],
    settingsWs,
    // A rewritten sheet may take back the names of its own old tables (they are deleted before its new ones are
    // added); every other name in the workbook is taken.
    nameTable: (job) => (wanted) => {
      const { taken, own } = loaded();
      const free = freeTableName(wanted, [...taken].filter((n) => !own[job].has(n)));
      taken.add(free.toLowerCase());
      own[job].delete(free.toLowerCase());
      return free;
    },
  };
}

/**
 * One request of (c): for each step, a rewritten sheet's clearing (marked as started first), a block of values,
 * and with a sheet's last block its layout, tables and charts (marked as finished after them). One sync.
 */
async function sendSteps(session: OfficeSession, context: Excel.RequestContext, steps: readonly ContentStep[], w: StepContext, track: WriteTrack): Promise<void> {
  session.lastRequestBytes = steps.reduce((n, step) => n + stepBytes(w.jobs[step.job], step), 0);
  let marked = track.mark;
  const mark = (v: number) => {
    w.prepared.settingsWs.getRange(PROGRESS_CELLS).getCell(0, 0).values = [[v]];
    marked = v;
  };
  let finished = 0;
  for (const step of steps) {
    const job = w.jobs[step.job];
    const ws = w.prepared.sheets[step.job];
    const at = w.order.indexOf(step.job);
    if (step.first && job.rewrite) {
      mark(2 * at + 1);
      queueClearSheet(ws, w.prepared.oldTables(step.job), w.prepared.oldCharts(step.job), w.render);
    }
    const block = job.blocks[step.block];
    if (block) queueValueBlock(ws, block);
    if (step.last) {
      queueLayout(ws, job.spec, { ...w.render, digitPx: w.prepared.digitPx() }, false);
      queueObjects(ws, job.spec, w.prepared.nameTable(step.job));
      mark(2 * at + 2);
      finished++;
    }
  }
  await context.sync();
  track.prepared = true;
  track.done += finished;
  track.mark = marked;
}

/**
 * What a failed write left, told exactly. One more look reads the progress mark (when it carries this write's id,
 * (b) ran to its end), and the new sheets left unfinished are deleted again with their ownership. The error names
 * the finished sheets and the one half-written; every other sheet is as it was. When the write changed nothing, the
 * error stands as it is, and a stale cache is cured by a fresh look.
 */
async function interrupted(session: OfficeSession, e: unknown, w: FailedWrite): Promise<unknown> {
  session.state = undefined;
  const reason = toWorkbookError(e);
  const worded = isWorkbookError(reason) ? reason : undefined;
  const detail = officeErrorCode(e) ?? (e instanceof Error ? e.message : String(e));
  const names = w.order.map((i) => w.plan.targets[i].name);
  const isNew = w.order.map((i) => !w.jobs[i].rewrite);
  const { track } = w;
  // The mark: 2k+1 once the k-th sheet (in `order`) is started, 2k+2 once it is finished.
  const progressAt = (mark: number, unfinished: readonly string[]): OwnedSheetsProgress => {
    const done = Math.floor(mark / 2);
    const half = mark % 2 === 1 && !unfinished.includes(names[done]) ? [names[done]] : [];
    return { written: names.slice(0, done), partial: [...half, ...unfinished], unconfirmed: false };
  };
  // Excel refuses every request in cell-edit mode, whole: nothing of the failed one ran, and no look can run either.
  if (officeErrorCode(e) === "InvalidOperationInCellEditMode") {
    if (!track.prepared) return reason;
    const unfinished = names.filter((_, k) => isNew[k] && k >= Math.floor(track.mark / 2));
    return new OwnedSheetsInterrupted(progressAt(track.mark, unfinished), worded, detail);
  }
  let look: { mark: number; ours: string[]; prepared: boolean };
  try {
    look = await session.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const found = names.map((n) => sheets.getItemOrNullObject(n));
      const settingsWs = sheets.getItemOrNullObject(SETTINGS_SHEET);
      await context.sync();
      const cells = settingsWs.isNullObject ? undefined : settingsWs.getRange(PROGRESS_CELLS);
      cells?.load("values");
      const used = found.map((ws, k) => (isNew[k] && !ws.isNullObject ? ws.getUsedRangeOrNullObject() : undefined));
      for (const u of used) u?.load("address");
      await context.sync();
      const prepared = track.prepared || cells?.values[1][0] === track.runId;
      const read = prepared && typeof cells?.values[0][0] === "number" ? cells.values[0][0] : 0;
      const mark = Math.max(track.mark, read);
      // Before (b) ended, a new sheet that is there now was added by this write (its name was free a moment ago)
      // only if it is empty; after, every one of them was.
      const ours = names.filter((_, k) => isNew[k] && k >= Math.floor(mark / 2) && !found[k].isNullObject && (prepared || used[k]!.isNullObject));
      return { mark, ours, prepared };
    });
  } catch {
    // Not even a look: name every sheet the failed request may have changed.
    const done = Math.floor(track.mark / 2);
    const maybe = names.filter((_, k) => (track.prepared ? k >= done : isNew[k]));
    return new OwnedSheetsInterrupted({ written: names.slice(0, done), partial: maybe, unconfirmed: true }, worded, detail);
  }
  const left = look.ours.length ? await removeSheets(session, look.ours, w.settings).then(() => [], () => look.ours) : [];
  const progress = progressAt(look.mark, left);
  if (!look.prepared && progress.partial.length === 0 && worded) return await session.staleOrMissing(e, []);
  return new OwnedSheetsInterrupted(progress, worded, detail);
}

/** Deletes sheets this write added and could not finish, and takes them out of the ownership written with them. */
async function removeSheets(session: OfficeSession, gone: readonly string[], settings: Record<string, string>): Promise<void> {
  await session.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const found = gone.map((n) => sheets.getItemOrNullObject(n));
    const settingsWs = sheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    for (const ws of found) if (!ws.isNullObject) ws.delete();
    const owned = parseOwned(settings, () => true).filter((o) => !gone.some((n) => sameName(n, o.sheet)));
    if (!settingsWs.isNullObject) session.queueSettings(sheets, settingsWs, { ...settings, [OWNED_KEY]: ownedValue(owned) });
    await context.sync();
  });
}

/** The cache after (b): the new sheets in their places, `_chosahyo` (created last when missing), the settings. */
function noteSheets(state: State, plan: OwnedPlan, settings: Record<string, string>): void {
  const known = new Map(state.sheets.map((s) => [sheetNameKey(s.name), s]));
  const list = sheetOrder(state, plan).map((name) => known.get(sheetNameKey(name)) ?? { name, visibility: "visible" as const, protected: false });
  if (!findSheet(state, SETTINGS_SHEET)) list.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
  state.sheets.splice(0, state.sheets.length, ...list);
  state.settings = settings;
}

/**
 * The sheet names in tab order after a write: each replaced sheet's slot taken by its successor (same name, fresh
 * state), the new ones before `_chosahyo` (or last), in the order of the plan.
 */
function sheetOrder(state: State, plan: OwnedPlan): string[] {
  const order = state.sheets.map((s) => s.name);
  const fresh: string[] = [];
  for (const t of plan.targets) {
    if (t.previous) {
      const at = order.findIndex((n) => sameName(n, t.previous!.sheet));
      if (at >= 0) order[at] = t.name;
    } else fresh.push(t.name);
  }
  const settingsAt = order.findIndex((n) => sameName(n, SETTINGS_SHEET));
  order.splice(settingsAt >= 0 ? settingsAt : order.length, 0, ...fresh);
  return order;
}

/** One sheet to write: the spec as rendered, what the host cannot draw of it, its cell values in blocks. */
interface SheetJob {
  readonly spec: SheetSpec;
  readonly omitted: readonly OmittedFeature[];
  readonly blocks: readonly ValueBlock[];
  /** An owned sheet generated before, rewritten in place (else a new sheet). */
  readonly rewrite: boolean;
}

/** What (b) leaves for (c) and (d). */
interface PreparedSheets {
  /** (b) reads something that (c) needs: it is a request of its own. */
  readonly loads: boolean;
  /** The worksheet of each target, in the order of the plan. */
  readonly sheets: readonly Excel.Worksheet[];
  readonly oldTables: (job: number) => readonly Excel.Table[];
  readonly oldCharts: (job: number) => readonly Excel.Chart[];
  readonly settingsWs: Excel.Worksheet;
  readonly nameTable: (job: number) => TableNamer;
  /** The widest digit of the workbook's Normal font (an unknown font counts as Japanese). */
  readonly digitPx: () => number;
}

/** One step of (c): a block of one sheet's values; its first step clears a rewritten sheet, its last adds the rest. */
interface ContentStep {
  readonly job: number;
  readonly block: number;
  readonly first: boolean;
  readonly last: boolean;
}

interface StepContext {
  readonly jobs: readonly SheetJob[];
  readonly order: readonly number[];
  readonly prepared: PreparedSheets;
  readonly render: RenderOptions;
}

/** How far a write got, as of its last sync that went through. */
interface WriteTrack {
  /** (b) went through. */
  prepared: boolean;
  /** Sheets finished. */
  done: number;
  /** The progress mark as written by the last sync that went through. */
  mark: number;
  /** This write's id, beside the mark. */
  readonly runId: number;
}

interface FailedWrite {
  readonly state: State;
  readonly plan: OwnedPlan;
  readonly order: readonly number[];
  readonly jobs: readonly SheetJob[];
  readonly settings: Record<string, string>;
  readonly track: WriteTrack;
}

/** Bytes of clearing a sheet: a handful of actions without payload. */
const CLEAR_BYTES = 8 * 150;

/**
 * The steps of (c) into requests of at most `budget` bytes, sheet after sheet in `order`: a sheet's layout, tables
 * and charts count with its last block, its clearing with its first. Always at least one request.
 */
function packSteps(order: readonly number[], jobs: readonly SheetJob[], budget: number): ContentStep[][] {
  const batches: ContentStep[][] = [[]];
  let used = 0;
  for (const job of order) {
    const n = Math.max(1, jobs[job].blocks.length);
    for (let block = 0; block < n; block++) {
      const step = { job, block, first: block === 0, last: block === n - 1 };
      const bytes = stepBytes(jobs[job], step);
      if (used > 0 && used + bytes > budget) {
        batches.push([]);
        used = 0;
      }
      batches[batches.length - 1].push(step);
      used += bytes;
    }
  }
  return batches;
}

/** Request bytes of a step, estimated high: its block of values, the sheet's clearing with its first, layout with its last. */
function stepBytes(job: SheetJob, step: ContentStep): number {
  return (job.blocks[step.block]?.bytes ?? 0) + (step.last ? layoutBytes(job.spec) : 0) + (step.first && job.rewrite ? CLEAR_BYTES : 0);
}
