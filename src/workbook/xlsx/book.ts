/**
 * The workbook's structure as the package states it: where the workbook part is, its sheets (name, visibility,
 * kind, part), the date system, shared strings and number formats. Everything is found through relationships,
 * never by assumed part names, and Strict OOXML's namespaces are read like Transitional ones (docs/file-layer.md).
 */
import { WorkbookError } from "../port";
import { type Package, type Relationship } from "./package";
import { xmlProblem } from "./well-formed";
import { attr, elementPrefix, findTag, joinedText, prefixedAttr, tagAt } from "./xml";

export type SheetKind = "worksheet" | "chart" | "dialog" | "macro";

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** False when the workbook names the sheet with no relationship at all (some writers leave such stubs). */
  readonly hasRel: boolean;
  readonly state: "visible" | "hidden" | "veryHidden";
  readonly kind: SheetKind;
  /** The sheet's part, resolved (undefined when the relationship is missing). */
  readonly part?: string;
}

/** Relationship types are compared by their last segment: Transitional and Strict differ only in the base URI. */
export function relKind(r: Relationship): string {
  return r.type.slice(r.type.lastIndexOf("/") + 1);
}

/** The workbook part's name: from the package relationships, or the usual place when they are missing. */
export function workbookPart(pkg: Package): string {
  const rel = pkg.rels("").find((r) => relKind(r) === "officeDocument" && !r.external);
  if (rel && pkg.has(rel.target)) {
    // A Word or PowerPoint document is a package too: its main part says what it is.
    const type = pkg.contentType(rel.target) ?? "";
    if (/wordprocessingml|presentationml|ms-word|ms-powerpoint/i.test(type)) throw new WorkbookError("not-a-workbook", type);
    return pkg.storedName(rel.target)!;
  }
  for (const guess of ["xl/workbook.xml", "xl/workbook2.xml"]) if (pkg.has(guess)) return pkg.storedName(guess)!;
  throw new WorkbookError("corrupt", "no workbook part");
}

export function readSheetEntries(pkg: Package, wbPart: string): SheetEntry[] {
  const xml = pkg.text(wbPart);
  if (!xml) throw new WorkbookError("corrupt-part", wbPart);
  const rels = new Map(pkg.rels(wbPart).map((r) => [r.id, r] as const));
  const p = elementPrefix(xml, "sheets");
  const out: SheetEntry[] = [];
  const from = findTag(xml, `${p}sheets`, 0);
  if (from < 0) return out;
  const to = xml.indexOf(`</${p}sheets>`, from);
  let i = from + 1;
  for (;;) {
    i = findTag(xml, `${p}sheet`, i, to < 0 ? xml.length : to);
    if (i < 0) break;
    const { tag, end } = tagAt(xml, i);
    i = end;
    const relId = prefixedAttr(tag, "id") ?? attr(tag, "id") ?? "";
    const rel = rels.get(relId);
    const kindName = rel ? relKind(rel) : "worksheet";
    const kind: SheetKind = kindName === "chartsheet" ? "chart" : kindName === "dialogsheet" ? "dialog" : /macrosheet$/i.test(kindName) ? "macro" : "worksheet";
    const state = attr(tag, "state");
    out.push({
      name: attr(tag, "name") ?? "",
      sheetId: Number(attr(tag, "sheetId") ?? 0),
      relId,
      hasRel: !!rel,
      state: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
      kind,
      part: rel && !rel.external ? pkg.storedName(rel.target) : undefined,
    });
  }
  return out;
}

/** Strict OOXML's relationship types (and namespaces) start so; Transitional's with http://schemas.openxmlformats.org/. */
const STRICT_TYPE = /^http:\/\/purl\.oclc\.org\/ooxml\//;

/**
 * A workbook saved as Strict Open XML: its workbook part is in Strict's namespace or points to its sheets with
 * Strict's relationship types. It reads like any other; the parts this adapter writes are Transitional, so it is
 * not written into (docs/file-layer.md).
 */
