/**
 * Copies one worksheet part into another package (folder mode: every submitted 調査票 into one new workbook). The
 * copy keeps what the sheet holds by itself: values, formulas, styles (imported into the target's styles.xml),
 * merges, columns, rows, validations, conditional formats (Excel 2010's and its sparklines too), views and print
 * setup. What needs a part we do not copy (drawings, comments, tables, controls, external links, metadata) is left
 * out and named in `dropped`.
 * One pass over the part, output built as an array of pieces: it stays linear in the size of the sheet.
 * Pure string work: it runs in the browser too.
 */
import { translateFormulaExact } from "../../core/formula/refs";
import { listFormula } from "../../core/input-aids/plan";
import { columnLetters } from "../../core/model/address";
import { rowIndexOf } from "./read-sheet";
import type { StylesAmender } from "./styles-xml";
import { xmlProblem } from "./well-formed";
import { attr, MalformedXml, unescapeXml } from "./xml";
import { plainText, xstringText } from "./xml-text";

export interface SheetSource {
  /** The source worksheet part. */
  readonly xml: string;
  /** The source's shared strings (book.ts SharedStrings#get). */
  readonly sharedString: (i: number) => string;
  /** The same string's runs and furigana as `<is>` content with the given prefix (book.ts SharedStrings#rich). */
  readonly richString?: (i: number, prefix: string) => string | undefined;
  /** The source's styles.xml. */
  readonly stylesXml: string | undefined;
  /**
   * Set when the source counts dates from another day than the target (the 1904 date system of old Mac workbooks):
   * a number in a date format moves by `days` so that it is the same date in the target.
   */
  readonly dateShift?: { readonly days: number; readonly isDate: (style: number) => boolean };
  /**
   * Set when the copy goes into another workbook: what it may keep of references outside the sheet. Without it,
   * formulas are kept as they are (a copy within one workbook, or back into the workbook the sheet came from).
   */
  readonly refs?: RefPolicy;
}

/** References leaving the sheet, as a copy into another workbook may keep them (carry-refs.ts). */
export interface RefPolicy {
  /** `formula` as the target must hold it, or undefined when the target cannot follow what it refers to. */
  formula(formula: string): string | undefined;
  /** The values to list in a list validation whose source the target cannot follow; undefined when there are none to write. */
  list(formula: string): readonly string[] | undefined;
}

export interface CopiedSheet {
  readonly xml: string;
  /**
   * What the copy left out, each named once: element names (`drawing`, `tableParts`, `extLst`, `hyperlink` for a
   * link to a target outside the workbook…), `cm` / `vm` for cell metadata, and `formula A1` for each cell whose
   * formula could not be kept (a structured or external reference, or a shared formula that cannot be moved
   * safely, or one referring to a sheet or name the target does not get): that cell keeps its last calculated
   * value as a constant. `list A1:B2` is a list validation written with its source's values (the source stays
   * behind), `validation A1:B2` and `conditionalFormatting A1:B2` ones left out for the same reason.
   */
  readonly dropped: string[];
}

/** The extLst entry of Excel 2010's data validations (x14:dataValidations). */
export const X14_VALIDATIONS = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}";
/**
 * extLst entries a copy carries as they are, their formulas (`xm:f`) followed as the target must hold them: Excel
 * 2010's conditional formats (data bars, icon sets; their formats inline) and sparklines. Neither points to a part.
 */
const X14_CARRIED = new Set(["{78C0D931-6437-407d-A8EE-F0AAD7539E65}", "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"]);

/** CT_Worksheet's children after <dataValidations>, in schema order. */
const AFTER_VALIDATIONS = new Set([
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
  "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
]);

/** CT_Worksheet children copied as they are: none needs a relationship or a part of the source workbook. */
const KEEP = new Set([
  "dimension",
  "sheetFormatPr",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "mergeCells",
  "phoneticPr",
  "dataValidations",
  "printOptions",
  "pageMargins",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
]);

