/**
 * readAll of the Office adapter: the sheet list, each sheet's used range and merged-area count, then values, types and
 * number formats in chunks under the response limit, and the merged areas of sheets read band by band.
 */
import { type CellRange } from "../../core/model/address";
import { gridFromCells, MAX_COLS, MAX_ROWS, type SheetGrid, type FilledCell, type WorkbookSnapshot } from "../../core/model/grid";
import { SETTINGS_SHEET } from "../owned";
import { type ReadOptions, WorkbookError } from "../port";
import { jsonBytes, jsonStringLength, parseAddress, queueDateSystem, toCellValue, toVisibility } from "./cells";
import { officeErrorCode, PAYLOAD_TOO_LARGE, toWorkbookError } from "./errors";
import { type Piece, ReadPlanner, type SheetBlock } from "./read-plan";
import { type OfficeSession, parseSettings, sameName, type SheetState } from "./session";

/** A chunk refused with GeneralException is taken to be too large when its response was estimated over this. */
const SUSPECT_RESPONSE_BYTES = 256 * 1024;

/** Excel refuses getMergedAreasOrNullObject over a range holding more than 512 merged areas (Excel reference). */
const MERGE_LIMIT = 512;

/** Response bytes of one merged area beyond its sheet name: `{"address":"…!AB12:AC13"},`. */
const MERGE_ADDRESS_BYTES = 32;

/** What readAll could not give, for the task pane to say. */
export interface OfficeSnapshot extends WorkbookSnapshot {
  readonly limitations?: { readonly mergedAreas: false };
}

/** How the last readAll went: chunks of values, and the bytes the largest one returned. */
export interface ReadStats {
  readonly chunks: number;
  readonly retries: number;
  readonly largestChunkBytes: number;
  readonly mergedAreas: boolean;
  /**
   * Some sheet's merged areas were read band by band: Excel refused to count more than 512, or counted none on a sheet
   * big enough to hold that many (which may mean it would not count them).
   */
  readonly mergesBanded: boolean;
}

interface SheetProbe {
  readonly ws: Excel.Worksheet;
  readonly info: SheetState;
  readonly values: Excel.Range;
  readonly formatted: Excel.Range;
  readonly merged?: Excel.RangeAreas;
}

/** How a sheet's merged areas are read: all at once (their count is known), band by band, or not at all. */
type MergePlan =
  | { readonly kind: "none" }
  | { readonly kind: "counted"; readonly areas: Excel.RangeAreas }
  | { readonly kind: "banded"; readonly bands: readonly Band[] };

interface Band {
  readonly top: number;
  readonly rows: number;
  readonly cols: number;
}

const NO_MERGES: MergePlan = { kind: "none" };

/** Rows 0…rows-1 in bands of at most 1,024 cells: each holds at most 512 merged areas (two cells or more each). */
function mergeBands(rows: number, cols: number): Band[] {
  const step = Math.max(1, Math.floor((2 * MERGE_LIMIT) / cols));
  const out: Band[] = [];
  for (let top = 0; top < rows; top += step) out.push({ top, rows: Math.min(step, rows - top), cols });
  return out;
}

/** An error that may be Excel refusing to count merged areas; the errors every sync can meet are not. */
function mayBeMergeLimit(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code !== undefined && !["InvalidOperationInCellEditMode", "ItemNotFound", "AccessDenied", "ApiNotFound"].includes(code);
}

interface PieceData {
  readonly top: number;
  readonly left: number;
  readonly values: unknown[][];
  readonly types: string[][];
  readonly formats: string[][];
}

interface SheetData {
  readonly pieces: PieceData[];
  merges: CellRange[];
  remaining: number;
}

/** A band that holds merged areas: their addresses are read after the values (see readBandAreas). */
interface FoundBand {
  readonly sheet: number;
  readonly areas: Excel.RangeAreas;
  readonly bytes: number;
}

/** What the chunks of one readAll share. */
interface ReadState {
  readonly probes: readonly SheetProbe[];
  readonly plans: readonly MergePlan[];
  readonly sink: SheetData[];
  readonly planner: ReadPlanner;
  readonly stats: { chunks: number; retries: number; largestChunkBytes: number };
  readonly bands: FoundBand[];
}

