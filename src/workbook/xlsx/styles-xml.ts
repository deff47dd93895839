/**
 * Amends a workbook's styles.xml with the cell formats a generated sheet needs. Existing records stay byte for byte
 * at their indexes (cells elsewhere in the workbook point at them by index); new fonts, fills, borders, number
 * formats and cell formats are appended, and only the `count` attributes of the sections we append to change.
 * Pure string work: it runs in the browser too.
 */
import type { CellStyle } from "../../core/sheet-spec";
import { withAttr } from "./copy-sheet";
import { MalformedXml } from "./xml";
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
  throw new MalformedXml("styles.xml: unterminated tag");
}

/** Skips a comment, PI, CDATA or DOCTYPE at `i`; returns the index after it, or -1 when `i` starts none of these. */
function skipMarkup(xml: string, i: number): number {
  const close = (token: string, from: number) => {
    const k = xml.indexOf(token, from);
    if (k < 0) throw new MalformedXml("styles.xml: unterminated markup");
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
  throw new MalformedXml(`styles.xml: <${qname}> is not closed`);
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
    if (lt < 0) throw new MalformedXml("styles.xml: no root element");
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
  /** The last source styles.xml importXf/importDxf read (folder mode copies many sheets from one workbook in a row). */
  private source?: SourceStyles;
  /** Record text → index per section, for importXf's dedupe (existing records included), built on first use. */
  private readonly recordIndex = new Map<Section, Map<string, number>>();

  /** xml: the workbook's styles.xml text, or undefined when the package has none (then start from a minimal valid stylesheet). */
  constructor(xml: string | undefined) {
    this.created = xml === undefined;
    this.original = xml ?? MINIMAL_STYLES;
    let root = rootElement(this.original);
    if (root.local !== "styleSheet") throw new MalformedXml(`styles.xml: root is <${root.qname}>, not <styleSheet>`);
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

  /** Records appended so far: a caller that wrote toXml() at some count knows whether the text it wrote is still this. */
  get appends(): number {
    return this.appendCount;
  }

  private appendCount = 0;

  private add(section: Section, record: string): number {
    const s = this.sections.get(section)!;
    s.added.push(record);
    this.appended = true;
    this.appendCount++;
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
   * Index into <cellXfs> of cell format `index` with the cell unlocked (<protection locked="0"/>, applyProtection),
   * everything else as it was, so protecting the sheet leaves the cell editable and looking the same; `index` itself
   * when that format already unlocks. Input aids (input-aids-xml.ts).
   */
  unlockedXf(index: number): number {
    const own = this.cellXfText(index);
    const text = own ?? this.cellXfText(0) ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const unlocked = withUnlocked(text, this.p);
    return own !== undefined && unlocked === text ? index : this.recordId("cellXfs", unlocked);
  }

  /** Cell format `index` leaves its cell unlocked (<protection locked="0"/>): a protected sheet still lets it be typed in. */
  unlocks(index: number): boolean {
    const text = this.cellXfText(index) ?? this.cellXfText(0);
    return text !== undefined && UNLOCKED.test(text);
  }

  /** Index into <dxfs> of a solid fill of `fill` (#RRGGBB), for a conditional format; equal fills share one record. */
  fillDxf(fill: string): number {
    const p = this.p;
    const c = argb(fill);
    return this.recordId("dxfs", `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${c}"/><${p}bgColor rgb="${c}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  private cellXfRecords?: El[];

  /** The text of the cell format at `index`, in the file or appended; undefined past the end. */
  private cellXfText(index: number): string | undefined {
    const s = this.sections.get("cellXfs")!;
    if (!(index >= 0)) return undefined;
    if (index >= s.existing) return s.added[index - s.existing];
    this.cellXfRecords ??= s.el && !s.el.selfClosing ? childrenOf(this.xml, s.el) : [];
    const r = this.cellXfRecords[index];
    return r ? this.xml.slice(r.start, r.end) : undefined;
  }

  /**
   * Index into <cellXfs> for the source workbook's cell format `index`: its font, fill, border and number format
   * (a custom code gets a number format id of this workbook), alignment and protection are appended here unless an
   * equal record exists. The result shows as the source does in Excel, which reads an xf's own ids; its parent is
   * this workbook's Normal style, so the apply flags are set for every part that is not the default.
   */
  importXf(sourceStylesXml: string, index: number): number {
    const src = this.sourceOf(sourceStylesXml);
    const known = src.xfMemo.get(index);
    if (known !== undefined) return known;
    const el = src.cellXfs[index];
    let id = 0;
    if (el) {
      const a = (name: string) => attrOf(src.xml, el, name);
      const numFmtId = this.importNumFmt(src, Number(a("numFmtId") ?? 0));
      const fontId = this.importRecord("fonts", src, src.fonts[Number(a("fontId") ?? 0)]);
      const fillId = this.importRecord("fills", src, src.fills[Number(a("fillId") ?? 0)]);
      const borderId = this.importRecord("borders", src, src.borders[Number(a("borderId") ?? 0)]);
      const kids = el.selfClosing ? [] : childrenOf(src.xml, el);
      // CT_Xf: alignment, then protection (extLst is dropped: it may use prefixes declared only in the source).
      const align = kids.find((k) => k.local === "alignment" && k.qname === `${src.p}alignment`);
      const prot = kids.find((k) => k.local === "protection" && k.qname === `${src.p}protection`);
      const inner = [align, prot].map((k) => (k ? reprefix(src.xml.slice(k.start, k.end), src.p, this.p) : "")).join("");
      const flags = [
        numFmtId ? ` applyNumberFormat="1"` : "",
        fontId ? ` applyFont="1"` : "",
        fillId ? ` applyFill="1"` : "",
        borderId ? ` applyBorder="1"` : "",
        align ? ` applyAlignment="1"` : "",
        prot ? ` applyProtection="1"` : "",
        /^(1|true)$/.test(a("quotePrefix") ?? "") ? ` quotePrefix="1"` : "",
      ].join("");
      const p = this.p;
      const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${flags}`;
      id = this.recordId("cellXfs", inner ? `${head}>${inner}</${p}xf>` : `${head}/>`);
    } else if (index !== 0 && src.cellXfs.length) id = this.importXf(sourceStylesXml, 0); // a dangling index shows as the default
    src.xfMemo.set(index, id);
    return id;
  }

  /** Index into <dxfs> for the source's differential format `index` (conditional formats); undefined when it has none. */
  importDxf(sourceStylesXml: string, index: number): number | undefined {
    const src = this.sourceOf(sourceStylesXml);
    if (src.dxfMemo.has(index)) return src.dxfMemo.get(index);
    const el = src.dxfs[index];
    let id: number | undefined;
    if (el) {
      const p = this.p;
      const parts: string[] = [];
      for (const k of el.selfClosing ? [] : childrenOf(src.xml, el)) {
        if (k.qname !== src.p + k.local || !DXF_CHILDREN.has(k.local)) continue;
        let text = reprefix(src.xml.slice(k.start, k.end), src.p, p);
        if (k.local === "numFmt") {
          // A dxf's number format names its code; its id is made to agree with this workbook's numFmts.
          const code = attrOf(src.xml, k, "formatCode");
          if (code === undefined) continue;
          text = `<${p}numFmt numFmtId="${this.numFmt(code)}" formatCode="${attr(code)}"/>`;
        }
        parts.push(text);
      }
      id = this.recordId("dxfs", `<${p}dxf>${parts.join("")}</${p}dxf>`);
    }
    src.dxfMemo.set(index, id);
    return id;
  }

  private sourceOf(xml: string): SourceStyles {
    if (this.source?.xml !== xml) this.source = readSourceStyles(xml);
    return this.source;
  }

  private importNumFmt(src: SourceStyles, id: number): number {
    const code = src.numFmts.get(id);
    if (code !== undefined) return this.numFmt(code);
    // Ids below 164 without a record are built in: the same id means the same format here.
    return Number.isInteger(id) && id >= 0 && id < 164 ? id : 0;
  }

  private importRecord(section: Section, src: SourceStyles, el: El | undefined): number {
    return el ? this.recordId(section, reprefix(src.xml.slice(el.start, el.end), src.p, this.p)) : 0;
  }

  /** The index of a record with exactly this text, appended when there is none. */
  private recordId(section: Section, text: string): number {
    let index = this.recordIndex.get(section);
    if (!index) {
      index = new Map();
      const s = this.sections.get(section)!;
      const records = s.el && !s.el.selfClosing ? childrenOf(this.xml, s.el) : [];
      records.forEach((r, i) => {
        const t = this.xml.slice(r.start, r.end);
        if (!index!.has(t)) index!.set(t, i);
      });
      s.added.forEach((t, i) => {
        if (!index!.has(t)) index!.set(t, s.existing + i);
      });
      this.recordIndex.set(section, index);
    }
    const known = index.get(text);
    if (known !== undefined) return known;
    const id = this.add(section, text);
    index.set(text, id);
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

/** A cell format's <protection> that unlocks its cell. */
const UNLOCKED = /<(?:[\w.-]+:)?protection\b[^>]*\slocked\s*=\s*["'](?:0|false)["']/;

/**
 * An <xf> record that unlocks its cell: its <protection> says locked="0" (added after <alignment>, CT_Xf's order) and
 * applyProtection="1"; every other attribute and child kept.
 */
function withUnlocked(xf: string, p: string): string {
  const unlocked = UNLOCKED.test(xf);
  const applied = /^<[^>]*\sapplyProtection\s*=\s*["'](?:1|true)["']/.test(xf);
  if (unlocked && applied) return xf;
  const startEnd = xf.indexOf(">") + 1;
  const qname = /^<([^\s/>]+)/.exec(xf)![1];
  const start = withAttr(xf.slice(0, startEnd), "applyProtection", "1");
  if (start.endsWith("/>")) return `${start.slice(0, -2).replace(/\s+$/, "")}><${p}protection locked="0"/></${qname}>`;
  const ep = p.replace(/[.-]/g, "\\$&");
  let body = xf.slice(startEnd);
  const prot = new RegExp(`<${ep}protection\\b[^>]*>`).exec(body);
  if (prot) body = body.slice(0, prot.index) + withAttr(prot[0], "locked", "0") + body.slice(prot.index + prot[0].length);
  else {
    const align = new RegExp(`<${ep}alignment\\b[^>]*?(?:/>|>[\\s\\S]*?</${ep}alignment>)`).exec(body);
    const at = align ? align.index + align[0].length : 0;
    body = `${body.slice(0, at)}<${p}protection locked="0"/>${body.slice(at)}`;
  }
  return start + body;
}

/** CT_Dxf's children we copy (extLst is left out). */
const DXF_CHILDREN = new Set(["font", "numFmt", "fill", "alignment", "protection", "border"]);

/** A source workbook's styles.xml, indexed once for importXf / importDxf, with what was imported from it so far. */
interface SourceStyles {
  readonly xml: string;
  readonly p: string;
  readonly numFmts: ReadonlyMap<number, string>;
  readonly fonts: readonly El[];
  readonly fills: readonly El[];
  readonly borders: readonly El[];
  readonly cellXfs: readonly El[];
  readonly dxfs: readonly El[];
  readonly xfMemo: Map<number, number>;
  readonly dxfMemo: Map<number, number | undefined>;
}

function readSourceStyles(xml: string): SourceStyles {
  const root = rootElement(xml);
  const colon = root.qname.indexOf(":");
  const p = colon < 0 ? "" : root.qname.slice(0, colon + 1);
  const sections = root.selfClosing ? [] : childrenOf(xml, root);
  const records = (name: string) => {
    const el = sections.find((c) => c.qname === p + name);
    const out: El[] = [];
    for (const r of el && !el.selfClosing ? childrenOf(xml, el) : []) {
      if (r.qname === p + r.local) out.push(r);
      else if (r.local === "AlternateContent" && !r.selfClosing) {
        // One record in mc:AlternateContent (POI's Hancom files): its Fallback is the plain SpreadsheetML one.
        const fallback = childrenOf(xml, r).find((k) => k.local === "Fallback" && !k.selfClosing);
        const rec = fallback && childrenOf(xml, fallback).find((k) => k.qname === p + k.local);
        if (rec) out.push(rec);
      }
    }
    return out;
  };
  const numFmts = new Map<number, string>();
  for (const r of records("numFmts")) {
    const id = Number(attrOf(xml, r, "numFmtId"));
    const code = attrOf(xml, r, "formatCode");
    if (Number.isInteger(id) && code !== undefined) numFmts.set(id, code);
  }
  return {
    xml,
    p,
    numFmts,
    fonts: records("fonts"),
    fills: records("fills"),
    borders: records("borders"),
    cellXfs: records("cellXfs"),
    dxfs: records("dxfs"),
    xfMemo: new Map(),
    dxfMemo: new Map(),
  };
}

/** A record's text with its element prefix changed from `from` to `to` ("" = none); other prefixes are left alone. */
function reprefix(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text.replace(/<(\/?)([A-Za-z_][\w.-]*:)?(?=[A-Za-z_])/g, (m, slash: string, prefix: string | undefined) => ((prefix ?? "") === from ? `<${slash}${to}` : m));
}