export interface Tag {
  readonly start: number;
  /** Index after the tag's `>`. */
  readonly end: number;
  readonly qname: string;
  readonly local: string;
  readonly close: boolean;
  readonly empty: boolean;
  /** The tag's text, `<…>`. */
  readonly text: string;
}

function malformed(what: string): MalformedXml {
  return new MalformedXml(`worksheet: ${what}`);
}

/** Index after the `>` of the tag opened at `lt`, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let j = lt + 1; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j + 1;
  }
  throw malformed("unterminated tag");
}

/** The next start, end or empty tag at or after `from`; comments, PIs, CDATA and DOCTYPE are passed over. */
export function nextTag(xml: string, from: number): Tag | undefined {
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return undefined;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 || c === 63) {
      // <!-- -->, <![CDATA[ ]]>, <? ?>, <!DOCTYPE>
      const close = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : c === 63 ? "?>" : ">";
      const k = xml.indexOf(close, lt + 2);
      if (k < 0) throw malformed("unterminated markup");
      i = k + close.length;
      continue;
    }
    const end = tagEnd(xml, lt);
    const close = c === 47;
    let j = lt + (close ? 2 : 1);
    const nameStart = j;
    while (j < end) {
      const d = xml.charCodeAt(j);
      if (d === 32 || d === 9 || d === 10 || d === 13 || d === 47 || d === 62) break;
      j++;
    }
    const qname = xml.slice(nameStart, j);
    const colon = qname.indexOf(":");
    return { start: lt, end, qname, local: colon < 0 ? qname : qname.slice(colon + 1), close, empty: !close && xml.charCodeAt(end - 2) === 47, text: xml.slice(lt, end) };
  }
}

/** Index after the element whose start tag is `open` (nested elements of any name counted). */
function elementEnd(xml: string, open: Tag): number {
  if (open.empty) return open.end;
  let depth = 1;
  let i = open.end;
  for (;;) {
    const t = nextTag(xml, i);
    if (!t) throw malformed(`<${open.qname}> is not closed`);
    if (t.close) depth--;
    else if (!t.empty) depth++;
    if (depth === 0) return t.end;
    i = t.end;
  }
}

/** Direct children of the element opened by `open`, each with its extent, and the index of its end tag. */
export function childrenOf(xml: string, open: Tag): { kids: { tag: Tag; end: number }[]; end: number } {
  const kids: { tag: Tag; end: number }[] = [];
  if (open.empty) return { kids, end: open.end };
  let i = open.end;
  for (;;) {
    const t = nextTag(xml, i);
    if (!t) throw malformed(`<${open.qname}> is not closed`);
    if (t.close) return { kids, end: t.end };
    const end = elementEnd(xml, t);
    kids.push({ tag: t, end });
    i = end;
  }
}

/** Where attribute `name` (unprefixed) sits in a start tag: from the space before it to after its closing quote. */
function attrSpan(tag: string, name: string): [number, number] | undefined {
  let from = 1;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = tag.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = from;
    while (tag.charCodeAt(j) === 32) j++;
    if (tag.charCodeAt(j) !== 61) continue; // =
    j++;
    while (tag.charCodeAt(j) === 32) j++;
    const q = tag[j];
    if (q !== '"' && q !== "'") continue;
    const end = tag.indexOf(q, j + 1);
    return end < 0 ? undefined : [i - 1, end + 1];
  }
}

/** A start tag with attribute `name` set to `value` (escaped here), or removed when value is undefined. */
export function withAttr(tag: string, name: string, value: string | undefined): string {
  const span = attrSpan(tag, name);
  if (value === undefined) return span ? tag.slice(0, span[0]) + tag.slice(span[1]) : tag;
  const text = ` ${name}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"`;
  if (span) return tag.slice(0, span[0]) + text + tag.slice(span[1]);
  const at = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, at).replace(/\s+$/, "") + text + tag.slice(at);
}

/** A start tag without any prefixed `…:id` attribute (a relationship id such as `r:id`). */
function withoutRelId(tag: string): string {
  return tag.replace(/\s[A-Za-z_][\w.-]*:id\s*=\s*(?:"[^"]*"|'[^']*')/g, "");
}

/** Element text as characters (entities and CDATA sections decoded). */
function textOf(raw: string): string {
  if (raw.indexOf("<![CDATA[") < 0) return unescapeXml(raw);
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : unescapeXml(part)))
    .join("");
}

