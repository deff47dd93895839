/**
 * 配布 on files (docs/distribution.md): the master's bytes in, one workbook per department out. Each department's
 * workbook is a new package holding copies of its sheets (importSheet: values, formulas, styles, merges, widths,
 * heights, validations, conditional formats, print setup), with the input aids set unless asked not to, and the
 * hidden marker in its settings. The master is read, never written. What a copy cannot carry (images and drawings,
 * comments, tables) is found with the same copier and named per sheet, so the office is told.
 */
import { markerFor, planSplit, type SharedMode, type SplitPlan, type SplitRefusal } from "../../core/cycle/split";
import { DISTRIBUTION_MARKER_KEY } from "../../core/cycle/types";
import type { Lang } from "../../core/i18n";
import { planInputAids } from "../../core/input-aids/plan";
import type { Profile } from "../../core/profile/types";
import { parseSettings, serializeSettings } from "../../core/settings";
import type { ValidationReport } from "../../core/validate";
import { readSheetEntries, relKind, SharedStrings, workbookPart } from "./book";
import { copySheetXml } from "./copy-sheet";
import { Package } from "./package";
import { StylesAmender } from "./styles-xml";
import { XlsxWorkbook } from "./xlsx-workbook";

export interface SplitBookOptions {
  readonly profiles: readonly Profile[];
  readonly shared?: SharedMode;
  /** Input aids on the departments' sheets (the default); false for none. */
  readonly aids?: false | { readonly lang?: Lang };
  /** The 配布's time, written in each marker. */
  readonly at?: Date;
  readonly masterId?: string;
}

/** What a department's copy of a sheet left out, in kinds: `drawing` (images, shapes, charts), `comments`, `table`, `formula A1`, or another element's name. */
export interface NotCopied {
  readonly sheet: string;
  readonly parts: readonly string[];
}

export interface DepartmentWorkbook {
  readonly department: string;
  readonly sheets: readonly string[];
  readonly bytes: Uint8Array;
}

export type SplitResult =
  | {
      readonly ok: true;
      readonly plan: SplitPlan;
      readonly books: readonly DepartmentWorkbook[];
      readonly notCopied: readonly NotCopied[];
      /** Sheets that got no input aids because they are protected in the master. */
      readonly aidsSkippedProtected: readonly string[];
      /** Sheets that got input aids. */
      readonly aidsSheets: number;
    }
  | SplitRefusal;

/** The kind a copier's dropped element stands for. */
function kindOf(dropped: string): string {
  if (dropped === "drawing" || dropped === "picture" || dropped === "AlternateContent" || dropped === "oleObjects" || dropped === "controls") return "drawing";
  if (dropped === "legacyDrawing" || dropped === "legacyDrawingHF") return "comments";
  if (dropped === "tableParts") return "table";
  return dropped;
}

/** What importSheet leaves out of each sheet, found by running the same copier on the master's parts. */
function notCopiedOf(masterBytes: Uint8Array, sheets: readonly string[]): NotCopied[] {
  const pkg = Package.open(masterBytes);
  const wb = workbookPart(pkg);
  const strings = SharedStrings.of(pkg, wb);
  const stylesRel = pkg.rels(wb).find((r) => relKind(r) === "styles" && !r.external);
  const stylesXml = stylesRel ? pkg.text(stylesRel.target) : undefined;
  const entries = readSheetEntries(pkg, wb);
  const out: NotCopied[] = [];
  for (const sheet of sheets) {
    const e = entries.find((x) => x.name === sheet);
    const xml = e?.part ? pkg.text(e.part) : undefined;
    if (!e?.part || xml === undefined) continue;
    const kinds = new Set(copySheetXml({ xml, sharedString: (i) => strings.get(i), stylesXml }, new StylesAmender(stylesXml)).dropped.map(kindOf));
    for (const r of pkg.rels(e.part)) {
      const k = relKind(r);
      if (k === "comments" || k === "threadedComment") kinds.add("comments");
    }
    if (kinds.size) out.push({ sheet, parts: [...kinds].sort() });
  }
  return out;
}

/** Splits a master already loaded and validated; `master` is not changed. */
export async function splitBook(master: XlsxWorkbook, report: ValidationReport, opts: SplitBookOptions): Promise<SplitResult> {
  const snapshot = await master.readAll();
  const masterBytes = await master.toBytes();
  const plan = planSplit(snapshot, report, opts.profiles, { shared: opts.shared, masterId: opts.masterId });
  if (!plan.ok) return plan;
  const at = opts.at ?? new Date();
  // The aids are set once, on a working copy of the master held in memory; the departments' copies come from it.
  let source = master;
  let aidsSkippedProtected: readonly string[] = [];
  let aidsSheets = 0;
  if (opts.aids !== false) {
    const distributed = new Set(plan.files.flatMap((f) => f.sheets));
    const aidPlan = planInputAids(snapshot, report, opts.profiles, { lang: opts.aids?.lang });
    const aids = aidPlan.aids.filter((a) => distributed.has(a.sheet));
    aidsSkippedProtected = aidPlan.skippedProtected.filter((s) => distributed.has(s));
    aidsSheets = aids.length;
    if (aids.length) {
      source = await XlsxWorkbook.load(masterBytes);
      await source.applyInputAids(aids, at);
    }
  }
  // Settings that change how a sheet is checked (stage, 対象年度, 計画期間, overrides, a profile) travel with it.
  const stored = snapshot.settings ?? {};
  const carried = Object.keys(stored).length ? Object.fromEntries(Object.entries(serializeSettings(parseSettings(stored))).filter(([, v]) => v !== "" && v !== "{}")) : {};
  const books: DepartmentWorkbook[] = [];
  for (const file of plan.files) {
    const book = XlsxWorkbook.create();
    for (const sheet of file.sheets) book.importSheet(source, sheet);
    await book.writeSettings({ ...carried, [DISTRIBUTION_MARKER_KEY]: JSON.stringify(markerFor(plan, file, at)) });
    books.push({ department: file.department, sheets: file.sheets, bytes: await book.toBytes() });
  }
  return { ok: true, plan, books, notCopied: notCopiedOf(masterBytes, plan.files.flatMap((f) => f.sheets).filter((s, i, all) => all.indexOf(s) === i)), aidsSkippedProtected, aidsSheets };
}
