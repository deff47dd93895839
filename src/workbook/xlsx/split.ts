/**
 * 配布 on files (docs/distribution.md): the master's bytes in, one workbook per department out. Each department's
 * workbook is a new package holding copies of its sheets (importSheet: values, formulas, styles, merges, widths,
 * heights, validations, conditional formats, print setup), with the input aids set unless asked not to, and the
 * hidden marker in its settings. A sheet's drawing (pictures, shapes, charts) and its comments (notes) are carried
 * over with the parts they use. A sheet split by rows is copied whole, then loses the rows the department does not
 * get (delete-rows.ts). The master is read, never written. What the copies still leave out (tables, threaded
 * comments' threads, controls) or hold differently (references to sheets and names the department does not get) is
 * named per sheet, so the office is told, and listed in the marker, so that 回収 leaves it to the master.
 */
import { compactParts } from "../../core/cycle/not-copied";
import { markerFor, planSplit, type SharedMode, type SplitPlan, type SplitRefusal } from "../../core/cycle/split";
import type { RowRange } from "../../core/cycle/rows";
import { DISTRIBUTION_MARKER_KEY } from "../../core/cycle/types";
import type { WorkbookSnapshot } from "../../core/model/grid";
import type { Lang } from "../../core/i18n";
import { planInputAids } from "../../core/input-aids/plan";
import type { Profile } from "../../core/profile/types";
import { parseSettings, serializeSettings } from "../../core/settings";
import type { ValidationReport } from "../../core/validate";
import { readSheetEntries, relKind, workbookPart } from "./book";
import { childrenOf, nextTag, type Tag } from "./copy-sheet";
import { deleteSheetRows } from "./delete-rows";
import { assertWellFormedChanges, insertBeforeClose, Package, relativeTarget, relsPathOf } from "./package";
import { WorkbookError } from "../port";
import { elementPrefix } from "./xml";
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

/**
 * What a department's copy of a sheet left out, in kinds: `table`, `threads` (threaded comments: their notes are
 * kept), `controls` (form controls, embedded objects), or another element's name; and by cells, where the copy
 * could not follow a reference to a sheet or name the department does not get: `formula A1` (kept as its value),
 * `list A1:A9` (a list validation given its source's values), `validation A1:A9` and `conditionalFormatting A1:A9`
 * (left out).
 */
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
  if (dropped === "AlternateContent" || dropped === "oleObjects" || dropped === "controls") return "controls";
  if (dropped === "legacyDrawing") return "comments";
  if (dropped === "tableParts") return "table";
  return dropped;
}

/** What a sheet's relationships say the copies lack beyond what the copier names: its notes, and threads of threaded comments. */
function relKindsOf(masterBytes: Uint8Array, sheets: readonly string[]): Map<string, Set<string>> {
  const pkg = Package.open(masterBytes);
  const entries = readSheetEntries(pkg, workbookPart(pkg));
  const out = new Map<string, Set<string>>();
  for (const sheet of sheets) {
    const part = entries.find((x) => x.name === sheet)?.part;
    if (!part) continue;
    const kinds = new Set<string>();
    for (const r of pkg.rels(part)) {
      const k = relKind(r);
      if (k === "comments") kinds.add("comments");
      if (k === "threadedComment") kinds.add("threads");
    }
    if (kinds.size) out.set(sheet, kinds);
  }
  return out;
}

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** A sheet's parts carried over, by relationship kind, and the element that points to each in the sheet. */
const CARRIED: Readonly<Record<string, string | undefined>> = { drawing: "drawing", vmlDrawing: "legacyDrawing", comments: undefined };
/** CT_Worksheet's children after `drawing`, in schema order: a carried element goes before the first one present. */
const AFTER: Readonly<Record<string, readonly string[]>> = {
  drawing: ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  legacyDrawing: ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
};

/** A part name not yet in `pkg`, in the folder and with the stem of `part` (`xl/media/image1.png` → `image2.png`). */
function freeName(pkg: Package, part: string): string {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
  if (!m) return part;
  for (let n = 1; ; n++) if (!pkg.has(`${m[1]}${n}${m[3]}`)) return `${m[1]}${n}${m[3]}`;
}

