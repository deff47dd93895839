/**
 * Input aids (docs/input-aids.md) written into a worksheet part in place: list validations and input messages in
 * <dataValidations>, a highlight on empty required cells as <conditionalFormatting> (a containsBlanks rule with a
 * dxf fill), and optionally <sheetProtection> with the input cells' formats copied unlocked. Each element goes
 * where CT_Worksheet puts it; everything else in the part stays as it was, and no cell value changes.
 * Pure string work: it runs in the browser too.
 */
import { translateFormulaExact } from "../../core/formula/refs";
import { listFormula } from "../../core/input-aids/plan";
import type { InputValidation, SheetInputAids } from "../../core/input-aids/types";
import { type CellRange, parseRangeA1, rangeToA1, toA1 } from "../../core/model/address";
import { childrenOf, nextTag, type Tag, withAttr, X14_VALIDATIONS } from "./copy-sheet";
import { parseRef, rowIndexOf } from "./read-sheet";
import type { StylesAmender } from "./styles-xml";
import { attr, findTag, MalformedXml, tagAt, unescapeXml } from "./xml";
import { plainText, xstringAttr } from "./xml-text";

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Protection as Excel sets it without a password: objects and scenarios protected, every cell selectable. */
const PROTECTION = `sheet="1" objects="1" scenarios="1"`;

export function applyInputAidsXml(xml: string, aids: SheetInputAids, styles: StylesAmender): string {
  const unlocked = aids.unlocked?.length ? unlockCells(xml, aids.unlocked, styles) : xml;
  return amendElements(unlocked, aids, styles);
}

// ---- unlocking: each input cell gets a copy of its own format with locked="0"

/**
 * The sheet with every cell of `ranges` unlocked; a cell without an element gets one, formatted as its row or column.
 * One pass over sheetData, whatever the number of cells: a merged input area may hold thousands of them.
 */
function unlockCells(xml: string, ranges: readonly CellRange[], styles: StylesAmender): string {
  const p = prefixOf(xml);
  const targets = new Map<number, Set<number>>(); // row → columns
  for (const r of ranges) {
    for (let row = r.top; row <= r.bottom; row++) {
      let cols = targets.get(row);
      if (!cols) targets.set(row, (cols = new Set()));
      for (let col = r.left; col <= r.right; col++) cols.add(col);
    }
  }
  const data = sheetRows(xml, p);
  const colStyle = columnStyles(xml, p, data.at);
  const edits: Edit[] = [];
  const edit = (start: number, end: number, text: string) => edits.push({ start, end, text, seq: edits.length });
  /** New `<c>` elements for the columns no element holds, in column order; those whose format is already unlocked are left out. */
  const newCells = (row: number, cols: readonly number[], rowStyle: number | undefined): string =>
    cols
      .map((col) => {
        const base = rowStyle ?? colStyle(col);
        const u = styles.unlockedXf(base);
        return u === base ? "" : `<${p}c r="${toA1(row, col)}" s="${u}"/>`;
      })
      .join("");
  const wanted = [...targets.keys()].sort((a, b) => a - b);
  let next = 0; // the next wanted row not yet placed
  const newRowsBefore = (at: number, limit: number): void => {
    for (; next < wanted.length && wanted[next] < limit; next++) {
      const row = wanted[next];
      const cells = newCells(row, [...targets.get(row)!].sort((a, b) => a - b), undefined);
      if (cells) edit(at, at, `<${p}row r="${row + 1}">${cells}</${p}row>`);
    }
  };
  for (const r of data.rows) {
    newRowsBefore(r.start, r.index);
    const cols = targets.get(r.index);
    if (next < wanted.length && wanted[next] === r.index) next++;
    if (!cols) continue;
    const rowStyle = /^(1|true)$/.test(attr(r.tag, "customFormat") ?? "") ? Number(attr(r.tag, "s") ?? 0) || 0 : undefined;
    const missing: number[] = [];
    for (const col of [...cols].sort((a, b) => a - b)) {
      const c = r.cells.get(col);
      if (c) {
        const s = Number(attr(c.tag, "s") ?? 0) || 0;
        const u = styles.unlockedXf(s);
        if (u !== s) edit(c.start, c.start + c.tag.length, withAttr(c.tag, "s", String(u)));
      } else missing.push(col);
    }
    if (missing.length === 0) continue;
    if (r.selfClosing) {
      // <row r="8" s="2" customFormat="1"/> becomes <row …>cells</row>, its attributes kept.
      const cells = newCells(r.index, missing, rowStyle);
      if (cells) edit(r.start, r.start + r.tag.length, `${r.tag.replace(/\s*\/>$/, ">")}${cells}</${p}row>`);
      continue;
    }
    // Each missing cell goes before the first element of a later column, else at the row's end.
    const later = [...r.cells.entries()].sort((a, b) => a[0] - b[0]);
    for (const col of missing) {
      const after = later.find(([c]) => c > col);
      const cell = newCells(r.index, [col], rowStyle);
      if (cell) edit(after ? after[1].start : r.close, after ? after[1].start : r.close, cell);
    }
  }
  if (data.selfClosing) {
    const before = edits.length;
    newRowsBefore(0, Infinity);
    const rows = edits.splice(before).map((e) => e.text).join("");
    if (rows) edit(data.at, data.at + data.tag.length, `${data.tag.replace(/\s*\/>$/, ">")}${rows}</${p}sheetData>`);
  } else newRowsBefore(data.close, Infinity);
  return applyAll(xml, edits);
}

