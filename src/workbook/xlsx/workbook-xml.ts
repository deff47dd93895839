/**
 * Amendments to workbook.xml: a sheet appended to <sheets>, a defined name set for one sheet. Everything else in
 * the part (views, calculation settings, other names, extensions) stays as the user's writer left it. Sheets are
 * only ever appended, so `localSheetId` and `activeTab`, which count sheets by position, stay right.
 */
import { quoteSheetName } from "../../core/model/address";
import { WorkbookError } from "../port";
import { insertBeforeClose } from "./package";
import { attr, elementPrefix, findTag, tagAt, unescapeXml } from "./xml";
import { escapeXml } from "./xml-text";
import { replaceSheetRefs, withoutSheet } from "../../core/formula/sheets";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** The prefix bound to the relationships namespace on the root element (not on one child, as openpyxl writes it). */
function relPrefix(xml: string): string | undefined {
  let at = xml.indexOf("<");
  while (at >= 0 && (xml[at + 1] === "?" || xml[at + 1] === "!")) at = xml.indexOf("<", at + 1);
  if (at < 0) return undefined;
  const root = tagAt(xml, at).tag;
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="(${REL_NS}|${STRICT_REL_NS})"`).exec(root);
  return m?.[1];
}

/** ブックの保護 with the structure locked: `<workbookProtection lockStructure="1"/>`. Sheets cannot be added. */
export function structureLocked(xml: string): boolean {
  const p = elementPrefix(xml, "workbook");
  const at = findTag(xml, `${p}workbookProtection`, 0);
  return at >= 0 && /^(1|true)$/.test(attr(tagAt(xml, at).tag, "lockStructure") ?? "");
}

/** Whether a sheet can be appended to the list: a `<sheets>` element that is closed, or self-closing. */
export function canAppendSheet(xml: string): boolean {
  const p = elementPrefix(xml, "sheets");
  const at = findTag(xml, `${p}sheets`, 0);
  return at >= 0 && (tagAt(xml, at).selfClosing || xml.includes(`</${p}sheets>`, at));
}

/** The prefixes a new `<sheet>` is written with: the `<sheets>` element's, and the relationships namespace's on the root. */
export interface SheetListPrefixes {
  readonly sheets: string;
  readonly rel: string | undefined;
}

/** The prefixes of workbook.xml's sheet list; a workbook.xml with no `<sheets>` takes no sheet. */
export function sheetListPrefixes(xml: string): SheetListPrefixes {
  const p = elementPrefix(xml, "sheets");
  if (findTag(xml, `${p}sheets`, 0) < 0) throw new WorkbookError("corrupt-part", "workbook.xml: no <sheets>");
  return { sheets: p, rel: relPrefix(xml) };
}

export interface NewSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state?: "hidden" | "veryHidden";
}

/** The `<sheet>` element for a new sheet, to go at the end of `<sheets>`. */
export function sheetElement(prefixes: SheetListPrefixes, sheet: NewSheet): string {
  const idAttr = prefixes.rel ? `${prefixes.rel}:id="${sheet.relId}"` : `xmlns:r="${REL_NS}" r:id="${sheet.relId}"`;
  return `<${prefixes.sheets}sheet name="${escapeXml(sheet.name)}" sheetId="${sheet.sheetId}"${sheet.state ? ` state="${sheet.state}"` : ""} ${idAttr}/>`;
}


/** Sets `name` scoped to the sheet at `localSheetId` (replacing the same name for that sheet), or removes it when value is undefined. */
export function setDefinedName(xml: string, name: string, localSheetId: number | undefined, value: string | undefined, hidden = false): string {
  const p = elementPrefix(xml, "workbook");
  const out = removeDefinedName(xml, p, name, localSheetId);
  if (value === undefined) return out;
  const scope = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
  const el = `<${p}definedName name="${escapeXml(name)}"${scope}${hidden ? ` hidden="1"` : ""}>${escapeXml(value)}</${p}definedName>`;
  if (findTag(out, `${p}definedNames`, 0) >= 0) return insertBeforeClose(out, "definedNames", el, "workbook.xml");
  // <definedNames> follows <sheets>, <functionGroups> and <externalReferences> (CT_Workbook's order); Excel repairs a
  // workbook part in another order. A macro workbook's <functionGroups builtInGroupCount="18"/> closes itself.
  for (const after of ["externalReferences", "functionGroups", "sheets"]) {
    const start = findTag(out, `${p}${after}`, 0);
    if (start < 0) continue;
    const open = tagAt(out, start);
    const close = `</${p}${after}>`;
    const closeAt = open.selfClosing ? -1 : out.indexOf(close, open.end);
    if (!open.selfClosing && closeAt < 0) continue;
    const at = open.selfClosing ? open.end : closeAt + close.length;
    return out.slice(0, at) + `<${p}definedNames>${el}</${p}definedNames>` + out.slice(at);
  }
  return out;
}

function removeDefinedName(xml: string, p: string, name: string, localSheetId: number | undefined): string {
  let i = 0;
  for (;;) {
    i = findTag(xml, `${p}definedName`, i);
    if (i < 0) return xml;
    const { tag, end, selfClosing } = tagAt(xml, i);
    const close = `</${p}definedName>`;
    const closeAt = selfClosing ? end : xml.indexOf(close, end);
    // A name opened and never closed (a part cut short): where it ends is not known, so nothing is changed.
    if (closeAt < 0) throw new WorkbookError("corrupt-part", "workbook.xml");
    const stop = selfClosing ? end : closeAt + close.length;
    const scope = attr(tag, "localSheetId");
    if (attr(tag, "name")?.toLowerCase() === name.toLowerCase() && (scope === undefined ? localSheetId === undefined : Number(scope) === localSheetId)) {
      return xml.slice(0, i) + xml.slice(stop);
    }
    i = stop;
  }
}

/** Names of all defined names (a new table's name must differ from them). */
export function definedNames(xml: string): string[] {
  const p = elementPrefix(xml, "workbook");
  const out: string[] = [];
  let i = 0;
  for (;;) {
    i = findTag(xml, `${p}definedName`, i);
    if (i < 0) return out;
    const { tag, end } = tagAt(xml, i);
    const n = attr(tag, "name");
    if (n) out.push(n);
    i = end;
  }
}

/** Defined names scoped to the sheet at `localSheetId`, with their formulas. */
export function sheetScopedNames(xml: string, localSheetId: number): { name: string; value: string }[] {
  return allDefinedNames(xml)
    .filter((n) => n.localSheetId === localSheetId)
    .map(({ name, value }) => ({ name, value }));
}

/** A defined name as workbook.xml holds it: `localSheetId` is set for a name scoped to one sheet. */
export interface DefinedName {
  readonly name: string;
  readonly value: string;
  readonly localSheetId?: number;
}

/** Every defined name with a value, in the order of workbook.xml. */
export function allDefinedNames(xml: string): DefinedName[] {
  const p = elementPrefix(xml, "workbook");
  const out: DefinedName[] = [];
  const close = `</${p}definedName>`;
  let i = 0;
  for (;;) {
    i = findTag(xml, `${p}definedName`, i);
    if (i < 0) return out;
    const { tag, end, selfClosing } = tagAt(xml, i);
    const stop = selfClosing ? end : xml.indexOf(close, end);
    if (!selfClosing && stop > 0) {
      const scope = attr(tag, "localSheetId");
      const value = unescapeXml(xml.slice(end, stop));
      out.push(scope === undefined ? { name: attr(tag, "name") ?? "", value } : { name: attr(tag, "name") ?? "", value, localSheetId: Number(scope) });
    }
    i = stop < 0 ? end : stop;
  }
}

/** A sheet deleted from a workbook whose sheets stood in `order` just before. */
export interface SheetRemoval {
  readonly sheet: string;
  readonly order: readonly string[];
}

/**
 * An element holding formula text (`<definedName …>No.3!$A$1</definedName>`, `<f>`) as it reads once the sheet is
 * deleted (withoutSheet: its references `#REF!`, a 3-D reference ending at it ending one sheet inward); the element
 * is returned as it was when nothing refers to the sheet.
 */
function invalidateRefsIn(el: string, removal: SheetRemoval): string {
  const start = el.indexOf(">") + 1;
  const end = el.lastIndexOf("</");
  if (start <= 0 || end < start) return el;
  const text = unescapeXml(el.slice(start, end));
  const replaced = withoutSheet(text, removal.sheet, removal.order);
  return replaced === text ? el : el.slice(0, start) + escapeXml(replaced) + el.slice(end);
}

/** Elements of a worksheet that hold formula text: cells, conditional formats, validations (and their x14 forms). */
const FORMULA_ELEMENT = /<((?:[\w.-]+:)?(?:f|formula|formula1|formula2))\b[^>]*>[^<]*<\/\1>/g;

/** A worksheet part with every formula as it reads once the sheets are deleted, in turn; the same string when none changes. */
export function invalidateSheetRefsInPart(xml: string, removals: readonly SheetRemoval[]): string {
  if (removals.length === 0 || xml.indexOf("!") < 0) return xml;
  return xml.replace(FORMULA_ELEMENT, (el) => (el.indexOf("!") < 0 ? el : removals.reduce((e, r) => invalidateRefsIn(e, r), el)));
}

/** A name's formula with references to sheet `from` pointing at sheet `to` (`'No.1'!$1:$3`, `No.1!$A$1:$E$7`). */
export function renameSheetRefs(formula: string, from: string, to: string): string {
  return replaceSheetRefs(formula, from, `${quoteSheetName(to)}!`);
}

/** The sheets' names in the order of <sheets>, which opens at `from`. */
function sheetOrder(xml: string, p: string, from: number): string[] {
  const names: string[] = [];
  const close = xml.indexOf(`</${p}sheets>`, from);
  for (let i = findTag(xml, `${p}sheet`, from + 1); i >= 0 && (close < 0 || i < close); i = findTag(xml, `${p}sheet`, tagAt(xml, i).end)) {
    names.push(attr(tagAt(xml, i).tag, "name") ?? "");
  }
  return names;
}

/**
 * workbook.xml without the sheet at `index` (0-based position in <sheets>): its <sheet> element goes, names scoped to
 * it go, names scoped to later sheets and the views' activeTab/firstSheet count one fewer.
 */
export function removeSheetAt(xml: string, index: number): string {
  const p = elementPrefix(xml, "sheets");
  const from = findTag(xml, `${p}sheets`, 0);
  if (from < 0) throw new WorkbookError("corrupt-part", "workbook.xml: no <sheets>");
  let i = from + 1;
  let out = xml;
  let removed = "";
  const order = sheetOrder(xml, p, from);
  for (let n = 0; ; n++) {
    i = findTag(out, `${p}sheet`, i);
    if (i < 0) throw new WorkbookError("corrupt-part", `workbook.xml: no sheet ${index}`);
    const { end } = tagAt(out, i);
    if (n === index) {
      removed = attr(tagAt(out, i).tag, "name") ?? "";
      out = out.slice(0, i) + out.slice(end);
      break;
    }
    i = end;
  }
  // Names: drop those of the sheet, renumber those after it, and point those that refer to it at #REF!, as Excel
  // does when a sheet is deleted (a name referring to a missing sheet is removed by Excel's repair).
  out = out.replace(new RegExp(`<${p}definedName\\b[^>]*?(?:/>|>[^]*?</${p}definedName>)`, "g"), (el) => {
    const open = tagAt(el, 0);
    const id = Number(attr(open.tag, "localSheetId") ?? -1);
    if (id === index) return "";
    const renumbered = id > index ? el.replace(/localSheetId="\d+"/, `localSheetId="${id - 1}"`) : el;
    return open.selfClosing ? renumbered : invalidateRefsIn(renumbered, { sheet: removed, order });
  });
  out = out.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), "");
  // Views count sheets by position, and never past the last sheet left (the sheets from firstSheet on may all go).
  const last = Math.max(0, order.length - 2);
  const moved = (v: number) => Math.min(last, v > index ? v - 1 : v);
  out = out.replace(new RegExp(`<${p}workbookView\\b[^>]*>`, "g"), (tag) => {
    const was = Number(attr(tag, "activeTab") ?? 0);
    const active = was === index ? 0 : moved(was);
    // The tab strip starts at or before the active tab.
    return tag
      .replace(/\bactiveTab="\d+"/, `activeTab="${active}"`)
      .replace(/\bfirstSheet="(\d+)"/, (_m, v: string) => `firstSheet="${Math.min(moved(Number(v)), active)}"`);
  });
  return out;
}