/**
 * Copies `part` from `src` into `dst` under a free name, with the parts its relationships point to (images, a
 * chart and its styles, embedded objects), each once; the relationship ids stay, so the part's XML needs no change.
 */
function copyPartTree(src: Package, dst: Package, part: string, copied: Map<string, string>): string | undefined {
  const done = copied.get(part.toLowerCase());
  if (done) return done;
  const bytes = src.bytes(part);
  if (!bytes) return undefined;
  const name = freeName(dst, part);
  copied.set(part.toLowerCase(), name);
  dst.set(name, bytes);
  const type = src.contentType(part);
  if (type) dst.setContentType(name, type);
  const rels = src.rels(part);
  const relsXml = rels.length ? src.text(relsPathOf(part)) : undefined;
  if (!relsXml) return name;
  const targets = new Map<string, string>();
  for (const r of rels) {
    if (r.external || relKind(r) === "worksheet" || relKind(r) === "officeDocument") continue;
    const to = copyPartTree(src, dst, r.target, copied);
    if (to) targets.set(r.id, relativeTarget(name, to));
  }
  // Internal targets rewritten to the copies' places; external ones (a hyperlink's address) kept as written.
  const rewritten = relsXml.replace(/<([\w.-]+:)?Relationship\b[^>]*>/g, (tag) => {
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    const to = id ? targets.get(id) : undefined;
    return to ? tag.replace(/\bTarget="[^"]*"/, `Target="${to.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`) : tag;
  });
  dst.set(relsPathOf(name), rewritten);
  return name;
}

/** Carries each sheet's drawing and comments from the master into a department's package; the kinds carried, by sheet. */
function carryDrawings(master: Package, bytes: Uint8Array, sheets: readonly string[]): { bytes: Uint8Array; carried: Map<string, Set<string>> } {
  const carried = new Map<string, Set<string>>();
  const dst = Package.open(bytes);
  const from = readSheetEntries(master, workbookPart(master));
  const to = readSheetEntries(dst, workbookPart(dst));
  const copied = new Map<string, string>();
  for (const sheet of sheets) {
    const a = from.find((e) => e.name === sheet)?.part;
    const b = to.find((e) => e.name === sheet)?.part;
    if (!a || !b) continue;
    let xml = dst.text(b);
    if (xml === undefined) continue;
    const kinds = new Set<string>();
    for (const r of master.rels(a)) {
      const kind = relKind(r);
      if (r.external || !(kind in CARRIED)) continue;
      const target = copyPartTree(master, dst, r.target, copied);
      if (!target) continue;
      const id = dst.addRel(b, r.type, target);
      const element = CARRIED[kind];
      if (element) {
        const p = elementPrefix(xml, "worksheet");
        const tag = `<${p}${element} xmlns:r="${NS_R}" r:id="${id}"/>`;
        // Before the first of the worksheet's own children that the schema puts after it: found among the children
        // only, since an Excel 2010 data bar holds an <extLst> inside its rule, earlier in the part.
        const next: { readonly tag: Tag } | undefined = childrenOf(xml, nextTag(xml, 0)!).kids.find((k) => k.tag.qname === p + k.tag.local && AFTER[element].includes(k.tag.local));
        xml = next ? xml.slice(0, next.tag.start) + tag + xml.slice(next.tag.start) : insertBeforeClose(xml, "worksheet", tag, b);
      }
      kinds.add(kind === "drawing" ? "drawing" : "comments");
    }
    if (kinds.size) {
      dst.set(b, xml);
      carried.set(sheet, kinds);
    }
  }
  if (carried.size) assertWellFormedChanges(dst);
  return { bytes: carried.size ? dst.toBytes() : bytes, carried };
}

/** A sheet split by rows: the whole sheet was copied (with its drawing and notes); the rows the department does not get go. */
function keepRows(bytes: Uint8Array, rows: Readonly<Record<string, readonly RowRange[]>>, snapshot: WorkbookSnapshot): Uint8Array {
  const pkg = Package.open(bytes);
  for (const [sheet, kept] of Object.entries(rows)) {
    const grid = snapshot.sheets.find((g) => g.name === sheet);
    if (grid) deleteSheetRows(pkg, sheet, kept, grid.top + grid.rows.length - 1);
  }
  assertWellFormedChanges(pkg);
  return pkg.toBytes();
}

/** Splits a master already loaded and validated; `master` is not changed. */
export async function splitBook(master: XlsxWorkbook, report: ValidationReport, opts: SplitBookOptions): Promise<SplitResult> {
  // The departments' copies carry the master's drawings and comments as they are: Strict parts in a Transitional copy.
  if (master.isStrict()) throw new WorkbookError("strict-ooxml");
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
    // A sheet protected without a password (the aids' own --protect) gets the aids on the working copy and is
    // protected again as it was; one with a password is left as it is, and named.
    const working = await XlsxWorkbook.load(masterBytes);
    const protection = working.liftProtection();
    const aidPlan = planInputAids(await working.readAll(), report, opts.profiles, { lang: opts.aids?.lang });
    const aids = aidPlan.aids.filter((a) => distributed.has(a.sheet));
    aidsSkippedProtected = aidPlan.skippedProtected.filter((s) => distributed.has(s));
    aidsSheets = aids.length;
    if (aids.length) {
      await working.applyInputAids(aids, at);
      protection.restore();
      source = working;
    }
  }
  // Settings that change how a sheet is checked (stage, 対象年度, 計画期間, overrides, a profile) travel with it.
  const stored = snapshot.settings ?? {};
  const carried = Object.keys(stored).length ? Object.fromEntries(Object.entries(serializeSettings(parseSettings(stored))).filter(([, v]) => v !== "" && v !== "{}")) : {};
  const books: DepartmentWorkbook[] = [];
  const masterPkg = Package.open(masterBytes);
  const drawn = new Map<string, Set<string>>();
  // What the copies left out or hold differently, per sheet (a sheet sent to several departments, all of it).
  const lacking = new Map<string, Set<string>>();
  for (const file of plan.files) {
    const book = XlsxWorkbook.create({ date1904: source.usesDate1904() });
    const others = new Map(file.sheets.map((s) => [s, s]));
    const mine = new Map<string, string[]>();
    for (const sheet of file.sheets) {
      // Names that can come along do; a list on a sheet that stays behind is written with its values, so the
      // dropdown still offers them; a formula that cannot be followed keeps its value. The marker lists them:
      // 回収 leaves them to the master (writing the sheet's input cells rather than replacing it).
      book.importSheet(source, sheet, sheet, undefined, {
        others,
        dropped: (parts) => {
          // The drawing and the notes are carried over below; anything else the copy lacks stays in the master.
          const left = parts.filter((p) => p !== "drawing" && p !== "legacyDrawing");
          if (left.length) mine.set(sheet, compactParts(left));
          lacking.set(sheet, new Set([...(lacking.get(sheet) ?? []), ...parts]));
        },
      });
    }
    const marker = markerFor(plan, file, at);
    const withLeft = { ...marker, sheets: marker.sheets.map((s) => (mine.has(s.name) ? { ...s, leftInMaster: mine.get(s.name)! } : s)) };
    await book.writeSettings({ ...carried, [DISTRIBUTION_MARKER_KEY]: JSON.stringify(withLeft) });
    const withDrawings = carryDrawings(masterPkg, await book.toBytes(), file.sheets);
    for (const [sheet, kinds] of withDrawings.carried) drawn.set(sheet, kinds);
    books.push({ department: file.department, sheets: file.sheets, bytes: file.rows ? keepRows(withDrawings.bytes, file.rows, snapshot) : withDrawings.bytes });
  }
  const sent = plan.files.flatMap((f) => f.sheets).filter((s, i, all) => all.indexOf(s) === i);
  const related = relKindsOf(masterBytes, sent);
  const notCopied = sent
    .map((sheet) => {
      const kinds = new Set([...[...(lacking.get(sheet) ?? [])].map(kindOf), ...(related.get(sheet) ?? [])]);
      return { sheet, parts: compactParts([...kinds].filter((p) => !drawn.get(sheet)?.has(p))) };
    })
    .filter((n) => n.parts.length);
  return { ok: true, plan, books, notCopied, aidsSkippedProtected, aidsSheets };
}