export function isStrictWorkbook(pkg: Package, wbPart: string): boolean {
  if (pkg.rels(wbPart).some((r) => STRICT_TYPE.test(r.type))) return true;
  const xml = pkg.text(wbPart) ?? "";
  const at = findTag(xml, `${elementPrefix(xml, "workbook")}workbook`, 0);
  return at >= 0 && /=\s*["']http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main["']/.test(tagAt(xml, at).tag);
}

export function isDate1904(pkg: Package, wbPart: string): boolean {
  const xml = pkg.text(wbPart) ?? "";
  const p = elementPrefix(xml, "workbookPr");
  const at = findTag(xml, `${p}workbookPr`, 0);
  if (at < 0) return false;
  const v = attr(tagAt(xml, at).tag, "date1904");
  return v === "1" || v === "true";
}

/**
 * The shared string table, indexed once and decoded on demand: a workbook can hold a table of millions of strings
 * of which a 調査票 check reads a few thousand.
 */
export class SharedStrings {
  private readonly starts: Int32Array;
  private readonly cache = new Map<number, string>();
  private readonly p: string;

  constructor(private readonly xml: string) {
    this.p = elementPrefix(xml, "si");
    const found: number[] = [];
    let i = 0;
    const open = `<${this.p}si`;
    for (;;) {
      i = xml.indexOf(open, i);
      if (i < 0) break;
      const c = xml.charCodeAt(i + open.length);
      if (c === 62 || c === 32 || c === 47) found.push(i);
      i += open.length;
    }
    this.starts = Int32Array.from(found);
  }

  static of(pkg: Package, wbPart: string): SharedStrings {
    const rel = pkg.rels(wbPart).find((r) => relKind(r) === "sharedStrings" && !r.external);
    const xml = rel ? pkg.text(rel.target) : undefined;
    return new SharedStrings(xml ?? "");
  }

  get count(): number {
    return this.starts.length;
  }

  get(i: number): string {
    if (!(i >= 0 && i < this.starts.length)) return "";
    const hit = this.cache.get(i);
    if (hit !== undefined) return hit;
    const at = this.starts[i];
    const { end, selfClosing } = tagAt(this.xml, at);
    let s = "";
    if (!selfClosing) {
      const stop = this.xml.indexOf(`</${this.p}si>`, end);
      s = joinedText(this.xml, this.p, end, stop < 0 ? this.xml.length : stop);
    }
    this.cache.set(i, s);
    return s;
  }

  /**
   * The string's formatting as the content of an `<is>` whose elements take `prefix` (richRuns); undefined for a
   * plain string or one a copy carries as plain text.
   */
  rich(i: number, prefix: string): string | undefined {
    if (!(i >= 0 && i < this.starts.length)) return undefined;
    const { end, selfClosing } = tagAt(this.xml, this.starts[i]);
    if (selfClosing) return undefined;
    const stop = this.xml.indexOf(`</${this.p}si>`, end);
    return stop < 0 ? undefined : richRuns(this.xml.slice(end, stop), this.p, prefix);
  }
}

/**
 * The content of a rich string (`<si>` or `<is>`, whose elements take prefix `p`) with its elements taking `prefix`:
 * its runs (a word in red or bold) and its furigana. Undefined for a plain string, and for one holding anything but
 * the run and furigana elements of the main namespace (comments, CDATA, other namespaces) or not well formed, which
 * is then carried as plain text: a damaged string table must not make a copied sheet malformed.
 */
export function richRuns(inner: string, p: string, prefix: string): string | undefined {
  if (inner.indexOf(`<${p}r>`) < 0 && inner.indexOf(`<${p}r `) < 0 && inner.indexOf(`<${p}rPh`) < 0 && inner.indexOf(`<${p}phoneticPr`) < 0) return undefined;
  let ok = true;
  const out = inner.replace(/<(\/?)([^\s/>]*)/g, (_m, slash: string, name: string) => {
    const local = name.startsWith(p) ? name.slice(p.length) : "";
    if (!RUN_ELEMENTS.has(local)) ok = false;
    return `<${slash}${prefix}${local}`;
  });
  if (!ok || /\sxmlns[:=]/.test(inner)) return undefined;
  const ns = prefix ? ` xmlns:${prefix.slice(0, -1)}="urn:x"` : "";
  return xmlProblem(`<${prefix}is${ns}>${out}</${prefix}is>`) === undefined ? out : undefined;
}

/** What a rich string (CT_Rst) holds: runs, their properties, text, furigana and its settings. */
const RUN_ELEMENTS = new Set(["r", "rPr", "t", "rPh", "phoneticPr", "rFont", "charset", "family", "b", "i", "strike", "outline", "shadow", "condense", "extend", "color", "sz", "u", "vertAlign", "scheme"]);

/** Format codes of the built-in number format ids a reader needs (ECMA-376 Part 1, 18.8.30; ja-JP for 27–36, 50–58). */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: "m/d/yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

/** True for a number format that shows a date or time (tokens outside quotes, escapes and [colour]/[$-411] brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/[Ee][+-]/g, "");
  if (/general/i.test(bare)) return false;
  return /[ymdhsge]/i.test(bare);
}

export interface CellFormat {
  /** The format code when it is not General. */
  readonly code?: string;
  readonly isDate: boolean;
}

/** Number formats by cell style index (`s` on a cell), from styles.xml's cellXfs and numFmts. */
export function readCellFormats(pkg: Package, wbPart: string): CellFormat[] {
  const rel = pkg.rels(wbPart).find((r) => relKind(r) === "styles" && !r.external);
  const xml = rel ? pkg.text(rel.target) : undefined;
  if (!xml) return [];
  const p = elementPrefix(xml, "styleSheet");
  const custom = new Map<number, string>();
  const nf = findTag(xml, `${p}numFmts`, 0);
  if (nf >= 0) {
    const stop = xml.indexOf(`</${p}numFmts>`, nf);
    let i = nf + 1;
    for (;;) {
      i = findTag(xml, `${p}numFmt`, i, stop < 0 ? nf + 1 : stop);
      if (i < 0) break;
      const { tag, end } = tagAt(xml, i);
      i = end;
      custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
    }
  }
  const out: CellFormat[] = [];
  const xfs = findTag(xml, `${p}cellXfs`, 0);
  if (xfs < 0) return out;
  const stop = xml.indexOf(`</${p}cellXfs>`, xfs);
  let i = xfs + 1;
  for (;;) {
    i = findTag(xml, `${p}xf`, i, stop < 0 ? xfs + 1 : stop);
    if (i < 0) break;
    const { tag, end } = tagAt(xml, i);
    i = end;
    const id = Number(attr(tag, "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILT_IN[id];
    out.push(code && code !== "General" ? { code, isDate: isDateFormat(code) } : { isDate: false });
  }
  return out;
}