export async function readWorkbook(session: OfficeSession, options?: ReadOptions): Promise<OfficeSnapshot> {
  const listed: string[] = [];
  try {
    return await session.retrying(() => {
      listed.length = 0;
      return session.run((context) => readAllIn(session, context, options, listed));
    });
  } catch (e) {
    if (officeErrorCode(e) !== "ItemNotFound" || listed.length === 0) throw toWorkbookError(e);
    // A sheet went away between two syncs: name it, so the user knows what to restore (or just re-runs).
    session.state = undefined;
    const missing = await session.missingSheets(listed).catch(() => []);
    throw toWorkbookError(e, missing[0]);
  }
}

async function readAllIn(session: OfficeSession, context: Excel.RequestContext, options: ReadOptions | undefined, listed: string[]): Promise<OfficeSnapshot> {
  const mergedAreas = session.requirements.supports("mergedAreas");
  const cancelled = () => {
    if (options?.isCancelled?.()) throw new WorkbookError("cancelled");
  };
  // Sync 1: the worksheets in tab order. Chart sheets are not worksheets in Office.js, so there is nothing to skip.
  const list = context.workbook.worksheets;
  list.load("items/name,items/visibility,items/protection/protected");
  const structure = context.workbook.protection.load("protected");
  const styles = session.loadStyles(context);
  const dateSystem = queueDateSystem(context);
  await context.sync();
  session.noteNormalFont(styles);
  const date1904 = dateSystem();
  const all = list.items.map((ws) => ({
    ws,
    info: { name: ws.name, visibility: toVisibility(ws.visibility), protected: ws.protection.protected },
  }));
  listed.push(...all.map((s) => s.info.name));
  const settingsWs = all.find((s) => sameName(s.info.name, SETTINGS_SHEET))?.ws;
  const data = all.filter((s) => !sameName(s.info.name, SETTINGS_SHEET));
  if (data.length === 0) throw new WorkbookError("no-worksheets");
  cancelled();

  // Sync 2: each sheet's used range (by values, and with formatting for `trimmed`), the number of merged areas in
  // its bounded region, and the settings.
  const probe = (countMerges: boolean): SheetProbe[] =>
    data.map(({ ws, info }) => {
      const values = ws.getUsedRangeOrNullObject(true);
      values.load("rowIndex,columnIndex,rowCount,columnCount");
      const formatted = ws.getUsedRangeOrNullObject(false);
      formatted.load("rowIndex,columnIndex,rowCount,columnCount");
      const merged = countMerges ? ws.getRangeByIndexes(0, 0, MAX_ROWS, MAX_COLS).getMergedAreasOrNullObject() : undefined;
      merged?.load("areaCount");
      return { ws, info, values, formatted, merged };
    });
  const readSettings = () => {
    const range = settingsWs?.getUsedRangeOrNullObject(true);
    range?.load("values,valueTypes");
    return range;
  };
  let probes = probe(mergedAreas);
  let settingsRange = readSettings();
  let banded = false;
  try {
    await context.sync();
  } catch (e) {
    // A sheet with more than 512 merged areas makes Excel refuse the count: look again without counting, and
    // read merged areas band by band (one more sync, only for such workbooks).
    if (!mergedAreas || !mayBeMergeLimit(e)) throw e;
    banded = true;
    probes = probe(false);
    settingsRange = readSettings();
    await context.sync();
  }
  const settings = settingsRange && !settingsRange.isNullObject ? parseSettings(settingsRange.values, settingsRange.valueTypes) : {};
  session.state = { sheets: all.map((s) => s.info), settings, structureProtected: structure.protected, date1904 };

  const blocks: SheetBlock[] = [];
  let bandedAny = false;
  const declared: { rows: number; cols: number }[] = [];
  const plans: MergePlan[] = [];
  probes.forEach((p, i) => {
    const extent = (r: Excel.Range) => (r.isNullObject ? { rows: 0, cols: 0 } : { rows: r.rowIndex + r.rowCount, cols: r.columnIndex + r.columnCount });
    const v = extent(p.values);
    const f = extent(p.formatted);
    declared.push({ rows: Math.max(v.rows, f.rows), cols: Math.max(v.cols, f.cols) });
    const perArea = jsonStringLength(p.info.name) + 3 + MERGE_ADDRESS_BYTES;
    let plan = NO_MERGES;
    let mergeBytes = 0;
    // A null count means no merged areas, or (the reference leaves it open) more than 512 that Excel would not
    // count: on a sheet big enough to hold that many, it is unknown, and the sheet is read band by band.
    const unknown = p.merged?.isNullObject === true && Math.min(f.rows, MAX_ROWS) * Math.min(f.cols, MAX_COLS) > 2 * MERGE_LIMIT;
    if (p.merged && !p.merged.isNullObject) {
      plan = { kind: "counted", areas: p.merged };
      mergeBytes = p.merged.areaCount * perArea;
    } else if ((banded || unknown) && f.rows > 0) {
      bandedAny = true;
      const bands = mergeBands(Math.min(f.rows, MAX_ROWS), Math.min(f.cols, MAX_COLS));
      plan = { kind: "banded", bands };
      mergeBytes = bands.reduce((n, b) => n + Math.min(MERGE_LIMIT, Math.floor((b.rows * b.cols) / 2)), 0) * perArea;
    }
    plans.push(plan);
    const top = p.values.isNullObject ? 0 : p.values.rowIndex;
    const left = p.values.isNullObject ? 0 : p.values.columnIndex;
    // Values beyond MAX_ROWS × MAX_COLS (absolute, as read.ts caps them) are never read.
    const rows = Math.max(0, Math.min(v.rows, MAX_ROWS) - top);
    const cols = Math.max(0, Math.min(v.cols, MAX_COLS) - left);
    const merges = plan.kind !== "none";
    if ((rows > 0 && cols > 0) || merges) blocks.push({ sheet: i, top, left, rows: cols > 0 ? rows : 0, cols, merges, mergeBytes });
  });

  // Sync 3…: values, value types and number formats, in chunks that each stay under the response limit. One
  // sync per chunk, however many sheets the chunk holds.
  const sink: SheetData[] = probes.map(() => ({ pieces: [], merges: [], remaining: 0 }));
  const planner = new ReadPlanner(blocks, session.responseBudget);
  const stats = { chunks: 0, retries: 0, largestChunkBytes: 0 };
  const read: ReadState = { probes, plans, sink, planner, stats, bands: [] };
  for (const b of blocks) sink[b.sheet].remaining++;
  for (let chunk = planner.next(); chunk; chunk = planner.next()) {
    cancelled();
    await readChunk(session, context, chunk, read);
    options?.onProgress?.({ done: sink.filter((s) => s.remaining === 0).length, total: probes.length });
  }
  cancelled();
  await readBandAreas(session, context, read.bands, read);
  session.lastRead = { ...stats, mergedAreas, mergesBanded: bandedAny };
  const sheets = probes.map((p, i) => buildGrid(p.info, sink[i], declared[i], date1904));
  return {
    sheets,
    skippedSheets: [],
    settings: Object.keys(settings).length ? settings : undefined,
    ...(mergedAreas ? {} : { limitations: { mergedAreas: false as const } }),
  };
}

