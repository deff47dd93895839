/**
 * 配布 by rows (docs/distribution.md): a department's copy of a sheet split by rows is the master sheet copied whole,
 * then the rows it does not get deleted, as Excel deletes rows: what lies below moves up. On the worksheet part that
 * is the rows and cells (their `r`), formulas' references (rewriteReferences; a reference into a deleted row becomes
 * #REF!, a range shrinks), merged areas, validations, conditional formats, hyperlinks, selections, page breaks and
 * the used range; on the package, the workbook's names pointing at the sheet (print titles and area), the drawing's
 * anchors and the comments (notes and their shapes). Pure string work on the package's parts.
 */
import { absoluteA1, columnLetters, parseA1, parseRangeA1 } from "../../core/model/address";
import { moveFormulaRows, RowMap, type RowRange } from "../../core/cycle/rows";
import { rewriteReferences } from "../../core/formula/refs";
import { readSheetEntries, relKind, workbookPart } from "./book";
import type { Package } from "./package";
import { rowIndexOf } from "./read-sheet";
import { attr, elementPrefix, findTag, tagAt, unescapeXml } from "./xml";
import { escapeXml } from "./xml-text";

/** Rows kept, as a mover: 0-based master rows to 0-based copy rows. */
class Keep {
  constructor(readonly map: RowMap) {}
  row(r: number): number | undefined {
    return this.map.toCopy(r);
  }
  /** A range's rows kept (shrunk), or undefined when none is. */
  range(top: number, bottom: number): { top: number; bottom: number } | undefined {
    return this.map.rangeToCopy(top, bottom);
  }
  /** The nearest kept row at or below `r` (at or above when none is below), for a place that must stay somewhere. */
  nearest(r: number): number {
    const below = this.map.rangeToCopy(r, r + 100000);
    if (below) return below.top;
    return this.map.rangeToCopy(0, r)?.bottom ?? 0;
  }
}

const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

/** An A1 area (`B5`, `B5:D9`, `A:A`, `3:5`) moved; undefined when all its rows went. */
function moveArea(area: string, keep: Keep): string | undefined {
  const abs = /\$/.test(area);
  const plain = area.replace(/\$/g, "");
  if (/^[A-Z]+:[A-Z]+$/i.test(plain)) return area; // whole columns
  const rowsOnly = /^(\d+):(\d+)$/.exec(plain);
  if (rowsOnly) {
    const r = keep.range(Number(rowsOnly[1]) - 1, Number(rowsOnly[2]) - 1);
    return r ? `${r.top + 1}:${r.bottom + 1}` : undefined;
  }
  const box = parseRangeA1(plain);
  if (!box) return area;
  const r = keep.range(box.top, box.bottom);
  if (!r) return undefined;
  const text = plain.includes(":") ? `${a1(r.top, box.left)}:${a1(r.bottom, box.right)}` : a1(r.top, box.left);
  return abs ? absoluteA1(text) : text;
}

/** A space-separated list of areas (`sqref`) moved; areas that went are left out. */
function moveSqref(sqref: string, keep: Keep): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((a) => moveArea(a, keep))
    .filter((a): a is string => !!a)
    .join(" ");
}

/** A formula moved as the rows were (rows.ts moveFormulaRows). */
function moveFormula(formula: string, sheet: string, own: boolean, keep: Keep): string {
  return moveFormulaRows(formula, sheet, own, keep.map);
}

/** A validation's or conditional format's formula: relative references move with the area's top-left (`delta` rows down in the master). */
function moveAreaFormula(formula: string, sheet: string, keep: Keep, delta: number): string {
  if (delta === 0) return moveFormula(formula, sheet, true, keep);
  return rewriteReferences(formula, (ref) => {
    if ((ref.sheet !== undefined && ref.sheet !== sheet) || ref.row === 0) return { row: ref.row, col: ref.col };
    const at = keep.row(ref.row - 1 + (ref.rowAbsolute ? 0 : delta));
    return at === undefined ? null : { row: at + 1, col: ref.col };
  });
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=)("[^"]*"|'[^']*')`);
  return re.test(tag) ? tag.replace(re, `$1"${value}"`) : tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

/** The end (after its close tag) of the element opened at `at`. */
function elementEnd(xml: string, at: number, qname: string): number {
  const open = tagAt(xml, at);
  if (open.selfClosing) return open.end;
  const close = `</${qname}>`;
  const end = xml.indexOf(close, open.end);
  return end < 0 ? open.end : end + close.length;
}