interface SheetRow {
  readonly index: number;
  readonly start: number;
  readonly tag: string;
  readonly selfClosing: boolean;
  /** Where `</row>` starts (the tag's end for a self-closing row). */
  readonly close: number;
  /** The row's cells by column: where each `<c>` starts, and its opening tag. */
  readonly cells: Map<number, { readonly start: number; readonly tag: string }>;
}

/** The rows of sheetData, read once, counted as the reader counts them. */
function sheetRows(xml: string, p: string): { at: number; tag: string; selfClosing: boolean; close: number; rows: SheetRow[] } {
  const at = findTag(xml, `${p}sheetData`, 0);
  if (at < 0) throw new MalformedXml("worksheet: no <sheetData>");
  const data = tagAt(xml, at);
  const rows: SheetRow[] = [];
  if (data.selfClosing) return { at, tag: data.tag, selfClosing: true, close: data.end, rows };
  const stop = xml.indexOf(`</${p}sheetData>`, data.end);
  if (stop < 0) throw new MalformedXml("worksheet: <sheetData> is not closed");
  let index = -1;
  for (let i = data.end; ; ) {
    const rAt = findTag(xml, `${p}row`, i, stop);
    if (rAt < 0) break;
    const r = tagAt(xml, rAt);
    index = rowIndexOf(attr(r.tag, "r"), index);
    const close = r.selfClosing ? r.end : xml.indexOf(`</${p}row>`, r.end);
    if (close < 0 || close > stop) throw new MalformedXml("worksheet: <row> is not closed");
    const cells = new Map<number, { start: number; tag: string }>();
    let col = -1;
    for (let j = r.end; !r.selfClosing; ) {
      const cAt = findTag(xml, `${p}c`, j, close);
      if (cAt < 0) break;
      const c = tagAt(xml, cAt);
      const ref = attr(c.tag, "r");
      col = ref ? (parseRef(ref)?.col ?? col + 1) : col + 1;
      if (!cells.has(col)) cells.set(col, { start: cAt, tag: c.tag });
      j = c.end;
    }
    rows.push({ index, start: rAt, tag: r.tag, selfClosing: r.selfClosing, close, cells });
    i = r.selfClosing ? r.end : close;
  }
  return { at, tag: data.tag, selfClosing: false, close: stop, rows };
}

/** The format of a column (`<col style>`), 0 for one <cols> does not cover. */
function columnStyles(xml: string, p: string, dataAt: number): (col: number) => number {
  const colsAt = findTag(xml, `${p}cols`, 0, dataAt < 0 ? xml.length : dataAt);
  const spans: { min: number; max: number; style: number }[] = [];
  if (colsAt >= 0) {
    const colsEnd = xml.indexOf(`</${p}cols>`, colsAt);
    for (let j = colsAt + 1; ; ) {
      const at = findTag(xml, `${p}col`, j, colsEnd < 0 ? colsAt + 1 : colsEnd);
      if (at < 0) break;
      const c = tagAt(xml, at);
      spans.push({ min: Number(attr(c.tag, "min")), max: Number(attr(c.tag, "max")), style: Number(attr(c.tag, "style") ?? 0) || 0 });
      j = c.end;
    }
  }
  return (col) => spans.find((s) => col + 1 >= s.min && col + 1 <= s.max)?.style ?? 0;
}

/**
 * The edits applied in one pass. They never overlap; at one place, insertions come before a replacement that starts
 * there (a new cell before the next existing one, whose tag is rewritten) and keep the order they were made.
 */