/** One chunk, one sync. A chunk Excel refuses as too large goes back to the planner, to be cut smaller. */
async function readChunk(session: OfficeSession, context: Excel.RequestContext, chunk: readonly Piece[], read: ReadState): Promise<void> {
  const loads = chunk.map((piece) => {
    const ws = read.probes[piece.block.sheet].ws;
    const range = piece.rows > 0 ? ws.getRangeByIndexes(piece.top, piece.block.left, piece.rows, piece.block.cols) : undefined;
    range?.load("values,valueTypes,numberFormat");
    const plan = piece.merges ? read.plans[piece.block.sheet] : NO_MERGES;
    const counted = plan.kind === "counted" ? plan.areas.areas : undefined;
    counted?.load("items/address");
    // A band's count only: RangeAreas.address gives each merged area's top-left cell alone (office-js#1590), or a
    // cut string, and the areas of a band that holds none cannot be loaded. Their addresses come afterwards.
    const bands = (plan.kind === "banded" ? plan.bands : []).map((b) => {
      const areas = ws.getRangeByIndexes(b.top, 0, b.rows, b.cols).getMergedAreasOrNullObject();
      areas.load("areaCount");
      return areas;
    });
    return { piece, range, counted, bands };
  });
  try {
    await context.sync();
  } catch (e) {
    // Older Excel on the web says only GeneralException for a response over its limit: a large chunk is taken to
    // be refused for its size.
    const code = officeErrorCode(e);
    const estimate = chunk.reduce((n, p) => n + read.planner.estimate(p), 0);
    const tooLarge = code === PAYLOAD_TOO_LARGE || (code === "GeneralException" && estimate > SUSPECT_RESPONSE_BYTES);
    // Read again in smaller chunks; the rest of this read, and later reads, keep the smaller budget.
    if (!tooLarge || !read.planner.putBack(chunk)) throw e;
    read.stats.retries++;
    session.responseBudget = Math.min(session.responseBudget, read.planner.budget);
    return;
  }
  read.stats.chunks++;
  let cells = 0;
  let bytes = 0;
  let mergeBytes = 0;
  for (const { piece, range, counted, bands } of loads) {
    const out = read.sink[piece.block.sheet];
    if (range) {
      const data = { top: piece.top, left: piece.block.left, values: range.values, types: range.valueTypes as string[][], formats: range.numberFormat };
      out.pieces.push(data);
      cells += piece.rows * piece.block.cols;
      bytes += jsonBytes(data.values) + jsonBytes(data.types) + jsonBytes(data.formats);
    }
    if (piece.merges) {
      const addresses = counted ? counted.items.map((a) => a.address) : [];
      const perArea = jsonStringLength(read.probes[piece.block.sheet].info.name) + 3 + MERGE_ADDRESS_BYTES;
      for (const areas of bands) if (!areas.isNullObject) read.bands.push({ sheet: piece.block.sheet, areas, bytes: areas.areaCount * perArea });
      out.merges.push(...addresses.map(parseAddress).filter((m): m is CellRange => m !== null));
      mergeBytes += addresses.reduce((n, a) => n + jsonStringLength(a) + 16, 0);
    }
    if (piece.top + piece.rows >= piece.block.top + piece.block.rows) out.remaining--;
  }
  read.planner.observe(cells, bytes);
  read.stats.largestChunkBytes = Math.max(read.stats.largestChunkBytes, bytes + mergeBytes);
}