/** The sheet's rows and cells with deleted rows gone and the rest renumbered; formulas moved. */
function moveSheetData(xml: string, p: string, sheet: string, keep: Keep): { xml: string; lastRow: number; lastCol: number } {
  const start = findTag(xml, `${p}sheetData`, 0);
  if (start < 0) return { xml, lastRow: -1, lastCol: -1 };
  const open = tagAt(xml, start);
  if (open.selfClosing) return { xml, lastRow: -1, lastCol: -1 };
  const close = xml.indexOf(`</${p}sheetData>`, open.end);
  const out: string[] = [xml.slice(0, open.end)];
  let i = open.end;
  let implicit = -1;
  let lastRow = -1;
  let lastCol = -1;
  for (;;) {
    const at = findTag(xml, `${p}row`, i, close);
    if (at < 0) break;
    out.push(xml.slice(i, at));
    const end = elementEnd(xml, at, `${p}row`);
    const rowTag = tagAt(xml, at).tag;
    const r = rowIndexOf(attr(rowTag, "r"), implicit);
    implicit = r;
    const to = keep.row(r);
    i = end;
    if (to === undefined) continue;
    lastRow = Math.max(lastRow, to);
    let row = xml.slice(at, end);
    row = setAttr(tagAt(row, 0).tag, "r", String(to + 1)) + row.slice(tagAt(row, 0).end);
    // Cells: their r, and formulas (text and an array formula's ref).
    row = row.replace(new RegExp(`<${p}c\\b[^>]*>`, "g"), (tag) => {
      const ref = attr(tag, "r");
      const pos = ref ? parseA1(ref) : null;
      if (!pos) return tag;
      lastCol = Math.max(lastCol, pos.col);
      return setAttr(tag, "r", a1(to, pos.col));
    });
    row = row.replace(new RegExp(`(<${p}f\\b[^>]*>)([^<]*)(</${p}f>)`, "g"), (_m, tag: string, text: string, closeTag: string) => {
      const ref = attr(tag, "ref");
      const movedTag = ref ? setAttr(tag, "ref", moveSqref(ref, keep) || ref) : tag;
      return movedTag + escapeXml(moveFormula(unescapeXml(text), sheet, true, keep)) + closeTag;
    });
    out.push(row);
  }
  out.push(xml.slice(i));
  return { xml: out.join(""), lastRow, lastCol };
}

/** Elements that vanish with their area; the others keep a place (views) or are rebuilt (dimension). */
const DROP_WHEN_EMPTY = new Set(["mergeCell", "hyperlink", "dataValidation", "conditionalFormatting", "protectedRange", "ignoredError", "autoFilter", "brk"]);

