/**
 * Compares a sheet of one package with a sheet of another, part by part, and lists each difference in words: the
 * worksheet's elements other than its cells (columns, merges, validations, conditional formats, print setup…), each
 * row's height and each cell's value, formula and style. Styles are compared as what they mean (font, fill, border,
 * number format, alignment, protection), not by index, since a copy renumbers them; text as text, whether it is a
 * shared or an inline string; a relationship id (`r:id` of a drawing, of comments' shapes) as the content of the part
 * it points to, since a copy numbers its relationships anew. For 配布: a department's copy of a sheet against the
 * master's.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8 } from "fflate";
import { canonical, readPackage, sheetParts } from "./package-diff";

type El = Element;

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, "application/xml") as unknown as Document;
const kids = (el: El | null | undefined): El[] => {
  const out: El[] = [];
  for (let n = el?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
};
const localOf = (el: El): string => el.localName ?? el.nodeName.replace(/^.*:/, "");
const child = (el: El | undefined, name: string): El | undefined => (el ? kids(el).find((k) => localOf(k) === name) : undefined);
const textOf = (el: El): string => {
  let s = "";
  const walk = (e: El): void => {
    for (const k of kids(e)) {
      // Phonetic runs (furigana) are not the cell's text.
      if (localOf(k) === "rPh" || localOf(k) === "phoneticPr") continue;
      if (localOf(k) === "t") s += k.textContent ?? "";
      else walk(k);
    }
  };
  walk(el);
  return s;
};

interface Book {
  readonly files: Map<string, Uint8Array>;
  readonly parts: Map<string, string>;
  readonly strings: string[];
  /** Each cellXfs index as what it means. */
  readonly styles: string[];
}

function openBook(bytes: Uint8Array): Book {
  const files = readPackage(bytes);
  const text = (n: string) => (files.get(n) ? strFromU8(files.get(n)!) : undefined);
  const sst = text("xl/sharedStrings.xml");
  const strings = sst ? kids(parse(sst).documentElement as unknown as El).map(textOf) : [];
  const stylesXml = text("xl/styles.xml");
  const styles: string[] = [];
  if (stylesXml) {
    const root = parse(stylesXml).documentElement as unknown as El;
    const list = (name: string) => kids(child(root, name));
    const fonts = list("fonts").map((e) => canonical(e));
    const fills = list("fills").map((e) => canonical(e));
    const borders = list("borders").map((e) => canonical(e));
    const numFmts = new Map(list("numFmts").map((e) => [e.getAttribute("numFmtId") ?? "", e.getAttribute("formatCode") ?? ""] as const));
    for (const xf of list("cellXfs")) {
      const at = (n: string) => xf.getAttribute(n) ?? "0";
      const fmtId = at("numFmtId");
      const inner = kids(xf).map((e) => canonical(e)).join("");
      // A custom format may spell a built-in one (LibreOffice writes `164 = General`); compare codes, not ids.
      const fmt = numFmts.get(fmtId) ?? (fmtId === "0" ? "General" : `#${fmtId}`);
      styles.push(`font=${fonts[+at("fontId")]} fill=${fills[+at("fillId")]} border=${borders[+at("borderId")]} fmt=${fmt} ${inner}`);
    }
  }
  return { files, parts: sheetParts(bytes), strings, styles };
}

function sheetRoot(book: Book, sheet: string): { root: El; rel: (id: string) => string } {
  const part = book.parts.get(sheet);
  const bytes = part ? book.files.get(part) : undefined;
  if (!part || !bytes) throw new Error(`no part for sheet ${sheet}`);
  const relsBytes = book.files.get(`${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`);
  const targets = new Map<string, string>();
  if (relsBytes) {
    for (const r of kids(parse(strFromU8(relsBytes)).documentElement as unknown as El)) {
      const target = r.getAttribute("Target") ?? "";
      if (r.getAttribute("TargetMode") === "External") {
        targets.set(r.getAttribute("Id") ?? "", `external ${target}`);
        continue;
      }
      const name = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), target));
      const data = book.files.get(name);
      const kind = (r.getAttribute("Type") ?? "").replace(/^.*\//, "");
      targets.set(r.getAttribute("Id") ?? "", `${kind} ${data ? createHash("sha256").update(data).digest("hex").slice(0, 16) : "missing"}`);
    }
  }
  return { root: parse(strFromU8(bytes)).documentElement as unknown as El, rel: (id) => targets.get(id) ?? `unknown ${id}` };
}

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface CellSeen {
  readonly value: string;
  readonly formula: string;
  readonly style: string;
}

