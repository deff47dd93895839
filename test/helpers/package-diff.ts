/**
 * Package-level comparison of two .xlsx files, for the preservation tests: which zip entries were added, removed,
 * changed or kept (decompressed bytes), which of those differences an operation may make, and semantic checks on
 * the few parts a writer must amend (the workbook part, its rels, the content types, shared strings, styles) so
 * that amending them cannot lose what the user had in them.
 */
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { Package } from "../../src/workbook/xlsx/package";
import { integrityProblems } from "./package-integrity";
import { schemaOrderProblems } from "./schema-order";
import { styleIndexProblems } from "./style-indexes";

export type EntryStatus = "added" | "removed" | "changed" | "identical";

export interface EntryDiff {
  readonly name: string;
  readonly status: EntryStatus;
}

/**
 * The entries of a package by name. Directory entries (`xl/`, written by some zip tools) are not parts of the
 * package and a writer need not keep them, so they are left out.
 */
export function readPackage(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith("/")));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every entry of either package with what happened to it, sorted by name. */
export function diffPackages(before: Uint8Array, after: Uint8Array): EntryDiff[] {
  const a = readPackage(before);
  const b = readPackage(after);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.map((name) => {
    const x = a.get(name);
    const y = b.get(name);
    const status: EntryStatus = !x ? "added" : !y ? "removed" : sameBytes(x, y) ? "identical" : "changed";
    return { name, status };
  });
}

/** What an operation may do to a package; any other difference is a part the writer should have carried over. */
export interface AllowedChanges {
  readonly operation: string;
  readonly mayChange: readonly (string | RegExp)[];
  readonly mayAdd: readonly (string | RegExp)[];
  readonly mayRemove: readonly (string | RegExp)[];
}

const matches = (name: string, rules: readonly (string | RegExp)[]) => rules.some((r) => (typeof r === "string" ? r === name : r.test(name)));

/** The parts that list sheets: any operation that adds a sheet amends them. */
const WORKBOOK_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml"];
/** A new sheet's own parts: its XML and its rels. */
const NEW_SHEET_PARTS = [/^xl\/worksheets\/sheet\d+\.xml$/, /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/];
/** What a summary sheet may bring along: its tables (ListObjects) and a chart with its drawing. */
const SUMMARY_EXTRA_PARTS = [
  /^xl\/tables\/table\d+\.xml$/,
  /^xl\/drawings\/drawing\d+\.xml$/,
  /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/,
  /^xl\/charts\/(chart|style|colors)\d+\.xml$/,
  /^xl\/charts\/_rels\/chart\d+\.xml\.rels$/,
];
/**
 * Shared strings and styles: a writer may add strings and cell formats, but only by appending, so the indexes the
 * user's cells hold keep meaning the same thing (checked by checkAmendedParts). A workbook without them gets them.
 */
const APPEND_ONLY_PARTS = ["xl/sharedStrings.xml", "xl/styles.xml"];

/** Writing summary sheets (writeOwnedSheets): new sheet parts, their tables and charts, and the workbook parts. */
export function allowedForOwnedSheets(): AllowedChanges {
  return {
    operation: "add owned sheets",
    mayChange: [...WORKBOOK_PARTS, ...APPEND_ONLY_PARTS],
    mayAdd: [...NEW_SHEET_PARTS, ...SUMMARY_EXTRA_PARTS, ...APPEND_ONLY_PARTS, "docProps/app.xml"],
    mayRemove: [],
  };
}

/**
 * Cell edits (applyEdits): the edited sheets' XML, the new 変更履歴 and _chosahyo sheets, the workbook parts; the
 * calcChain may go (Excel rebuilds it), never be rewritten.
 */
export function allowedForEdits(editedSheetParts: readonly string[]): AllowedChanges {
  return {
    operation: "apply edits",
    mayChange: [...editedSheetParts, ...WORKBOOK_PARTS, ...APPEND_ONLY_PARTS],
    mayAdd: [...NEW_SHEET_PARTS, ...APPEND_ONLY_PARTS, "docProps/app.xml"],
    mayRemove: ["xl/calcChain.xml"],
  };
}

/** Settings (writeSettings): the hidden _chosahyo sheet and the workbook parts; no styles needed. */
export function allowedForSettings(): AllowedChanges {
  return {
    operation: "write settings",
    mayChange: [...WORKBOOK_PARTS, "xl/sharedStrings.xml"],
    mayAdd: [...NEW_SHEET_PARTS, "xl/sharedStrings.xml", "docProps/app.xml"],
    mayRemove: [],
  };
}