/**
 * The merged areas of the bands that hold some, through `areas.items` as the counted path reads them: one sync per
 * response budget's worth (one for any workbook but a huge one), halved when Excel refuses it as too large.
 */
async function readBandAreas(session: OfficeSession, context: Excel.RequestContext, bands: readonly FoundBand[], read: ReadState): Promise<void> {
  for (let i = 0; i < bands.length; ) {
    const batch: FoundBand[] = [];
    let bytes = 0;
    while (i < bands.length && (batch.length === 0 || bytes + bands[i].bytes <= session.responseBudget)) {
      bytes += bands[i].bytes;
      batch.push(bands[i++]);
    }
    await readBandBatch(session, context, batch, read);
  }
}

async function readBandBatch(session: OfficeSession, context: Excel.RequestContext, batch: readonly FoundBand[], read: ReadState): Promise<void> {
  for (const b of batch) b.areas.areas.load("items/address");
  try {
    await context.sync();
  } catch (e) {
    if (officeErrorCode(e) !== PAYLOAD_TOO_LARGE || batch.length < 2) throw e;
    read.stats.retries++;
    const mid = Math.ceil(batch.length / 2);
    await readBandBatch(session, context, batch.slice(0, mid), read);
    await readBandBatch(session, context, batch.slice(mid), read);
    return;
  }
  let bytes = 0;
  for (const b of batch) {
    const addresses = b.areas.areas.items.map((a) => a.address);
    read.sink[b.sheet].merges.push(...addresses.map(parseAddress).filter((m): m is CellRange => m !== null));
    bytes += addresses.reduce((n, a) => n + jsonStringLength(a) + 16, 0);
  }
  read.stats.largestChunkBytes = Math.max(read.stats.largestChunkBytes, bytes);
}

/** One sheet's grid from its pieces: trimmed to the cells holding values, like read.ts. */
function buildGrid(info: SheetState, data: SheetData, declared: { rows: number; cols: number }, date1904: boolean): SheetGrid {
  // Merge continuation cells read as empty, whatever the file kept under them.
  const hidden = new Set<number>();
  for (const m of data.merges) {
    for (let r = m.top; r <= Math.min(m.bottom, MAX_ROWS - 1); r++) {
      for (let c = m.left; c <= Math.min(m.right, MAX_COLS - 1); c++) if (r !== m.top || c !== m.left) hidden.add(r * MAX_COLS + c);
    }
  }
  const cells: FilledCell[] = [];
  for (const p of data.pieces) {
    p.values.forEach((row, i) => {
      const r = p.top + i;
      row.forEach((raw, j) => {
        const c = p.left + j;
        if (hidden.has(r * MAX_COLS + c)) return;
        const format = p.formats[i][j];
        const v = toCellValue(raw, p.types[i][j], format, date1904);
        if (v === null || v === "") return;
        cells.push({ r, c, v, fmt: typeof v === "number" && format && format !== "General" ? format : undefined });
      });
    });
  }
  return gridFromCells(info, cells, data.merges, declared);
}