function cellsOf(book: Book, root: El): { cells: Map<string, CellSeen>; rows: Map<string, string> } {
  const cells = new Map<string, CellSeen>();
  const rows = new Map<string, string>();
  for (const row of kids(child(root, "sheetData"))) {
    const r = row.getAttribute("r") ?? "";
    const ht = row.getAttribute("customHeight") === "1" || row.getAttribute("customHeight") === "true" ? row.getAttribute("ht") ?? "" : "";
    rows.set(r, `ht=${ht} hidden=${row.getAttribute("hidden") ?? ""}`);
    for (const c of kids(row)) {
      const ref = c.getAttribute("r") ?? "";
      const t = c.getAttribute("t") ?? "";
      const v = child(c, "v")?.textContent ?? "";
      const value = t === "s" ? book.strings[+v] ?? "" : t === "inlineStr" ? textOf(child(c, "is") ?? c) : v;
      const f = child(c, "f");
      cells.set(ref, { value, formula: f?.textContent ?? "", style: book.styles[+(c.getAttribute("s") ?? "0")] ?? "" });
    }
  }
  return { cells, rows };
}

/** An empty, unstyled cell is the same as no cell. */
const isBlank = (c: CellSeen | undefined, defaultStyle: string): boolean => !c || (!c.value && !c.formula && c.style === defaultStyle);

/**
 * Differences between `sheet` of `a` and `sheet` of `b`, one line each, as `<element>: …`, `row 5: …` or
 * `B7 value: "x" → "y"`. `skip` names worksheet elements left out of the comparison (sheetViews: a copy is not
 * selected).
 */
export function sheetDifferences(a: Uint8Array, b: Uint8Array, sheet: string, skip: readonly string[] = ["sheetViews"]): string[] {
  const A = openBook(a);
  const B = openBook(b);
  const { root: ra, rel: relA } = sheetRoot(A, sheet);
  const { root: rb, rel: relB } = sheetRoot(B, sheet);
  const out: string[] = [];
  const elements = (root: El, rel: (id: string) => string) => {
    const m = new Map<string, string[]>();
    for (const k of kids(root)) {
      const name = localOf(k);
      if (name === "sheetData" || skip.includes(name)) continue;
      m.set(name, [...(m.get(name) ?? []), canonical(k, (_el, _name, ns, value) => (ns === R_NS ? rel(value) : value))]);
    }
    return m;
  };
  const ea = elements(ra, relA);
  const eb = elements(rb, relB);
  for (const name of new Set([...ea.keys(), ...eb.keys()])) {
    const x = (ea.get(name) ?? []).join("");
    const y = (eb.get(name) ?? []).join("");
    if (x !== y) out.push(`${name}: ${!x ? "added" : !y ? "missing" : "differs"}`);
  }
  const ca = cellsOf(A, ra);
  const cb = cellsOf(B, rb);
  for (const r of new Set([...ca.rows.keys(), ...cb.rows.keys()])) {
    const x = ca.rows.get(r) ?? "ht= hidden=";
    const y = cb.rows.get(r) ?? "ht= hidden=";
    if (x !== y) out.push(`row ${r}: ${x} → ${y}`);
  }
  for (const ref of new Set([...ca.cells.keys(), ...cb.cells.keys()])) {
    const x = ca.cells.get(ref);
    const y = cb.cells.get(ref);
    if (isBlank(x, A.styles[0]) && isBlank(y, B.styles[0])) continue;
    if (x?.value !== y?.value) out.push(`${ref} value: ${JSON.stringify(x?.value)} → ${JSON.stringify(y?.value)}`);
    if ((x?.formula ?? "") !== (y?.formula ?? "")) out.push(`${ref} formula: ${JSON.stringify(x?.formula)} → ${JSON.stringify(y?.formula)}`);
    if ((x?.style ?? A.styles[0]) !== (y?.style ?? B.styles[0])) out.push(`${ref} style differs`);
  }
  return out;
}