/** One line per difference the operation may not make, e.g. `removed xl/comments1.xml`; empty when all is well. */
export function unexpectedDifferences(diff: readonly EntryDiff[], allowed: AllowedChanges): string[] {
  const out: string[] = [];
  for (const { name, status } of diff) {
    if (status === "identical") continue;
    const ok =
      (status === "changed" && matches(name, allowed.mayChange)) ||
      (status === "added" && matches(name, allowed.mayAdd)) ||
      (status === "removed" && matches(name, allowed.mayRemove));
    if (!ok) out.push(`${status} ${name}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Within a part: the edited sheet, and the parts a writer amends.

/** The sheet's XML with the given cells' `<c>` elements replaced by a marker, so the rest can be compared. */
export function maskCells(sheetXml: string, refs: readonly string[]): string {
  let out = sheetXml;
  for (const ref of refs) {
    const re = new RegExp(`<((?:\\w+:)?c)\\b[^>]*?\\sr="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</\\1>)`, "g");
    out = out.replace(re, `<!--cell ${ref}-->`);
  }
  return out;
}

/**
 * What changed in an edited sheet besides the edited cells: empty when only those `<c>` elements differ, else a
 * short excerpt around the first difference.
 */
export function sheetChangesBesideCells(before: string, after: string, refs: readonly string[]): string[] {
  const a = maskCells(before, refs);
  const b = maskCells(after, refs);
  if (a === b) return [];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [`first difference at ${i}: before …${a.slice(Math.max(0, i - 60), i + 80)}… after …${b.slice(Math.max(0, i - 60), i + 80)}…`];
}

type El = Element;

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml") as unknown as Document;
}

function childElements(el: El): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
}

function local(el: El): string {
  return el.localName ?? el.nodeName.replace(/^.*:/, "");
}

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * An element as a canonical string: local names, attributes sorted, namespace declarations dropped, whitespace-only
 * text dropped. Two writers' spellings of the same element compare equal; `mapAttr` may rewrite values (r:id → target).
 */
export function canonical(el: El, mapAttr?: (el: El, name: string, ns: string | null, value: string) => string): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
    const name = a.namespaceURI ? `{${a.namespaceURI}}${a.localName}` : a.name;
    attrs.push(`${name}=${JSON.stringify(mapAttr ? mapAttr(el, a.localName ?? a.name, a.namespaceURI, a.value) : a.value)}`);
  }
  attrs.sort();
  let body = "";
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) body += canonical(n as El, mapAttr);
    else if ((n.nodeType === 3 || n.nodeType === 4) && n.nodeValue && n.nodeValue.trim()) body += JSON.stringify(n.nodeValue);
  }
  return `<${el.namespaceURI ? `{${el.namespaceURI}}` : ""}${local(el)} ${attrs.join(" ")}>${body}</>`;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly mode: string;
}

function readRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return childElements(parse(xml).documentElement as unknown as El).map((r) => ({
    id: r.getAttribute("Id") ?? "",
    type: r.getAttribute("Type") ?? "",
    target: r.getAttribute("Target") ?? "",
    mode: r.getAttribute("TargetMode") ?? "",
  }));
}

const text = (pkg: Map<string, Uint8Array>, name: string) => {
  const b = pkg.get(name);
  return b ? strFromU8(b) : undefined;
};

/** `old` children of a container must be the first children of `now`'s, in order (canonically equal). */
function prefixKept(part: string, container: string, old: El | undefined, now: El | undefined, out: string[]): void {
  if (!old) return;
  const a = childElements(old).map((e) => canonical(e));
  const b = now ? childElements(now).map((e) => canonical(e)) : [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      out.push(`${part}: <${container}> item ${i} is no longer what it was (existing items may only be followed by new ones)`);
      return;
    }
  }
}

function firstChild(parent: El | undefined, name: string): El | undefined {
  return parent ? childElements(parent).find((e) => local(e) === name) : undefined;
}

/** The parts whose order of elements checkAmendedParts holds to the schema. */
const ORDERED_PARTS = /^xl\/(workbook|styles|sharedStrings)\.xml$|^xl\/(worksheets|tables)\/[^/]+\.xml$/;

/**
 * Checks that the parts a writer amends keep what they held:
 * - [Content_Types].xml: every Default and every Override of a part still present keeps its content type (an .xlsm
 *   stays macro-enabled);
 * - xl/_rels/workbook.xml.rels: every relationship is still there (its Id may change);
 * - xl/workbook.xml: every sheet keeps its name, id, state and part; every defined name keeps its text and, for a
 *   sheet-local one (print titles, print area), the sheet it belongs to; every other element (pivot caches,
 *   external references, the slicer caches in extLst, …) is unchanged, its r:ids compared by target;
 * - xl/sharedStrings.xml and xl/styles.xml: only appended to;
 * and that every XML part written or added is well-formed (namespace prefixes declared), the workbook, styles,
 * shared strings, sheets and tables keep the schema's order of elements (schema-order.ts), and no style index points
 * past its list (style-indexes.ts). One line per problem.
 */