// ---- references ----

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

/** `B12` → { row: 12, col: 2 } (1-based); undefined when it is not a plain cell reference. */
function cellPosition(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]), col: colNumber(m[1]) } : undefined;
}

/** True when a formula can be kept in a package without the source's tables and external links. */
function portable(formula: string): boolean {
  return translateFormulaExact(formula, 0, 0) !== undefined;
}

// ---- the copy ----

class SheetCopier {
  private readonly out: string[] = [];
  private readonly dropped = new Set<string>();
  /** Shared formula masters by si: their text and where they are. */
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();
  private readonly p: string;

  constructor(
    private readonly src: SheetSource,
    private readonly target: StylesAmender,
    private readonly root: Tag,
  ) {
    this.p = root.qname.slice(0, root.qname.length - root.local.length);
  }

  run(): CopiedSheet {
    const { xml } = this.src;
    const out = this.out;
    out.push(transitionalNamespaces(xml.slice(0, this.root.end)));
    if (this.root.empty) return this.result();
    this.x14 = this.src.refs ? this.x14Lists() : undefined;
    let i = this.root.end;
    for (;;) {
      const t = nextTag(xml, i);
      if (!t) throw malformed(`<${this.root.qname}> is not closed`);
      // Lists converted from Excel 2010's form go where <dataValidations> stands in CT_Worksheet's order.
      if (this.x14?.lists.length && (t.close || (t.qname === this.p + t.local && AFTER_VALIDATIONS.has(t.local)))) {
        out.push(`<${this.p}dataValidations count="${this.x14.lists.length}">${this.x14.lists.join("")}</${this.p}dataValidations>`);
        this.x14.lists = [];
      }
      if (t.close) {
        out.push(t.text);
        break;
      }
      if (t.local === "sheetData" && t.qname === this.p + t.local) {
        i = this.sheetData(t);
        continue;
      }
      const end = elementEnd(xml, t);
      i = end;
      if (t.qname !== this.p + t.local) {
        this.dropped.add(t.local); // mc:AlternateContent (controls, OLE objects) and anything foreign
        continue;
      }
      switch (t.local) {
        case "sheetPr":
          this.sheetPr(t);
          break;
        case "sheetViews":
          this.sheetViews(t);
          break;
        case "cols":
          this.cols(t);
          break;
        case "conditionalFormatting":
          this.conditionalFormatting(t);
          break;
        case "hyperlinks":
          this.hyperlinks(t);
          break;
        case "dataValidations":
          this.dataValidations(t);
          break;
        case "extLst":
          if (!this.src.refs) {
            this.extLstAsIs(t);
            break;
          }
          // Excel 2010's list validations were taken into <dataValidations>; its conditional formats and sparklines
          // come along; anything else is left out.
          if (this.x14?.carried.length) out.push(`<${this.p}extLst>${this.x14.carried.join("")}</${this.p}extLst>`);
          if (!this.x14?.whole) this.dropped.add("extLst");
          break;
        case "pageSetup":
          // r:id names the printer settings part, which is not copied.
          out.push(withoutRelId(xml.slice(t.start, end)));
          break;
        default:
          if (KEEP.has(t.local)) out.push(xml.slice(t.start, end));
          else this.dropped.add(t.local);
      }
    }
    return this.result();
  }

  /**
   * What a copy into another workbook takes from the sheet's extLst: Excel 2010's list validations (where Excel
   * writes a list of another sheet's cells, `=リスト!$A$1:$A$3`) as <dataValidation> elements listing the cells'
   * values, and the entries of X14_CARRIED as they are (`carried`); `whole` when that was everything it held.
   */
  private x14: { lists: string[]; carried: string[]; whole: boolean } | undefined;