/** Everything after sheetData (and the views before it) with areas moved. */
function moveOtherElements(xml: string, p: string, sheet: string, keep: Keep): string {
  let out = xml;
  // Views: a selection and the top-left cell stay on a kept row.
  out = out.replace(new RegExp(`<${p}(selection|pane|sheetView)\\b[^>]*>`, "g"), (tag) => {
    let t = tag;
    for (const name of ["activeCell", "topLeftCell"]) {
      const v = attr(t, name);
      const pos = v ? parseA1(v) : null;
      if (pos) t = setAttr(t, name, a1(keep.nearest(pos.row), pos.col));
    }
    const sq = attr(t, "sqref");
    if (sq) t = setAttr(t, "sqref", moveSqref(sq, keep) || a1(keep.nearest(parseA1(sq.split(/[\s:]/)[0])?.row ?? 0), parseA1(sq.split(/[\s:]/)[0])?.col ?? 0));
    return t;
  });
  // Areas: merges, validations, conditional formats, hyperlinks, protected ranges, ignored errors, the filter.
  for (const local of DROP_WHEN_EMPTY) {
    if (local === "brk") continue;
    const qname = `${p}${local}`;
    let i = 0;
    const pieces: string[] = [];
    for (;;) {
      const at = findTag(out, qname, i);
      if (at < 0) break;
      const end = elementEnd(out, at, qname);
      const open = tagAt(out, at);
      const key = attr(open.tag, "sqref") !== undefined ? "sqref" : "ref";
      const area = attr(open.tag, key);
      pieces.push(out.slice(i, at));
      i = end;
      if (area === undefined) {
        pieces.push(out.slice(at, end));
        continue;
      }
      const moved = moveSqref(area, keep);
      if (!moved) continue;
      let el = setAttr(open.tag, key, moved) + out.slice(open.end, end);
      // Formulas of validations and conditional formats (a list's range, a rule's cells): their relative references
      // are read from the area's top-left cell, which is now the first row kept.
      const first = parseRangeA1(area.split(/\s+/)[0].replace(/\$/g, ""));
      const kept = first ? keep.range(first.top, first.bottom) : undefined;
      const delta = first && kept ? keep.map.toMaster(kept.top) - first.top : 0;
      el = el.replace(new RegExp(`(<${p}(?:formula|formula1|formula2)>)([^<]*)(</${p}(?:formula|formula1|formula2)>)`, "g"), (_m, a: string, f: string, b: string) => a + escapeXml(moveAreaFormula(unescapeXml(f), sheet, keep, delta)) + b);
      if (local === "hyperlink") {
        const loc = attr(el, "location");
        if (loc) el = setAttr(el, "location", escapeXml(moveFormula(unescapeXml(loc), sheet, true, keep)));
      }
      pieces.push(el);
    }
    pieces.push(out.slice(i));
    out = pieces.join("");
  }
  // Page breaks: a break after a master row stays after the last kept row above it.
  out = out.replace(new RegExp(`<${p}rowBreaks\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}rowBreaks>)`), (block) => {
    const seen = new Set<number>();
    const body = block.replace(new RegExp(`<${p}brk\\b[^>]*>`, "g"), (tag) => {
      const id = Number(attr(tag, "id") ?? "0");
      const k = keep.range(0, id - 1);
      if (!k || seen.has(k.bottom + 1)) return "";
      seen.add(k.bottom + 1);
      return setAttr(tag, "id", String(k.bottom + 1));
    });
    const manual = (body.match(new RegExp(`<${p}brk\\b[^>]*\\bman="(1|true)"`, "g")) ?? []).length;
    const head = tagAt(body, 0).tag;
    let t = setAttr(head, "count", String(seen.size));
    if (attr(head, "manualBreakCount") !== undefined) t = setAttr(t, "manualBreakCount", String(manual));
    return seen.size ? t + body.slice(head.length) : "";
  });
  // Counts of lists whose items may have gone; a list left empty goes (the schema wants an item, Excel repairs it).
  for (const [list, item] of [
    ["mergeCells", "mergeCell"],
    ["dataValidations", "dataValidation"],
    ["hyperlinks", "hyperlink"],
    ["protectedRanges", "protectedRange"],
    ["ignoredErrors", "ignoredError"],
  ] as const) {
    out = out.replace(new RegExp(`<${p}${list}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${list}>)`), (block) => {
      const n = (block.match(new RegExp(`<${p}${item}\\b`, "g")) ?? []).length;
      if (n === 0) return "";
      const head = tagAt(block, 0).tag;
      return attr(head, "count") !== undefined ? setAttr(head, "count", String(n)) + block.slice(head.length) : block;
    });
  }
  out = out.replace(new RegExp(`<${p}conditionalFormatting\\b[^>]*>\\s*</${p}conditionalFormatting>`, "g"), "");
  return out;
}

/** A worksheet part with `rows` kept (master rows, 1-based) and every other row up to `sheetEnd` (0-based) deleted. */
export function deleteRowsXml(xml: string, sheet: string, rows: readonly RowRange[], sheetEnd: number): string {
  const keep = new Keep(new RowMap(rows, sheetEnd));
  const p = elementPrefix(xml, "worksheet");
  const data = moveSheetData(xml, p, sheet, keep);
  const dataStart = findTag(data.xml, `${p}sheetData`, 0);
  const dataEnd = data.xml.indexOf(`</${p}sheetData>`);
  const before = dataStart < 0 ? data.xml : data.xml.slice(0, dataStart);
  const middle = dataStart < 0 ? "" : dataEnd < 0 ? data.xml.slice(dataStart) : data.xml.slice(dataStart, dataEnd);
  const after = dataStart < 0 || dataEnd < 0 ? "" : data.xml.slice(dataEnd);
  let out = moveOtherElements(before, p, sheet, keep) + middle + moveOtherElements(after, p, sheet, keep);
  // The used range, from what is left.
  out = out.replace(new RegExp(`<${p}dimension\\b[^>]*>`), (tag) => {
    const ref = attr(tag, "ref");
    const box = ref ? parseRangeA1(ref) : null;
    if (!box || data.lastRow < 0) return tag;
    return setAttr(tag, "ref", `${a1(Math.min(box.top, data.lastRow), box.left)}:${a1(data.lastRow, Math.max(box.right, data.lastCol))}`);
  });
  return out;
}