export function checkAmendedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = readPackage(before);
  const b = readPackage(after);
  const out: string[] = [];
  // A part that no longer parses (an undeclared prefix, say) is reported as such, not thrown.
  for (const { name: part, status } of diffPackages(before, after)) {
    if ((status !== "added" && status !== "changed") || !/\.(xml|rels)$/.test(part)) continue;
    const xml = text(b, part)!;
    try {
      parse(xml);
    } catch (e) {
      out.push(`${part} is not well-formed XML: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
    }
  }
  if (out.length) return out;

  // Excel's schema order in the parts a writer edits or adds (a problem the input already had is not the writer's).
  for (const { name: part, status } of diffPackages(before, after)) {
    if ((status !== "added" && status !== "changed") || !ORDERED_PARTS.test(part)) continue;
    const had = new Set(status === "changed" ? schemaOrderProblems(part, text(a, part)!) : []);
    out.push(...schemaOrderProblems(part, text(b, part)!).filter((p) => !had.has(p)));
  }

  // Style indexes (a cell's s into cellXfs, a conditional format's dxfId, a format's font, fill, border, number
  // format) that point past their list, where the input's did not.
  const hadIndexes = new Set(styleIndexProblems(a));
  out.push(...styleIndexProblems(b).filter((p) => !hadIndexes.has(p)));

  // What holds the package together: content types, relationship targets and ids, shared-string indexes, sheet
  // and table ids and names (package-integrity.ts).
  const hadIntegrity = new Set(integrityProblems(a));
  out.push(...integrityProblems(b).filter((p) => !hadIntegrity.has(p)));

  // Content types.
  const ctA = parse(text(a, "[Content_Types].xml") ?? "<Types/>").documentElement as unknown as El;
  const ctB = parse(text(b, "[Content_Types].xml") ?? "<Types/>").documentElement as unknown as El;
  const types = (root: El) => {
    const m = new Map<string, string>();
    for (const e of childElements(root)) {
      if (local(e) === "Default") m.set(`Default ${e.getAttribute("Extension")?.toLowerCase()}`, e.getAttribute("ContentType") ?? "");
      if (local(e) === "Override") m.set(`Override ${e.getAttribute("PartName")}`, e.getAttribute("ContentType") ?? "");
    }
    return m;
  };
  const tB = types(ctB);
  for (const [k, v] of types(ctA)) {
    if (k.startsWith("Override ") && !b.has(k.slice("Override /".length))) continue; // its part was removed (calcChain)
    if (tB.get(k) !== v) out.push(`[Content_Types].xml: ${k} was ${v}, is ${tB.get(k) ?? "missing"}`);
  }

  // Workbook relationships, compared by what they point to.
  const relsA = readRels(text(a, "xl/_rels/workbook.xml.rels"));
  const relsB = readRels(text(b, "xl/_rels/workbook.xml.rels"));
  const key = (r: Rel) => `${r.type} → ${r.target.replace(/^\/xl\//, "")} ${r.mode}`;
  const keysB = new Set(relsB.map(key));
  for (const r of relsA) {
    if (!keysB.has(key(r)) && !(r.type.endsWith("/calcChain") && !b.has("xl/calcChain.xml"))) out.push(`xl/_rels/workbook.xml.rels: lost ${key(r)}`);
  }

  // The workbook part, with r:ids resolved to their targets.
  const wbA = parse(text(a, "xl/workbook.xml") ?? "<workbook/>").documentElement as unknown as El;
  const wbB = parse(text(b, "xl/workbook.xml") ?? "<workbook/>").documentElement as unknown as El;
  const resolver = (rels: Rel[]) => (_el: El, name: string, ns: string | null, value: string) =>
    ns === R_NS && name === "id" ? `→ ${rels.find((r) => r.id === value)?.target.replace(/^\/xl\//, "") ?? `missing ${value}`}` : value;
  const resA = resolver(relsA);
  const resB = resolver(relsB);
  const sheetsOf = (wb: El) => childElements(firstChild(wb, "sheets") ?? wb).filter((e) => local(e) === "sheet");
  const sheetNamesB = sheetsOf(wbB).map((s) => s.getAttribute("name") ?? "");
  const sheetsB = new Set(sheetsOf(wbB).map((s) => canonical(s, resB)));
  for (const s of sheetsOf(wbA)) {
    if (!sheetsB.has(canonical(s, resA))) out.push(`xl/workbook.xml: sheet ${s.getAttribute("name")} changed or lost (${canonical(s, resA)})`);
  }
  const sheetNamesA = sheetsOf(wbA).map((s) => s.getAttribute("name") ?? "");
  const nameKey = (d: El, sheets: string[]) => {
    const local = d.getAttribute("localSheetId");
    const scope = local === null ? "workbook" : `sheet ${sheets[Number(local)] ?? `#${local}`}`;
    const attrs = canonical(d, (_e, n, _ns, v) => (n === "localSheetId" ? "" : v));
    return `${d.getAttribute("name")} (${scope}) ${attrs}`;
  };
  const namesOf = (wb: El) => childElements(firstChild(wb, "definedNames") ?? wbA.ownerDocument.createElement("x")).filter((e) => local(e) === "definedName");
  const namesB = new Set(namesOf(wbB).map((d) => nameKey(d, sheetNamesB)));
  for (const d of namesOf(wbA)) {
    if (!namesB.has(nameKey(d, sheetNamesA))) out.push(`xl/workbook.xml: defined name ${d.getAttribute("name")} changed or lost, or moved to another sheet (${d.textContent})`);
  }
  // Elements a writer legitimately amends: the sheet list, the names (checked above), calculation settings (a
  // writer may ask for a full recalculation) and the window (the active tab may move).
  const amended = new Set(["sheets", "definedNames", "calcPr", "bookViews"]);
  const restB = new Set(childElements(wbB).filter((e) => !amended.has(local(e))).map((e) => canonical(e, resB)));
  for (const e of childElements(wbA).filter((e) => !amended.has(local(e)))) {
    if (!restB.has(canonical(e, resA))) out.push(`xl/workbook.xml: <${local(e)}> changed or lost`);
  }

  // Shared strings: existing items keep their index.
  const ssA = text(a, "xl/sharedStrings.xml");
  if (ssA) {
    const ssB = text(b, "xl/sharedStrings.xml");
    prefixKept("xl/sharedStrings.xml", "sst", parse(ssA).documentElement as unknown as El, ssB ? (parse(ssB).documentElement as unknown as El) : undefined, out);
  }

  // Styles: every collection a cell, a table or a conditional format refers to by index.
  const stA = text(a, "xl/styles.xml");
  if (stA) {
    const rootA = parse(stA).documentElement as unknown as El;
    const stB = text(b, "xl/styles.xml");
    const rootB = stB ? (parse(stB).documentElement as unknown as El) : undefined;
    for (const c of ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"]) prefixKept("xl/styles.xml", c, firstChild(rootA, c), firstChild(rootB, c), out);
    // Number formats are referred to by id, not position: each must still be there.
    const fmts = (root: El | undefined) => new Set(childElements(firstChild(root, "numFmts") ?? rootA.ownerDocument.createElement("x")).map((e) => canonical(e)));
    const fB = fmts(rootB);
    for (const f of fmts(rootA)) if (!fB.has(f)) out.push(`xl/styles.xml: number format ${f} lost`);
  }
  return out;
}

/** The worksheet part of each sheet, by sheet name (workbook.xml + its rels). */
export function sheetParts(bytes: Uint8Array): Map<string, string> {
  const pkg = readPackage(bytes);
  const rels = readRels(text(pkg, "xl/_rels/workbook.xml.rels"));
  const wb = parse(text(pkg, "xl/workbook.xml") ?? "<workbook/>").documentElement as unknown as El;
  const out = new Map<string, string>();
  for (const s of childElements(firstChild(wb, "sheets") ?? wb)) {
    const id = s.getAttributeNS(R_NS, "id") ?? "";
    const target = rels.find((r) => r.id === id)?.target;
    if (!target) continue;
    out.set(s.getAttribute("name") ?? "", target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** The content type the package gives its workbook part (macro-enabled or not). */
export function workbookContentType(bytes: Uint8Array): string | undefined {
  const pkg = readPackage(bytes);
  const ct = text(pkg, "[Content_Types].xml") ?? "";
  return /<Override\s[^>]*PartName="\/xl\/workbook\.xml"[^>]*ContentType="([^"]+)"/.exec(ct)?.[1] ?? /<Override\s[^>]*ContentType="([^"]+)"[^>]*PartName="\/xl\/workbook\.xml"/.exec(ct)?.[1];
}

/** A readable summary of a diff, for failure messages: `changed: a, b; added: c`. */
export function describeDiff(diff: readonly EntryDiff[]): string {
  const by = (s: EntryStatus) => diff.filter((d) => d.status === s).map((d) => d.name);
  return (["changed", "added", "removed"] as const).map((s) => `${s}: ${by(s).join(", ") || "—"}`).join("; ");
}

/** The package with `<workbookProtection lockStructure="1"/>` put into workbook.xml, where Excel writes it (before bookViews). */
export function lockStructure(bytes: Uint8Array): Uint8Array {
  const pkg = Package.open(bytes);
  const xml = pkg.text("xl/workbook.xml")!;
  const at = xml.indexOf("<bookViews");
  pkg.set("xl/workbook.xml", `${xml.slice(0, at)}<workbookProtection lockStructure="1"/>${xml.slice(at)}`);
  return pkg.toBytes();
}