  private x14Lists(): { lists: string[]; carried: string[]; whole: boolean } {
    const xml = this.src.xml;
    const refs = this.src.refs!;
    const lists: string[] = [];
    const carried: string[] = [];
    let whole = true;
    const ext = xml.lastIndexOf(`<${this.p}extLst`);
    const open = ext > this.root.end ? nextTag(xml, ext) : undefined;
    if (!open || open.close || open.qname !== this.p + "extLst" || open.empty) return { lists, carried, whole };
    const inner = (k: { tag: Tag; end: number }) => (k.tag.empty ? "" : textOf(xml.slice(k.tag.end, xml.lastIndexOf("<", k.end - 1))));
    const kidsOf = (t: Tag) => (t.empty ? [] : childrenOf(xml, t).kids);
    for (const e of kidsOf(open)) {
      const uri = e.tag.local === "ext" ? attr(e.tag.text, "uri") : undefined;
      if (uri !== undefined && X14_CARRIED.has(uri)) {
        const kept = this.withFollowedFormulas(e);
        if (kept === undefined) whole = false;
        else carried.push(kept);
        continue;
      }
      if (uri !== X14_VALIDATIONS) {
        whole = false;
        continue;
      }
      for (const group of kidsOf(e.tag)) {
        for (const v of group.tag.local === "dataValidations" ? kidsOf(group.tag) : [group]) {
          const kids = v.tag.local === "dataValidation" ? kidsOf(v.tag) : [];
          const f = kids.find((k) => k.tag.local === "formula1");
          const formula = f ? kidsOf(f.tag).find((k) => k.tag.local === "f") : undefined;
          const sqref = kids.find((k) => k.tag.local === "sqref");
          const values = attr(v.tag.text, "type") === "list" && formula && sqref ? refs.list(inner(formula)) : undefined;
          if (!values) {
            whole = false;
            continue;
          }
          const where = inner(sqref!).trim();
          // The same attributes, less prefixed ones (xr:uid), with the cells as the sqref attribute.
          const space = v.tag.text.search(/\s/);
          const attrs = (space < 0 ? "" : v.tag.text.slice(space, v.tag.text.length - (v.tag.empty ? 2 : 1))).replace(/\s[\w.-]+:[\w.-]+\s*=\s*(?:"[^"]*"|'[^']*')/g, "");
          const p = this.p;
          lists.push(`<${p}dataValidation${attrs.replace(/\s+$/, "")} sqref="${plainText(where)}"><${p}formula1>${plainText(listFormula(values))}</${p}formula1></${p}dataValidation>`);
          this.dropped.add(`list ${where}`);
        }
      }
    }
    return { lists, carried, whole };
  }

  /**
   * The extLst of a copy that keeps formulas as they are (回収, back into the workbook the sheet came from): Excel
   * 2010's validations, conditional formats and sparklines as they stand. Other entries (slicers, timelines, web
   * extensions) point to parts or relationships the copy does not bring, and are left out.
   */
  private extLstAsIs(t: Tag): void {
    const xml = this.src.xml;
    const kept: string[] = [];
    let whole = true;
    for (const e of t.empty ? [] : childrenOf(xml, t).kids) {
      const uri = e.tag.local === "ext" ? attr(e.tag.text, "uri") : undefined;
      if (uri !== undefined && (X14_CARRIED.has(uri) || uri === X14_VALIDATIONS)) kept.push(xml.slice(e.tag.start, e.end));
      else whole = false;
    }
    if (kept.length) this.out.push(`<${this.p}extLst>${kept.join("")}</${this.p}extLst>`);
    if (!whole) this.dropped.add("extLst");
  }

  /**
   * Element `e` as the copy holds it: each formula (`xm:f`, Excel's own namespace for them) followed as the target
   * must hold it; undefined when one cannot be (a reference the copy does not get).
   */
  private withFollowedFormulas(e: { tag: Tag; end: number }): string | undefined {
    const xml = this.src.xml;
    const pieces: string[] = [];
    let at = e.tag.start;
    for (let t = nextTag(xml, e.tag.end); t && t.start < e.end; t = nextTag(xml, t.end)) {
      if (t.close || t.empty || t.local !== "f" || !t.qname.includes(":")) continue;
      const close = xml.indexOf("<", t.end);
      const text = textOf(xml.slice(t.end, close));
      const kept = this.follow(text);
      if (kept === undefined) return undefined;
      if (kept === text) continue;
      pieces.push(xml.slice(at, t.end), plainText(kept));
      at = close;
    }
    pieces.push(xml.slice(at, e.end));
    return pieces.join("");
  }

  private result(): CopiedSheet {
    return { xml: this.out.join(""), dropped: [...this.dropped] };
  }

  /** Our element `local` among `kids`, in the worksheet's prefix. */
  private ours(tag: Tag, ...locals: string[]): boolean {
    return tag.qname === this.p + tag.local && locals.includes(tag.local);
  }

  /** An element rebuilt from its start tag (rewritten) and the children `keep` returns text for. */
  private rebuild(open: Tag, startTag: string, keep: (kid: { tag: Tag; end: number }) => string | undefined): string {
    if (open.empty) return startTag;
    const { kids } = childrenOf(this.src.xml, open);
    const inner: string[] = [];
    for (const k of kids) {
      const text = keep(k);
      if (text !== undefined) inner.push(text);
    }
    return `${startTag}${inner.join("")}</${open.qname}>`;
  }

  private sheetPr(t: Tag): void {
    const xml = this.src.xml;
    // codeName ties the sheet to the source's VBA project, which is not copied.
    this.out.push(this.rebuild(t, withAttr(t.text, "codeName", undefined), (k) => (this.ours(k.tag, "tabColor", "outlinePr", "pageSetUpPr") ? xml.slice(k.tag.start, k.end) : undefined)));
  }

  private sheetViews(t: Tag): void {
    const xml = this.src.xml;
    this.out.push(
      this.rebuild(t, t.text, (view) => {
        if (!this.ours(view.tag, "sheetView")) return undefined;
        // Only the first sheet of the new workbook is selected; pivot selections need the pivot table.
        return this.rebuild(view.tag, withAttr(view.tag.text, "tabSelected", undefined), (k) => (this.ours(k.tag, "pane", "selection") ? xml.slice(k.tag.start, k.end) : undefined));
      }),
    );
  }

  private cols(t: Tag): void {
    this.out.push(
      this.rebuild(t, t.text, (k) => {
        if (!this.ours(k.tag, "col")) return undefined;
        const style = attr(k.tag.text, "style");
        if (style === undefined) return this.src.xml.slice(k.tag.start, k.end);
        const s = this.style(style);
        return withAttr(k.tag.text, "style", s ? String(s) : undefined);
      }),
    );
  }

  private conditionalFormatting(t: Tag): void {
    const { stylesXml } = this.src;
    if (!stylesXml) {
      this.dropped.add("conditionalFormatting");
      return;
    }
    const xml = this.src.xml;
    let rules = 0;
    const text = this.rebuild(t, t.text, (rule) => {
      if (!this.ours(rule.tag, "cfRule")) return xml.slice(rule.tag.start, rule.end);
      const body = this.withFormulas(rule.tag, rule.end, ["formula"]);
      if (body === undefined) {
        this.dropped.add(`conditionalFormatting ${attr(t.text, "sqref") ?? ""}`.trim());
        return undefined;
      }
      rules++;
      const dxf = attr(rule.tag.text, "dxfId");
      if (dxf === undefined) return rule.tag.text + body;
      const id = this.target.importDxf(stylesXml, Number(dxf));
      return withAttr(rule.tag.text, "dxfId", id === undefined ? undefined : String(id)) + body;
    });
    if (rules) this.out.push(text);
  }

  /**
   * The inside of element `open` (ending at `end`) with the formulas of its children named `locals` as the target
   * must hold them; undefined when one cannot be followed. Without a policy, the inside as it is.
   */
  private withFormulas(open: Tag, end: number, locals: readonly string[], formula = (text: string) => this.follow(text)): string | undefined {
    const xml = this.src.xml;
    if (open.empty) return "";
    if (!this.src.refs) return xml.slice(open.end, end);
    const pieces: string[] = [];
    for (const k of childrenOf(xml, open).kids) {
      const whole = xml.slice(k.tag.start, k.end);
      if (!this.ours(k.tag, ...locals) || k.tag.empty) {
        pieces.push(whole);
        continue;
      }
      const text = textOf(xml.slice(k.tag.end, xml.lastIndexOf("<", k.end - 1)));
      const kept = formula(text);
      if (kept === undefined) return undefined;
      pieces.push(kept === text ? whole : `${k.tag.text}${plainText(kept)}</${k.tag.qname}>`);
    }
    return pieces.join("") + `</${open.qname}>`;
  }

  /**
   * Validations; copied into another workbook, each keeps its formulas when the target can follow them, a list
   * whose source stays behind gets the source's values, and any other is left out.
   */
  private dataValidations(t: Tag): void {
    const xml = this.src.xml;
    const refs = this.src.refs;
    const extra = this.x14?.lists ?? [];
    if (this.x14) this.x14.lists = [];
    if (!refs || t.empty) {
      const p = this.p;
      this.out.push(extra.length ? `<${p}dataValidations count="${extra.length}">${extra.join("")}</${p}dataValidations>` : xml.slice(t.start, elementEnd(xml, t)));
      return;
    }
    let count = 0;
    const text = this.rebuild(t, t.text, (v) => {
      if (!this.ours(v.tag, "dataValidation")) return xml.slice(v.tag.start, v.end);
      const where = attr(v.tag.text, "sqref") ?? "";
      let body = this.withFormulas(v.tag, v.end, ["formula1", "formula2"]);
      if (body === undefined && attr(v.tag.text, "type") === "list") {
        body = this.withFormulas(v.tag, v.end, ["formula1"], (f) => {
          const values = refs.list(f);
          return values ? listFormula(values) : undefined;
        });
        if (body !== undefined) this.dropped.add(`list ${where}`.trim());
      }
      if (body === undefined) {
        this.dropped.add(`validation ${where}`.trim());
        return undefined;
      }
      count++;
      return v.tag.text + body;
    });
    count += extra.length;
    const all = extra.length ? text.slice(0, text.length - `</${t.qname}>`.length) + extra.join("") + `</${t.qname}>` : text;
    if (count) this.out.push(attr(t.text, "count") === undefined ? all : all.replace(t.text, withAttr(t.text, "count", String(count))));
  }

  /** A formula as the target must hold it: undefined when it cannot be followed. */
  private follow(text: string): string | undefined {
    return this.src.refs ? this.src.refs.formula(text) : text;
  }

  private hyperlinks(t: Tag): void {
    const xml = this.src.xml;
    let kept = 0;
    const text = this.rebuild(t, t.text, (k) => {
      // A link within the workbook has a location; one with r:id points outside through a relationship.
      if (!this.ours(k.tag, "hyperlink") || withoutRelId(k.tag.text) !== k.tag.text) {
        this.dropped.add("hyperlink");
        return undefined;
      }
      kept++;
      return xml.slice(k.tag.start, k.end);
    });
    if (kept) this.out.push(text);
  }

  /** The target's cell format for a source `s` (0 when the source has no styles). */
  private style(s: string | undefined): number {
    const { stylesXml } = this.src;
    if (!stylesXml) return 0;
    const n = Number(s ?? 0);
    return this.target.importXf(stylesXml, Number.isInteger(n) && n >= 0 ? n : 0);
  }

  /** Copies <sheetData> row by row; returns the index after it. */
  private sheetData(t: Tag): number {
    const xml = this.src.xml;
    const out = this.out;
    out.push(t.text);
    if (t.empty) return t.end;
    let i = t.end;
    let row = 0;
    for (;;) {
      const r = nextTag(xml, i);
      if (!r) throw malformed("<sheetData> is not closed");
      if (r.close) {
        out.push(r.text);
        return r.end;
      }
      if (!this.ours(r, "row")) {
        i = elementEnd(xml, r);
        this.dropped.add(r.local);
        continue;
      }
      row = rowIndexOf(attr(r.text, "r"), row - 1) + 1;
      i = this.row(r, row);
    }
  }

  private row(r: Tag, rowNum: number): number {
    const xml = this.src.xml;
    const out = this.out;
    const s = attr(r.text, "s");
    const style = s === undefined ? 0 : this.style(s);
    out.push(s === undefined || s === String(style) ? r.text : withAttr(r.text, "s", style ? String(style) : undefined));
    if (r.empty) return r.end;
    let i = r.end;
    let col = 0;
    for (;;) {
      const c = nextTag(xml, i);
      if (!c) throw malformed("<row> is not closed");
      if (c.close) {
        out.push(c.text);
        return c.end;
      }
      if (!this.ours(c, "c")) {
        i = elementEnd(xml, c);
        this.dropped.add(c.local);
        continue;
      }
      const ref = attr(c.text, "r");
      const pos = ref ? cellPosition(ref) : undefined;
      col = pos ? pos.col : col + 1;
      i = this.cell(c, pos?.row ?? rowNum, col, ref ?? columnLetters(col - 1) + rowNum);
    }
  }

  /** Copies one <c>; returns the index after it. */
  private cell(c: Tag, row: number, col: number, ref: string): number {
    const xml = this.src.xml;
    const p = this.p;
    let tag = c.text;
    // Cell and value metadata index the metadata part (dynamic arrays, pictures in cells), not copied.
    if (attrSpan(tag, "cm")) {
      tag = withAttr(tag, "cm", undefined);
      this.dropped.add("cm");
    }
    if (attrSpan(tag, "vm")) {
      tag = withAttr(tag, "vm", undefined);
      this.dropped.add("vm");
    }
    const source = attr(c.text, "s");
    const s = this.style(source);
    if (source !== (s ? String(s) : undefined)) tag = withAttr(tag, "s", s ? String(s) : undefined);
    if (c.empty) {
      this.out.push(tag);
      return c.end;
    }
    let t = attr(c.text, "t");
    let f: string | undefined;
    let v: { raw: string; text: string } | undefined;
    let is: string | undefined;
    const { kids, end } = childrenOf(xml, c);
    for (const k of kids) {
      if (!this.ours(k.tag, "f", "v", "is")) {
        this.dropped.add(k.tag.local);
        continue;
      }
      const inner = k.tag.empty ? "" : xml.slice(k.tag.end, xml.lastIndexOf("<", k.end - 1));
      if (k.tag.local === "f") f = this.formula(k.tag, inner, xml.slice(k.tag.start, k.end), row, col, ref);
      else if (k.tag.local === "v") v = { raw: xml.slice(k.tag.start, k.end), text: inner };
      else is = xml.slice(k.tag.start, k.end);
    }
    const parts: string[] = [];
    const inline = (raw: string) => {
      t = "inlineStr";
      const space = /^\s|\s$|\n/.test(textOf(raw)) ? ` xml:space="preserve"` : "";
      is = `<${p}is><${p}t${space}>${raw}</${p}t></${p}is>`;
      v = undefined;
    };
    const shift = this.src.dateShift;
    if (t === "s" && v) {
      // Shared strings are the source's; the copy carries the text in the cell. `<v/>` indexes nothing: the cell
      // reads as empty, in the source as in the copy.
      const index = textOf(v.text).trim();
      const text = /^\d+$/.test(index) ? xstringText(this.src.sharedString(Number(index))) : undefined;
      // A partly red or bold string, or one with furigana, keeps its runs: CT_Rst is the type of <si> and <is> alike.
      const rich = text !== undefined && !f ? this.src.richString?.(Number(index), p) : undefined;
      if (text === undefined) v = undefined;
      else if (f) {
        t = "str";
        v = { raw: `<${p}v>${text}</${p}v>`, text };
      } else if (rich !== undefined) {
        t = "inlineStr";
        is = `<${p}is>${rich}</${p}is>`;
        v = undefined;
      } else inline(text);
    } else if (t === "str" && f === undefined && v) inline(v.text); // a formula's text result kept as a constant
    else if (shift && v && (t === undefined || t === "n") && shift.isDate(Number(source ?? 0))) {
      const serial = Number(textOf(v.text).trim());
      if (textOf(v.text).trim() !== "" && Number.isFinite(serial)) v = { raw: `<${p}v>${serial + shift.days}</${p}v>`, text: String(serial + shift.days) };
    }
    if (f) parts.push(f);
    if (v) parts.push(v.raw);
    if (is !== undefined) parts.push(is);
    // A shared-string index with nothing to index, or a type with no value left, would not read back.
    if (t === "s" || (!parts.length && t !== undefined)) t = undefined;
    if (t !== attr(c.text, "t")) tag = withAttr(tag, "t", t);
    this.out.push(`${tag.endsWith("/>") ? tag.slice(0, -2).replace(/\s+$/, "") + ">" : tag}${parts.join("")}</${c.qname}>`);
    return end;
  }

  /** The <f> to write for a cell, or undefined when its formula cannot be kept (the cell keeps its value). */
  private formula(f: Tag, inner: string, whole: string, row: number, col: number, ref: string): string | undefined {
    const type = attr(f.text, "t");
    const text = textOf(inner);
    let formula: string | undefined;
    if (type === "shared") {
      const si = attr(f.text, "si") ?? "";
      if (text.trim() !== "") {
        this.masters.set(si, { formula: text, row, col });
        formula = translateFormulaExact(text, 0, 0);
      } else {
        const m = this.masters.get(si);
        formula = m ? translateFormulaExact(m.formula, row - m.row, col - m.col) : undefined;
      }
      if (formula !== undefined) formula = this.follow(formula);
      if (formula !== undefined) {
        // Each cell gets its own formula: the group's ref and si mean nothing in the new sheet.
        const ca = /^(1|true)$/.test(attr(f.text, "ca") ?? "") ? ` ca="1"` : "";
        return `<${f.qname}${ca}>${plainText(formula)}</${f.qname}>`;
      }
    } else if (type === "dataTable") return whole;
    else if (portable(text)) {
      const kept = this.follow(text);
      if (kept === text) return whole;
      if (kept !== undefined) return `${f.text}${plainText(kept)}</${f.qname}>`;
    }
    this.dropped.add(`formula ${ref}`);
    return undefined;
  }
}

/** Strict OOXML's worksheet namespaces and the Transitional ones a copy declares instead. */
const STRICT_TO_TRANSITIONAL: ReadonlyMap<string, string> = new Map([
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"],
]);

/**
 * The start of a sheet (declaration and root tag) with Strict's namespaces declared as Transitional's: a sheet from
 * a workbook saved as Strict Open XML is copied into a Transitional workbook (the only kind the adapter writes
 * into), and Strict's worksheet vocabulary is a subset of Transitional's.
 */
function transitionalNamespaces(head: string): string {
  return head.replace(/(\sxmlns(?::[\w.-]+)?\s*=\s*)(["'])([^"']*)\2/g, (whole, decl: string, q: string, uri: string) => {
    const to = STRICT_TO_TRANSITIONAL.get(uri);
    return to ? `${decl}${q}${to}${q}` : whole;
  });
}

/**
 * The worksheet XML for the target package: every cell's `s` remapped through target.importXf, shared-string
 * cells as inline strings, shared formulas expanded for each cell (relative references moved, `$` ones kept),
 * array formulas as they are; columns, rows, merges, validations, conditional formats (their dxfs imported),
 * views (not selected), print setup and protection kept; what needs a part the copy does not carry is dropped and
 * named. Elements keep CT_Worksheet's order (the source's, less what is dropped).
 */
export function copySheetXml(src: SheetSource, target: StylesAmender): CopiedSheet {
  // The copier follows tags, not a tree: a source it could step through but that is not XML would be copied broken.
  const problem = xmlProblem(src.xml);
  if (problem) throw malformed(problem);
  const root = nextTag(src.xml, 0);
  if (!root || root.close || root.local !== "worksheet") throw malformed(`root is not <worksheet>`);
  return new SheetCopier(src, target, root).run();
}
