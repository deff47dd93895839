/**
 * What holds a package together, for the tests: every part has a content type, every internal relationship points
 * at a part that is there, every relationship id a part names is in its relationships, every cell's value is what
 * its type says (a shared-string index in the table among them), sheets and tables keep their ids and names apart,
 * sheet names are ones Excel takes, and defined names are one per scope. Excel repairs a workbook that breaks any of
 * these (or will not open it); LibreOffice mostly reads past them without a word, so its opening a file proves none.
 */
import { strFromU8 } from "fflate";
import { excelNameKey, validSheetName } from "../fakes/excel-fake";

const REL_NS = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];
const WORKSHEET_TYPE = /spreadsheetml\.worksheet\+xml$/;
const TABLE_TYPE = /spreadsheetml\.table\+xml$/;
const CELL_END = /<\/(?:\w+:)?c>/g;
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!"]);
/** The content type a part must have for the kinds of relationship the writers make or keep. */
const TYPE_OF_RELATIONSHIP: Record<string, RegExp> = {
  worksheet: WORKSHEET_TYPE,
  sharedStrings: /spreadsheetml\.sharedStrings\+xml$/,
  styles: /spreadsheetml\.styles\+xml$/,
  table: TABLE_TYPE,
  drawing: /drawing\+xml$/,
  chart: /drawingml\.chart\+xml$/,
  comments: /spreadsheetml\.comments\+xml$/,
  theme: /\.theme\+xml$/,
};

type Pkg = ReadonlyMap<string, Uint8Array>;

const textOf = (pkg: Pkg, name: string): string | undefined => {
  const b = pkg.get(name);
  return b ? strFromU8(b) : undefined;
};

/** An attribute's value; XML allows blanks around `=` and either quote, and some writers use them. */
const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};

const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The content type of each part: its Override, else the Default for its extension. */
function contentTypes(pkg: Pkg): (part: string) => string | undefined {
  const xml = textOf(pkg, "[Content_Types].xml") ?? "";
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) defaults.set((attr(m[0], "Extension") ?? "").toLowerCase(), attr(m[0], "ContentType") ?? "");
  for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) overrides.set(decodeURI(attr(m[0], "PartName") ?? "").toLowerCase(), attr(m[0], "ContentType") ?? "");
  return (part) => overrides.get(`/${part}`.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
}

