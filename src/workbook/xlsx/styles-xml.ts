/**
 * Amends a workbook's styles.xml with the cell formats a generated sheet needs. Existing records stay byte for byte
 * at their indexes (cells elsewhere in the workbook point at them by index); new fonts, fills, borders, number
 * formats and cell formats are appended, and only the `count` attributes of the sections we append to change.
 * Pure string work: it runs in the browser too.
 */
import type { CellStyle } from "../../core/sheet-spec";
import { attr, escapeXml } from "./xml-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Used when the package has no styles.xml: the records Excel expects at index 0 (and the gray125 fill at 1). */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** CT_Stylesheet's children, in schema order. */
const SECTION_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Section = (typeof SECTION_ORDER)[number];

/** What a section must hold before anything is appended when the workbook lacks it (index 0 is every cell's default). */
const SECTION_DEFAULTS: Partial<Record<Section, (p: string) => string[]>> = {
  fonts: (p) => [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`],
  fills: (p) => [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
  borders: (p) => [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
  cellStyleXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
  cellXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
};

/** Excel's built-in number formats we may meet, by code: they need no <numFmt> record. */
const BUILTIN_NUMFMTS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "@": 49,
};

// ---- a small scanner over the parts of the XML we need (elements, attributes; comments, PIs and CDATA skipped) ----

interface El {
  /** Qualified name as written, e.g. "x:fonts". */
  readonly qname: string;
  readonly local: string;
  readonly start: number;
  /** Index just after the start tag's `>`. */
  readonly openEnd: number;
  readonly selfClosing: boolean;
  /** Index of the end tag's `<` (= openEnd when self-closing). */
  readonly closeStart: number;
  /** Index just after the element. */
  readonly end: number;
}

function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** End of a start or end tag beginning at `i` (`<`): the index after its `>`, skipping quoted attribute values. */
function tagEnd(xml: string, i: number): number {
  let quote = "";
  for (let j = i + 1; j < xml.length; j++) {
    const ch = xml[j];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return j + 1;
  }
  throw new Error("styles.xml: unterminated tag");
}

/** Skips a comment, PI, CDATA or DOCTYPE at `i`; returns the index after it, or -1 when `i` starts none of these. */
function skipMarkup(xml: string, i: number): number {
  const close = (token: string, from: number) => {
    const k = xml.indexOf(token, from);
    if (k < 0) throw new Error("styles.xml: unterminated markup");
    return k + token.length;
  };
  if (xml.startsWith("<!--", i)) return close("-->", i + 4);
  if (xml.startsWith("<![CDATA[", i)) return close("]]>", i + 9);
  if (xml.startsWith("<?", i)) return close("?>", i + 2);
  if (xml.startsWith("<!", i)) return tagEnd(xml, i);
  return -1;
}

/** The element whose start tag begins at `start`, with its extent (nested elements of the same name handled). */
function elementAt(xml: string, start: number): El {
  const openEnd = tagEnd(xml, start);
  const qname = /^<([^\s/>]+)/.exec(xml.slice(start, start + 200))![1];
  const selfClosing = xml[openEnd - 2] === "/";
  if (selfClosing) return { qname, local: localName(qname), start, openEnd, selfClosing, closeStart: openEnd, end: openEnd };
  let depth = 1;
  let i = openEnd;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const skipped = skipMarkup(xml, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const end = tagEnd(xml, lt);
    if (xml[lt + 1] === "/") {
      depth--;
      if (depth === 0) return { qname, local: localName(qname), start, openEnd, selfClosing, closeStart: lt, end };
    } else if (xml[end - 2] !== "/") depth++;
    i = end;
  }
  throw new Error(`styles.xml: <${qname}> is not closed`);
}

/** Direct child elements of `parent`. */
function childrenOf(xml: string, parent: El): El[] {
  const out: El[] = [];
  let i = parent.openEnd;
  while (i < parent.closeStart) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= parent.closeStart) break;
    const skipped = skipMarkup(xml, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const el = elementAt(xml, lt);
    out.push(el);
    i = el.end;
  }
  return out;
}

/** The document element (after the XML declaration, comments and the like). */
function rootElement(xml: string): El {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) throw new Error("styles.xml: no root element");
    const skipped = skipMarkup(xml, lt);
    if (skipped < 0) return elementAt(xml, lt);
    i = skipped;
  }
}

function attrOf(xml: string, el: El, name: string): string | undefined {
  const tag = xml.slice(el.start, el.openEnd);
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return (m[1] ?? m[2]).replace(/&(lt|gt|quot|apos|amp|#x[0-9A-Fa-f]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

// ---- the amender ----

/** One section's records: those already in the file (kept as they are) and those we append. */
interface SectionState {
  readonly el: El | undefined;
  /** Records already in the file. */
  readonly existing: number;
  readonly added: string[];
}

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

/** A canonical key for a style: equal styles (whatever the property order) share one xf. */
function styleKey(s: CellStyle): string {
  return JSON.stringify([s.bold ?? false, s.fontSize ?? 0, s.fontColor?.toUpperCase() ?? "", s.fill?.toUpperCase() ?? "", s.wrap ?? false, s.hAlign ?? "", s.vAlign ?? "", s.border ?? "", s.numberFormat ?? ""]);
}

export class StylesAmender {
  /** The text as given (returned unchanged when nothing was appended). */
  private readonly original: string;
  /** The text we amend: the original, with a self-closing root opened up. */
  private readonly xml: string;
  private readonly created: boolean;
  /** Element prefix of the stylesheet ("" or e.g. "x:"). */
  private readonly p: string;
  private readonly root: El;
  private readonly sections = new Map<Section, SectionState>();
  /** The default font's children other than b/sz/color (name, family, charset, scheme…), copied into new fonts. */
  private baseFont: { readonly sz?: string; readonly color?: string; readonly rest: string[] };
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId: number;
  private readonly fontIds = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly borderIds = new Map<string, number>();
  private readonly xfIds = new Map<string, number>();

  /** xml: the workbook's styles.xml text, or undefined when the package has none (then start from a minimal valid stylesheet). */
  constructor(xml: string | undefined) {
    this.created = xml === undefined;
    this.original = xml ?? MINIMAL_STYLES;
    let root = rootElement(this.original);
    if (root.local !== "styleSheet") throw new Error(`styles.xml: root is <${root.qname}>, not <styleSheet>`);
    this.xml = this.original;
    if (root.selfClosing) {
      // <styleSheet …/>: open it, so sections go inside.
      this.xml = this.original.slice(0, root.openEnd - 2) + `></${root.qname}>` + this.original.slice(root.end);
      root = rootElement(this.xml);
    }
    this.root = root;
    const colon = this.root.qname.indexOf(":");
    this.p = colon < 0 ? "" : this.root.qname.slice(0, colon + 1);
    const children = childrenOf(this.xml, this.root);
    for (const name of SECTION_ORDER) {
      const el = children.find((c) => c.local === name);
      const records = el && !el.selfClosing ? childrenOf(this.xml, el) : [];
      this.sections.set(name, { el, existing: records.length, added: [] });
      if (name === "numFmts") {
        for (const r of records) {
          const id = Number(attrOf(this.xml, r, "numFmtId"));
          const code = attrOf(this.xml, r, "formatCode");
          if (Number.isInteger(id) && code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
        }
      }
      if (name === "fonts") this.baseFont = this.readBaseFont(records[0]);
    }
    // A new font is complete even when the default one is missing or bare (Excel shows a font without a name oddly).
    this.baseFont ??= { rest: [] };
    if (!this.baseFont.rest.some((r) => new RegExp(`^<${this.p}name[\\s/>]`).test(r))) {
      this.baseFont = { ...this.baseFont, rest: [`<${this.p}name val="Calibri"/>`, ...this.baseFont.rest] };
    }
    if (!this.baseFont.sz) this.baseFont = { ...this.baseFont, sz: "11" };
    const ids = [...this.numFmtIds.values()];
    this.nextNumFmtId = Math.max(164, ...ids.map((id) => id + 1));
    // Fills 0 and 1 are reserved (none, gray125); a file missing them gets them with the section.
    for (const name of Object.keys(SECTION_DEFAULTS) as Section[]) {
      const s = this.sections.get(name)!;
      if (s.existing === 0) s.added.push(...SECTION_DEFAULTS[name]!(this.p));
    }
    // Those defaults alone are no change (they are written only along with an appended record).
  }

  private appended = false;

  /** True once anything was appended, or when the package had no styles.xml (the caller must add the part). */
  get changed(): boolean {
    return this.created || this.appended;
  }

  private readBaseFont(font: El | undefined): { sz?: string; color?: string; rest: string[] } {
    if (!font || font.selfClosing) return { rest: [] };
    let sz: string | undefined;
    let color: string | undefined;
    const rest: string[] = [];
    for (const c of childrenOf(this.xml, font)) {
      const text = this.xml.slice(c.start, c.end);
      if (c.local === "sz") sz = attrOf(this.xml, c, "val");
      else if (c.local === "color") color = text;
      else if (c.local !== "b") rest.push(text);
    }
    return { sz, color, rest };
  }

  private add(section: Section, record: string): number {
    const s = this.sections.get(section)!;
    s.added.push(record);
    this.appended = true;
    return s.existing + s.added.length - 1;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtin = BUILTIN_NUMFMTS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.add("numFmts", `<${this.p}numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`);
    }
    return id;
  }

  private font(s: CellStyle): number {
    if (!s.bold && !s.fontSize && !s.fontColor) return 0;
    const key = JSON.stringify([!!s.bold, s.fontSize ?? 0, s.fontColor?.toUpperCase() ?? ""]);
    let id = this.fontIds.get(key);
    if (id === undefined) {
      const p = this.p;
      const sz = s.fontSize ? String(s.fontSize) : this.baseFont.sz;
      // CT_Font's children may come in any order; Excel writes b, sz, color, name, family, charset, scheme.
      const parts = [
        s.bold ? `<${p}b/>` : "",
        sz ? `<${p}sz val="${escapeXml(sz)}"/>` : "",
        s.fontColor ? `<${p}color rgb="${argb(s.fontColor)}"/>` : (this.baseFont.color ?? ""),
        ...this.baseFont.rest,
      ];
      id = this.add("fonts", `<${p}font>${parts.join("")}</${p}font>`);
      this.fontIds.set(key, id);
    }
    return id;
  }

  private fill(s: CellStyle): number {
    if (!s.fill) return 0;
    const color = argb(s.fill);
    let id = this.fillIds.get(color);
    if (id === undefined) {
      const p = this.p;
      id = this.add("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${color}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
      this.fillIds.set(color, id);
    }
    return id;
  }

  private border(s: CellStyle): number {
    if (s.border !== "thin") return 0;
    let id = this.borderIds.get("thin");
    if (id === undefined) {
      const p = this.p;
      const side = (name: string) => `<${p}${name} style="thin"><${p}color rgb="FF808080"/></${p}${name}>`;
      id = this.add("borders", `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`);
      this.borderIds.set("thin", id);
    }
    return id;
  }

  /** Index into <cellXfs> for this style (undefined → a plain xf). Equal styles share one xf; records are appended. */
  xf(style: CellStyle | undefined): number {
    if (!style) return 0;
    const key = styleKey(style);
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmt(style.numberFormat);
    const fontId = this.font(style);
    const fillId = this.fill(style);
    const borderId = this.border(style);
    const p = this.p;
    const align = [
      style.hAlign ? ` horizontal="${style.hAlign}"` : "",
      style.vAlign ? ` vertical="${style.vAlign === "middle" ? "center" : style.vAlign}"` : "",
      style.wrap ? ` wrapText="1"` : "",
    ].join("");
    const applies = [
      numFmtId ? ` applyNumberFormat="1"` : "",
      fontId ? ` applyFont="1"` : "",
      fillId ? ` applyFill="1"` : "",
      borderId ? ` applyBorder="1"` : "",
      align ? ` applyAlignment="1"` : "",
    ].join("");
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const id = this.add("cellXfs", align ? `${head}><${p}alignment${align}/></${p}xf>` : `${head}/>`);
    this.xfIds.set(key, id);
    return id;
  }

  /**
   * The amended styles.xml: every existing record byte-identical and at its index; new records appended; count
   * attributes updated; missing sections inserted in schema order.
   */
  toXml(): string {
    if (!this.changed) return this.original;
    const xml = this.xml;
    const p = this.p;
    // Edits as [start, end, replacement], applied from the end so earlier offsets stay valid.
    const edits: [number, number, string][] = [];
    let insertAt = this.root.openEnd;
    for (const name of SECTION_ORDER) {
      const s = this.sections.get(name)!;
      const el = s.el;
      if (el) {
        if (el.selfClosing) {
          // <numFmts count="0"/> → <numFmts count="N">…</numFmts>
          if (s.added.length) edits.push([el.start, el.end, `${withCount(xml.slice(el.start, el.openEnd - 2), s.added.length)}>${s.added.join("")}</${el.qname}>`]);
        } else if (s.added.length) {
          edits.push([el.start, el.openEnd, withCount(xml.slice(el.start, el.openEnd - 1), s.existing + s.added.length) + ">"]);
          edits.push([el.closeStart, el.closeStart, s.added.join("")]);
        }
        insertAt = el.end;
      } else if (s.added.length) {
        edits.push([insertAt, insertAt, `<${p}${name} count="${s.added.length}">${s.added.join("")}</${p}${name}>`]);
      }
    }
    let out = xml;
    // Stable order for insertions at one offset: a later section must land after an earlier one.
    const ordered = edits.map((e, i) => [...e, i] as const).sort((a, b) => b[0] - a[0] || b[3] - a[3]);
    for (const [start, end, text] of ordered) out = out.slice(0, start) + text + out.slice(end);
    return out;
  }
}

/** A start tag (without its closing `>` or `/>`) with its count attribute set to `n` (added when missing). */
function withCount(tag: string, n: number): string {
  const re = /(\scount\s*=\s*)(?:"[^"]*"|'[^']*')/;
  return re.test(tag) ? tag.replace(re, `$1"${n}"`) : `${tag.replace(/\s+$/, "")} count="${n}"`;
}