function applyAll(xml: string, edits: readonly Edit[]): string {
  const replaces = (e: Edit) => (e.end > e.start ? 1 : 0);
  const sorted = [...edits].sort((a, b) => a.start - b.start || replaces(a) - replaces(b) || a.seq - b.seq);
  const out: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    out.push(xml.slice(pos, e.start), e.text);
    pos = Math.max(pos, e.end);
  }
  out.push(xml.slice(pos));
  return out.join("");
}

// ---- the elements after <sheetData>

interface Child {
  readonly tag: Tag;
  readonly end: number;
}

/** One change to the part: replace [start, end) by text; `seq` keeps insertions at one place in the order made. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly seq: number;
}

function prefixOf(xml: string): string {
  const root = nextTag(xml, 0);
  if (!root || root.close || root.local !== "worksheet") throw new MalformedXml("worksheet: root is not <worksheet>");
  return root.qname.slice(0, root.qname.length - root.local.length);
}

function amendElements(xml: string, aids: SheetInputAids, styles: StylesAmender): string {
  const root = nextTag(xml, 0)!;
  const p = prefixOf(xml);
  const kids: Child[] = childrenOf(xml, root).kids.filter((k) => k.tag.qname === p + k.tag.local);
  const edits: Edit[] = [];
  const edit = (start: number, end: number, text: string) => edits.push({ start, end, text, seq: edits.length });
  /** After the last child that CT_Worksheet puts at or before `local`. */
  const placeOf = (local: string): number => {
    const want = WORKSHEET_ORDER.indexOf(local);
    let at = root.end;
    for (const k of kids) {
      const i = WORKSHEET_ORDER.indexOf(k.tag.local);
      if (i >= 0 && i <= want) at = k.end;
    }
    return at;
  };

  if (aids.unlocked?.length) {
    const existing = kids.find((k) => k.tag.local === "sheetProtection");
    const text = `<${p}sheetProtection ${PROTECTION}/>`;
    if (existing) edit(existing.tag.start, existing.end, text);
    else edit(placeOf("sheetProtection"), placeOf("sheetProtection"), text);
  }

  if (aids.highlights.length) {
    const mine = aids.highlights.map((h) => h.range);
    let priority = 0;
    for (const k of kids) {
      if (k.tag.local !== "conditionalFormatting") continue;
      const text = xml.slice(k.tag.start, k.end);
      for (const m of text.matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) priority = Math.max(priority, Number(m[1]));
      // The add-in's own highlight set before on these cells is replaced, not stacked.
      const ours = highlightRange(text, p);
      if (ours && mine.some((r) => overlaps(r, ours))) edit(k.tag.start, k.end, "");
    }
    const at = placeOf("conditionalFormatting");
    const blocks = aids.highlights.map((h) => {
      const dxf = styles.fillDxf(h.fill);
      const ref = rangeToA1(h.range);
      const tl = toA1(h.range.top, h.range.left);
      return `<${p}conditionalFormatting sqref="${ref}"><${p}cfRule type="containsBlanks" dxfId="${dxf}" priority="${++priority}"><${p}formula>LEN(TRIM(${tl}))=0</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    });
    edit(at, at, blocks.join(""));
  }

  if (aids.validations.length) {
    const mine = aids.validations.map((v) => v.range);
    const ours = groupValidations(aids.validations).map((g) => validationXml(p, g.v, g.ranges));
    const existing = kids.find((k) => k.tag.local === "dataValidations");
    if (existing) {
      const kept: string[] = [];
      for (const dv of childrenOf(xml, existing.tag).kids) {
        const text = xml.slice(dv.tag.start, dv.end);
        const rest = dv.tag.qname === `${p}dataValidation` ? withoutCells(text, dv.tag, mine) : text;
        if (rest) kept.push(rest);
      }
      const all = [...kept, ...ours];
      edit(existing.tag.start, existing.end, `${withAttr(existing.tag.text.replace(/\s*\/>$/, ">"), "count", String(all.length))}${all.join("")}</${existing.tag.qname}>`);
    } else {
      const at = placeOf("dataValidations");
      edit(at, at, `<${p}dataValidations count="${ours.length}">${ours.join("")}</${p}dataValidations>`);
    }
    const extLst = kids.find((k) => k.tag.local === "extLst");
    const trimmed = extLst ? extLstWithout(xml, extLst, mine) : undefined;
    if (extLst && trimmed !== undefined) edit(extLst.tag.start, extLst.end, trimmed);
  }

  return applyAll(xml, edits);
}

/** The range of a highlight the add-in wrote (one containsBlanks rule on `LEN(TRIM(top-left))=0`), else undefined. */
function highlightRange(text: string, p: string): CellRange | undefined {
  const ep = p.replace(/[.-]/g, "\\$&");
  const m = new RegExp(
    `^<${ep}conditionalFormatting\\b[^>]*>\\s*<${ep}cfRule\\b([^>]*)>\\s*<${ep}formula>([^<]*)</${ep}formula>\\s*</${ep}cfRule>\\s*</${ep}conditionalFormatting>$`,
  ).exec(text);
  if (!m || attr(`<r${m[1]}>`, "type") !== "containsBlanks") return undefined;
  const sqref = attr(text.slice(0, text.indexOf(">") + 1), "sqref") ?? "";
  const range = parseRangeA1(sqref.trim());
  if (!range || /\s/.test(sqref.trim())) return undefined;
  return unescapeXml(m[2]).replace(/\$/g, "") === `LEN(TRIM(${toA1(range.top, range.left)}))=0` ? range : undefined;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** `a` less `b`: up to four rectangles (the bands above and below, the parts left and right), in reading order. */
function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (!overlaps(a, b)) return [a];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  return out;
}

/**
 * A sqref's ranges (`items`) with the add-in's cells taken out: undefined when it has none of them; otherwise what
 * is left, and how far the top-left cell moved (the anchor of relative references in the validation's formulas).
 */
function sqrefWithout(items: readonly string[], mine: readonly CellRange[]): { rest: string[]; dr: number; dc: number } | undefined {
  const parsed = items.map((s) => parseRangeA1(s.replace(/\$/g, "")));
  if (!parsed.some((r) => r && mine.some((m) => overlaps(r, m)))) return undefined;
  const rest: string[] = [];
  let newFirst: CellRange | undefined;
  items.forEach((item, i) => {
    const r = parsed[i];
    if (!r) {
      rest.push(item);
      return;
    }
    let pieces = [r];
    for (const m of mine) pieces = pieces.flatMap((x) => subtract(x, m));
    for (const x of pieces) {
      newFirst ??= x;
      rest.push(rangeToA1(x));
    }
  });
  const oldFirst = parsed[0];
  const moved = oldFirst && newFirst && (oldFirst.top !== newFirst.top || oldFirst.left !== newFirst.left);
  return { rest, dr: moved ? newFirst!.top - oldFirst.top : 0, dc: moved ? newFirst!.left - oldFirst.left : 0 };
}

/** `body` with the text of every element matched by `formulas` moved by (dr, dc); undefined when one cannot be. */
function movedFormulas(body: string, formulas: RegExp, dr: number, dc: number): string | undefined {
  if (!dr && !dc) return body;
  let failed = false;
  const out = body.replace(formulas, (_m, open: string, inner: string, close: string) => {
    const moved = translateFormulaExact(unescapeXml(inner), dr, dc);
    if (moved === undefined) failed = true;
    return `${open}${plainText(moved ?? "")}${close}`;
  });
  return failed ? undefined : out;
}

const MAIN_FORMULAS = /(<(?:[\w.-]+:)?formula[12]>)([^<]*)(<\/(?:[\w.-]+:)?formula[12]>)/g;
// Excel 2010's validations hold each formula in an <xm:f> inside <x14:formula1>.
const X14_FORMULAS = /(<(?:[\w.-]+:)?f>)([^<]*)(<\/(?:[\w.-]+:)?f>)/g;

/**
 * A user's validation with the add-in's cells taken out of its sqref (Excel too keeps one validation per cell):
 * the element as it was when it has none of them, "" when it has nothing else. Relative references in its formulas
 * move with the range's top-left cell, as Excel reads them from there; a formula that cannot be moved keeps the
 * validation as it was.
 */
function withoutCells(text: string, tag: Tag, mine: readonly CellRange[]): string {
  const left = sqrefWithout((attr(tag.text, "sqref") ?? "").trim().split(/\s+/).filter(Boolean), mine);
  if (!left) return text;
  if (left.rest.length === 0) return "";
  const body = movedFormulas(text.slice(tag.end - tag.start), MAIN_FORMULAS, left.dr, left.dc);
  return body === undefined ? text : withAttr(tag.text, "sqref", left.rest.join(" ")) + body;
}

/**
 * The sheet's extLst with the add-in's cells taken out of Excel 2010's validations (x14:dataValidation, where Excel
 * keeps a list of another sheet's cells, `=リスト!$A$1:$A$3`), as withoutCells does for the others: without this a
 * dropdown cell of a template would hold two validations. A validation left with no cells goes, and so do the
 * entry and the extLst when nothing is left in them. Undefined when nothing changes.
 */
function extLstWithout(xml: string, extLst: Child, mine: readonly CellRange[]): string | undefined {
  const slice = (k: Child) => xml.slice(k.tag.start, k.end);
  const inner = (k: Child) => xml.slice(k.tag.end, xml.lastIndexOf("<", k.end - 1));
  const open = (k: Child) => k.tag.text.replace(/\s*\/>$/, ">");
  const close = (k: Child) => `</${k.tag.qname}>`;
  let changed = false;
  const entries: string[] = [];
  for (const ext of extLst.tag.empty ? [] : childrenOf(xml, extLst.tag).kids) {
    if (ext.tag.local !== "ext" || attr(ext.tag.text, "uri") !== X14_VALIDATIONS || ext.tag.empty) {
      entries.push(slice(ext));
      continue;
    }
    const groups: string[] = [];
    for (const group of childrenOf(xml, ext.tag).kids) {
      if (group.tag.local !== "dataValidations" || group.tag.empty) {
        groups.push(slice(group));
        continue;
      }
      const kept: string[] = [];
      for (const v of childrenOf(xml, group.tag).kids) {
        const sqref = v.tag.local === "dataValidation" && !v.tag.empty ? childrenOf(xml, v.tag).kids.find((k) => k.tag.local === "sqref") : undefined;
        const left = sqref ? sqrefWithout(inner(sqref).trim().split(/\s+/).filter(Boolean), mine) : undefined;
        if (!sqref || !left) {
          kept.push(slice(v));
          continue;
        }
        const text = slice(v);
        if (left.rest.length === 0) {
          changed = true;
          continue;
        }
        const body = movedFormulas(xml.slice(v.tag.end, sqref.tag.start), X14_FORMULAS, left.dr, left.dc);
        if (body === undefined) {
          kept.push(text);
          continue;
        }
        changed = true;
        kept.push(`${v.tag.text}${body}${open(sqref)}${left.rest.join(" ")}${close(sqref)}${xml.slice(sqref.end, v.end)}`);
      }
      if (kept.length) groups.push(`${withAttr(open(group), "count", String(kept.length))}${kept.join("")}${close(group)}`);
    }
    if (groups.length) entries.push(`${open(ext)}${groups.join("")}${close(ext)}`);
  }
  if (!changed) return undefined;
  return entries.length ? `${open(extLst)}${entries.join("")}${close(extLst)}` : "";
}

/** Validations that say the same thing share one element, its sqref naming every range. */
function groupValidations(list: readonly InputValidation[]): { v: InputValidation; ranges: CellRange[] }[] {
  const groups = new Map<string, { v: InputValidation; ranges: CellRange[] }>();
  for (const v of list) {
    const key = JSON.stringify([v.list ?? null, v.promptTitle ?? "", v.prompt ?? "", v.errorTitle ?? "", v.error ?? ""]);
    const g = groups.get(key);
    if (g) g.ranges.push(v.range);
    else groups.set(key, { v, ranges: [v.range] });
  }
  return [...groups.values()];
}

/**
 * One <dataValidation>: a list (type="list", the codes as a quoted literal) whose error alert is a warning, so a
 * clerk can keep another value on purpose; or, without a list, only an input message (any value is allowed).
 */
function validationXml(p: string, v: InputValidation, ranges: readonly CellRange[]): string {
  const a = [
    v.list ? `type="list" errorStyle="warning"` : "",
    `allowBlank="1"`,
    v.prompt ? `showInputMessage="1"` : "",
    v.list ? `showErrorMessage="1"` : "",
    v.list && v.errorTitle ? `errorTitle="${xstringAttr(v.errorTitle)}"` : "",
    v.list && v.error ? `error="${xstringAttr(v.error)}"` : "",
    v.prompt && v.promptTitle ? `promptTitle="${xstringAttr(v.promptTitle)}"` : "",
    v.prompt ? `prompt="${xstringAttr(v.prompt)}"` : "",
    `sqref="${ranges.map(rangeToA1).join(" ")}"`,
  ].filter(Boolean);
  const head = `<${p}dataValidation ${a.join(" ")}`;
  return v.list ? `${head}><${p}formula1>${plainText(listFormula(v.list))}</${p}formula1></${p}dataValidation>` : `${head}/>`;
}