/**
 * workbook.xml opening on a visible sheet: a workbook whose sheets are all hidden gets its first hidden one shown
 * (a very hidden one stays), and a view whose active tab is a hidden sheet moves to the first visible one. Excel
 * itself keeps one visible sheet, active; a new workbook made of copied sheets (配布, a folder summary) may start
 * with a hidden one. Unchanged when there is nothing to mend.
 */
export function showingVisibleSheet(xml: string): string {
  const p = elementPrefix(xml, "sheets");
  const from = findTag(xml, `${p}sheets`, 0);
  if (from < 0) return xml;
  const sheets: { start: number; end: number; state: string }[] = [];
  const close = xml.indexOf(`</${p}sheets>`, from);
  for (let i = findTag(xml, `${p}sheet`, from + 1); i >= 0 && (close < 0 || i < close); i = findTag(xml, `${p}sheet`, i + 1)) {
    const { tag, end } = tagAt(xml, i);
    sheets.push({ start: i, end, state: attr(tag, "state") ?? "visible" });
  }
  let out = xml;
  let firstVisible = sheets.findIndex((s) => s.state === "visible");
  if (firstVisible < 0) {
    firstVisible = sheets.findIndex((s) => s.state === "hidden");
    if (firstVisible < 0) return xml;
    const s = sheets[firstVisible];
    out = out.slice(0, s.start) + out.slice(s.start, s.end).replace(/\sstate="hidden"/, "") + out.slice(s.end);
  }
  const visible = firstVisible;
  return out.replace(new RegExp(`<${p}workbookView\\b[^>]*>`, "g"), (tag) => {
    const active = Number(attr(tag, "activeTab") ?? 0);
    if (sheets[active] && (active === visible || sheets[active].state === "visible")) return tag;
    let t = /\bactiveTab="/.test(tag) ? tag.replace(/\bactiveTab="\d+"/, `activeTab="${visible}"`) : tag.replace(/^(<[^\s/>]+)/, `$1 activeTab="${visible}"`);
    const first = Number(attr(t, "firstSheet") ?? 0);
    if (first > visible) t = t.replace(/\bfirstSheet="\d+"/, `firstSheet="${visible}"`);
    return t;
  });
}