/** The part a relationships part describes (`xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; `_rels/.rels` → the package). */
function sourceOf(rels: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? `${m[1]}${m[2]}` : "";
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name: relative to its source's folder, or from the package root. */
function resolveTarget(source: string, target: string): string {
  const decoded = (() => {
    try {
      return decodeURI(target);
    } catch {
      return target;
    }
  })().replace(/\\/g, "/");
  const parts = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of decoded.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** The internal relationships of each relationships part, by id. */
function relationships(pkg: Pkg): Map<string, Map<string, { target: string; external: boolean; type: string }>> {
  const out = new Map<string, Map<string, { target: string; external: boolean; type: string }>>();
  for (const name of pkg.keys()) {
    if (!name.endsWith(".rels")) continue;
    const byId = new Map<string, { target: string; external: boolean; type: string }>();
    for (const m of (textOf(pkg, name) ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id") ?? "";
      byId.set(id, { target: unescape(attr(m[0], "Target") ?? ""), external: attr(m[0], "TargetMode") === "External", type: attr(m[0], "Type") ?? "" });
    }
    out.set(name, byId);
  }
  return out;
}

/** The values that occur more than once, once each, in the order their second occurrence comes. */
function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const again = new Set<string>();
  for (const v of values) (seen.has(v) ? again : seen).add(v);
  return [...again];
}

/** Every problem of the package, one line each; a part named in a line is named as the package holds it. */
export function integrityProblems(pkg: Pkg): string[] {
  const out: string[] = [];
  const typeOf = contentTypes(pkg);
  // Part names compare without case in a package.
  const names = new Map([...pkg.keys()].map((n) => [n.toLowerCase(), n] as const));

  for (const name of pkg.keys()) {
    if (name !== "[Content_Types].xml" && !typeOf(name)) out.push(`${name}: no content type`);
  }
  // A package that types one extension or one part twice is refused outright.
  const ct = textOf(pkg, "[Content_Types].xml") ?? "";
  for (const v of repeated([...ct.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)].map((m) => (attr(m[0], "Extension") ?? "").toLowerCase()))) out.push(`[Content_Types].xml: extension ${v} typed twice`);
  for (const v of repeated([...ct.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)].map((m) => (attr(m[0], "PartName") ?? "").toLowerCase()))) out.push(`[Content_Types].xml: part ${v} typed twice`);

  const rels = relationships(pkg);
  for (const [relsName, byId] of rels) {
    const ids = [...(textOf(pkg, relsName) ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => attr(m[0], "Id") ?? "");
    if (repeated(ids).length > 0) out.push(`${relsName}: an id used twice`);
    const source = sourceOf(relsName);
    for (const [id, r] of byId) {
      // "NULL" is how Excel marks a relationship to nothing (an external link's missing file); "#Sheet!A1" is a place
      // in this workbook that some writers give a hyperlink as an internal target.
      if (r.external || r.target === "NULL" || r.target.startsWith("#")) continue;
      const part = resolveTarget(source, r.target);
      if (!names.has(part.toLowerCase())) {
        out.push(`${relsName}: ${id} points at ${part}, which is not in the package`);
        continue;
      }
      // Excel goes by the content type: a worksheet typed as plain XML is not a worksheet to it.
      const kind = r.type.slice(r.type.lastIndexOf("/") + 1);
      const expected = TYPE_OF_RELATIONSHIP[kind];
      const actual = typeOf(names.get(part.toLowerCase())!) ?? "";
      if (expected && !expected.test(actual)) out.push(`${relsName}: ${id} (${kind}) points at ${part}, whose content type is ${actual || "none"}`);
    }
  }

  // Relationship ids named in XML parts (r:id, r:embed, r:link …) must be in the part's own relationships.
  for (const name of pkg.keys()) {
    if (!/\.(xml|vml)$/i.test(name)) continue;
    const xml = textOf(pkg, name) ?? "";
    const prefixes = new Set([...xml.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)].filter((m) => REL_NS.includes(m[2])).map((m) => m[1]));
    if (prefixes.size === 0) continue;
    const own = rels.get(relsPartOf(name));
    for (const p of prefixes) {
      for (const m of xml.matchAll(new RegExp(`\\s${p.replace(/\./g, "\\.")}:(\\w+)="([^"]*)"`, "g"))) {
        if (m[2] === "" || own?.has(m[2])) continue;
        out.push(`${name}: ${p}:${m[1]}="${m[2]}" names no relationship of the part`);
      }
    }
  }

  // The shared strings, for the cells' indexes.
  const wbRel = [...(rels.get("_rels/.rels")?.values() ?? [])].find((r) => r.type.endsWith("/officeDocument"));
  const wbPart = wbRel ? resolveTarget("", wbRel.target) : "xl/workbook.xml";
  const wbRels = rels.get(relsPartOf(wbPart));
  const sstRel = wbRels && [...wbRels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  const sstPart = sstRel ? resolveTarget(wbPart, sstRel.target) : undefined;
  const sst = sstPart ? textOf(pkg, sstPart) : undefined;
  const strings = sst ? [...sst.matchAll(/<(?:\w+:)?si\b/g)].length : 0;
  // A cell's value as its type says: a finite number (never NaN or Infinity), a shared-string index in the table, a
  // boolean 0 or 1, an error Excel knows; inline text in <is>, not <v>.
  for (const name of pkg.keys()) {
    if (!WORKSHEET_TYPE.test(typeOf(name) ?? "")) continue;
    const xml = textOf(pkg, name) ?? "";
    for (const m of xml.matchAll(/<(?:\w+:)?c\s([^>]*?)(\/)?>/g)) {
      if (m[2]) continue;
      // The cell's body up to its own end tag: one expression over the whole part took minutes on a big sheet.
      const from = m.index! + m[0].length;
      CELL_END.lastIndex = from;
      const end = CELL_END.exec(xml)?.index ?? xml.length;
      const body = xml.slice(from, end);
      const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1];
      const t = attr(` ${m[1]}`, "t") ?? "n";
      const at = `${name}: cell ${attr(` ${m[1]}`, "r") ?? "?"}`;
      if (t === "inlineStr" && v !== undefined && !/<(?:\w+:)?is\b/.test(body)) out.push(`${at} is inline text in <v>`);
      if (v === undefined) continue;
      // An empty <v/> is no value, which some writers leave and readers take as blank.
      if (t === "n" && v.trim() !== "" && !Number.isFinite(Number(v))) out.push(`${at} holds the number ${v}`);
      if (t === "s" && !(Number.isInteger(Number(v)) && v.trim() !== "" && Number(v) >= 0 && Number(v) < strings)) out.push(`${at} holds shared string ${v} of ${strings}`);
      if (t === "b" && v !== "0" && v !== "1") out.push(`${at} holds the boolean ${v}`);
      if (t === "e" && !EXCEL_ERRORS.has(v)) out.push(`${at} holds the error ${v}`);
    }
  }

  // The workbook's sheets: ids and names (as Excel compares them) each once.
  const sheets = [...(textOf(pkg, wbPart) ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  const twice = (label: string, values: string[]) => {
    for (const v of repeated(values)) out.push(`${wbPart}: ${label} ${v} used twice`);
  };
  twice("sheetId", sheets.map((s) => attr(s, "sheetId") ?? ""));
  const sheetNames = sheets.map((s) => unescape(attr(s, "name") ?? ""));
  twice("sheet name", sheetNames.map(excelNameKey));
  for (const name of sheetNames) if (!validSheetName(name)) out.push(`${wbPart}: sheet name ${name} is one Excel refuses`);
  // Defined names: one of a name per scope, and a sheet scope that is a sheet.
  const definedNames = [...(textOf(pkg, wbPart) ?? "").matchAll(/<(?:\w+:)?definedName\b[^>]*>/g)].map((m) => ({ name: unescape(attr(m[0], "name") ?? ""), local: attr(m[0], "localSheetId") }));
  twice("defined name", definedNames.map((d) => `${d.name.toLowerCase()}${d.local === undefined ? "" : ` (sheet ${d.local})`}`));
  for (const d of definedNames) {
    if (d.local !== undefined && !(Number(d.local) >= 0 && Number(d.local) < sheets.length)) out.push(`${wbPart}: defined name ${d.name} is scoped to sheet ${d.local} of ${sheets.length}`);
  }

  // Tables: ids and names are the workbook's, so each once across all its tables.
  const tables = [...pkg.keys()].filter((n) => TABLE_TYPE.test(typeOf(n) ?? ""));
  const heads = tables.map((n) => /<(?:\w+:)?table\b[^>]*>/.exec(textOf(pkg, n) ?? "")?.[0] ?? "");
  for (const v of repeated(heads.map((h) => attr(h, "id") ?? ""))) out.push(`tables: id ${v} used twice`);
  for (const v of repeated(heads.map((h) => unescape(attr(h, "displayName") ?? attr(h, "name") ?? "").toLowerCase()))) out.push(`tables: name ${v} used twice`);
  return out;
}