/** The drawing part with its anchors moved; an anchor whose rows all went is removed. */
function moveDrawing(xml: string, keep: Keep): string {
  const p = elementPrefix(xml, "wsDr");
  return xml.replace(new RegExp(`<${p}(twoCellAnchor|oneCellAnchor)\\b[\\s\\S]*?</${p}\\1>`, "g"), (anchor) => {
    const rowOf = (which: "from" | "to") => {
      const m = new RegExp(`<${p}${which}>[\\s\\S]*?<${p}row>(\\d+)</${p}row>`).exec(anchor);
      return m ? Number(m[1]) : undefined;
    };
    const from = rowOf("from");
    const to = rowOf("to") ?? from;
    if (from === undefined || to === undefined) return anchor;
    if (!keep.range(from, to)) return "";
    const setRow = (text: string, which: "from" | "to", r: number, resetOffset: boolean) =>
      text.replace(new RegExp(`(<${p}${which}>[\\s\\S]*?<${p}row>)\\d+(</${p}row>)(\\s*<${p}rowOff>)(-?\\d+)`), (_m, a: string, b: string, c: string, off: string) => `${a}${r}${b}${c}${resetOffset ? "0" : off}`);
    const f = keep.row(from);
    let out = setRow(anchor, "from", f ?? keep.range(from, to)!.top, f === undefined);
    if (rowOf("to") !== undefined) {
      const t = keep.row(to);
      out = setRow(out, "to", t ?? keep.range(from, to)!.bottom + 1, t === undefined);
    }
    return out;
  });
}

/** The comments part with notes in deleted rows gone and the rest renumbered. */
function moveComments(xml: string, keep: Keep): string {
  const p = elementPrefix(xml, "comments");
  return xml.replace(new RegExp(`<${p}comment\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}comment>)`, "g"), (el) => {
    const ref = attr(tagAt(el, 0).tag, "ref");
    const pos = ref ? parseA1(ref) : null;
    if (!pos) return el;
    const r = keep.row(pos.row);
    return r === undefined ? "" : setAttr(tagAt(el, 0).tag, "ref", a1(r, pos.col)) + el.slice(tagAt(el, 0).end);
  });
}

/** The notes' VML shapes with their rows moved; a shape in a deleted row goes. */
function moveVml(xml: string, keep: Keep): string {
  return xml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const m = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
    if (!m) return shape;
    const r = keep.row(Number(m[1]));
    if (r === undefined) return "";
    let out = shape.replace(/<x:Row>\d+<\/x:Row>/, `<x:Row>${r}</x:Row>`);
    out = out.replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_a, text: string) => {
      const n = text.split(",").map((s) => Number(s.trim()));
      if (n.length !== 8 || n.some((x) => !Number.isFinite(x))) return `<x:Anchor>${text}</x:Anchor>`;
      const shift = r - Number(m[1]);
      n[2] = Math.max(0, n[2] + shift);
      n[6] = Math.max(0, n[6] + shift);
      return `<x:Anchor>${n.join(", ")}</x:Anchor>`;
    });
    return out;
  });
}

/**
 * Deletes from the sheet named `sheet` of `pkg` every row the copy does not get: `rows` are the master rows it keeps
 * (1-based, in order) and `sheetEnd` the master sheet's last row (0-based); rows below it move up with the sheet.
 * The package is changed in place.
 */
export function deleteSheetRows(pkg: Package, sheet: string, rows: readonly RowRange[], sheetEnd: number): void {
  const wb = workbookPart(pkg);
  const entry = readSheetEntries(pkg, wb).find((e) => e.name === sheet);
  if (!entry?.part) return;
  const keep = new Keep(new RowMap(rows, sheetEnd));
  pkg.set(entry.part, deleteRowsXml(pkg.text(entry.part) ?? "", sheet, rows, sheetEnd));
  // Other sheets' formulas pointing at this one.
  for (const other of readSheetEntries(pkg, wb)) {
    if (!other.part || other.part === entry.part) continue;
    const xml = pkg.text(other.part);
    if (!xml || !xml.includes(`${sheet}`)) continue;
    const p = elementPrefix(xml, "worksheet");
    pkg.set(other.part, xml.replace(new RegExp(`(<${p}f\\b[^>]*>)([^<]*)(</${p}f>)`, "g"), (_m, a: string, f: string, b: string) => a + escapeXml(moveFormula(unescapeXml(f), sheet, false, keep)) + b));
  }
  // Names (print titles and area, and any other name) pointing at the sheet.
  const wbXml = pkg.text(wb) ?? "";
  const wp = elementPrefix(wbXml, "workbook");
  pkg.set(
    wb,
    wbXml.replace(new RegExp(`(<${wp}definedName\\b[^>]*>)([^<]*)(</${wp}definedName>)`, "g"), (_m, a: string, f: string, b: string) => a + escapeXml(moveFormula(unescapeXml(f), sheet, false, keep)) + b),
  );
  for (const r of pkg.rels(entry.part)) {
    if (r.external) continue;
    const kind = relKind(r);
    const xml = pkg.text(r.target);
    if (xml === undefined) continue;
    if (kind === "drawing") pkg.set(r.target, moveDrawing(xml, keep));
    else if (kind === "comments") pkg.set(r.target, moveComments(xml, keep));
    else if (kind === "vmlDrawing") pkg.set(r.target, moveVml(xml, keep));
  }
}
