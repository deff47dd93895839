/**
 * Just enough XML for the package reader and writer: attributes of one tag, entity decoding, and the namespace
 * prefix a writer chose. Parts are scanned with indexOf rather than parsed into a tree, so the work grows with the
 * elements read, not with the size of the part (docs/file-layer.md).
 */

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * A part whose XML the amending code cannot follow (a tag not closed, no root): the reader may still have read it
 * leniently, but a change to it would write a broken part. XlsxWorkbook names the part (WorkbookError corrupt-part).
 */
export class MalformedXml extends Error {
  constructor(what: string) {
    super(what);
    this.name = "MalformedXml";
  }
}

/** Decodes the five entities and character references. */
export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === "#") {
      const cp = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITY[body] ?? m;
  });
}

/** Cell text in SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (ST_Xstring). */
export function unescapeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The value of attribute `name` in the start tag `tag` (`<c r="A1" s="2">`), decoded; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  // Fast path: the name does not occur at all.
  if (tag.indexOf(name) < 0) return undefined;
  // Walk the attributes in order, so a name inside another attribute's value (`name="a state='x'"`) is not taken.
  let i = 1;
  while (i < tag.length && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">" && tag[i] !== "/") i++;
  for (;;) {
    while (isSpace(tag.charCodeAt(i))) i++;
    const start = i;
    while (i < tag.length && tag[i] !== "=" && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">" && tag[i] !== "/") i++;
    if (i === start) return undefined;
    // Compared in place: a slice per attribute walked would be garbage for every cell read.
    const isName = i - start === name.length && tag.startsWith(name, start);
    while (isSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== "=") return undefined;
    i++;
    while (isSpace(tag.charCodeAt(i))) i++;
    const q = tag[i];
    if (q !== '"' && q !== "'") return undefined;
    const end = tag.indexOf(q, i + 1);
    if (end < 0) return undefined;
    if (isName) return unescapeXml(tag.slice(i + 1, end));
    i = end + 1;
  }
}

/** XML's white space: space, tab, LF, CR (as char codes). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

// One expression per name, not per call: these run for every <sheet> of workbook.xml and for every worksheet part,
// and building a RegExp each time was most of the time a 500-sheet workbook's sheet list took.
const prefixedAttrRe = new Map<string, RegExp>();
const elementPrefixRe = new Map<string, RegExp>();

/** The value of the first attribute whose local name is `local` whatever its prefix (`r:id`, `ns1:id`). */
export function prefixedAttr(tag: string, local: string): string | undefined {
  let re = prefixedAttrRe.get(local);
  if (!re) prefixedAttrRe.set(local, (re = new RegExp(`\\s([A-Za-z_][\\w.-]*):${local}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[3] ?? m[4] ?? "") : undefined;
}

/**
 * The prefix (with its colon, or "") under which `local` appears as an element: `x:` for `<x:worksheet …>`.
 * Writers differ (ExcelJS and Excel write none; some .NET libraries write `x:`).
 */
export function elementPrefix(xml: string, local: string): string {
  let re = elementPrefixRe.get(local);
  if (!re) elementPrefixRe.set(local, (re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`)));
  const m = re.exec(xml);
  return m?.[1] ?? "";
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

/**
 * Index of the first closing tag of element `local` with any prefix (`</local>`, `</x:local>`), or -1: what
 * `/<\/([A-Za-z_][\w.-]*:)?local>/` finds, found with indexOf (a part rewritten a thousand times in a row, such as
 * the relationships of a workbook that sheets are copied into one by one, made the regular expression's scan
 * from the start the slow part).
 */
export function firstCloseTag(xml: string, local: string): number {
  const needle = local + ">";
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + 1)) {
    const at = closeTagEndingAt(xml, i);
    if (at >= 0) return at;
  }
  return -1;
}

/** Index of the last closing tag of element `local` with any prefix, or -1 (firstCloseTag from the end). */
export function lastCloseTag(xml: string, local: string): number {
  const needle = local + ">";
  for (let i = xml.lastIndexOf(needle); i >= 0; i = i > 0 ? xml.lastIndexOf(needle, i - 1) : -1) {
    const at = closeTagEndingAt(xml, i);
    if (at >= 0) return at;
  }
  return -1;
}

/** Where the closing tag `</local>` or `</prefix:local>` whose local name starts at `i` begins, or -1 when it is not one. */
function closeTagEndingAt(xml: string, i: number): number {
  if (xml.charCodeAt(i - 1) === 47 && xml.charCodeAt(i - 2) === 60) return i - 2;
  if (xml.charCodeAt(i - 1) !== 58) return -1;
  let j = i - 2;
  while (j >= 0 && isNameChar(xml.charCodeAt(j))) j--;
  const first = xml.charCodeAt(j + 1);
  const startsName = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95;
  return j < i - 2 && startsName && xml.charCodeAt(j) === 47 && xml.charCodeAt(j - 1) === 60 ? j - 1 : -1;
}

/** The start tag that begins at `at` (`<` … `>`), and whether it closes itself. */
export function tagAt(xml: string, at: number): { tag: string; end: number; selfClosing: boolean } {
  const end = xml.indexOf(">", at);
  if (end < 0) return { tag: xml.slice(at), end: xml.length, selfClosing: true };
  return { tag: xml.slice(at, end + 1), end: end + 1, selfClosing: xml.charCodeAt(end - 1) === 47 };
}

/** Index of the next `<name` start tag at or after `from` (not a longer name such as `<rowBreaks` for `<row`). */
export function findTag(xml: string, name: string, from: number, until = xml.length): number {
  // Search only the bounded stretch: a tag that is rare (a phonetic run, a cell's <is>) must not cost a scan to
  // the end of the part each time it is looked for.
  return nextTag(until < xml.length ? xml.slice(0, until) : xml, "<" + name, from);
}

/**
 * Index of the next start tag `open` (`<c`, with its prefix) at or after `from` in `hay`, not a longer name (`<cols`
 * for `<c`). `hay` is the part cut where the search must end, so a tag that is missing costs a scan of that stretch
 * only; a reader that searches one stretch many times cuts it once and calls this.
 */
export function nextTag(hay: string, open: string, from: number): number {
  let i = from;
  for (;;) {
    i = hay.indexOf(open, i);
    if (i < 0) return -1;
    const c = hay.charCodeAt(i + open.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return i;
    i += open.length;
  }
}

/** The text content of every `<t>` element in `xml` between from and to, joined, skipping phonetic runs (`<rPh>`). */
export function joinedText(xml: string, p: string, from: number, to: number): string {
  const close = `</${p}t>`;
  const rPhEnd = `</${p}rPh>`;
  let out = "";
  let i = from;
  for (;;) {
    const t = findTag(xml, `${p}t`, i, to);
    if (t < 0) break;
    // Furigana (<rPh><t>…</t></rPh>) is not part of the cell's text.
    const ph = findTag(xml, `${p}rPh`, i, t);
    if (ph >= 0 && ph < t) {
      const phEnd = xml.indexOf(rPhEnd, ph);
      i = phEnd < 0 ? to : phEnd + rPhEnd.length;
      continue;
    }
    const { end, selfClosing } = tagAt(xml, t);
    if (selfClosing) {
      i = end;
      continue;
    }
    const stop = xml.indexOf(close, end);
    if (stop < 0 || stop > to) break;
    out += xml.slice(end, stop);
    i = stop + close.length;
  }
  return unescapeXstring(unescapeXml(normaliseBreaks(out)));
}

/** XML turns a literal CR LF or CR into LF; only `&#13;` or `_x000D_` is a carriage return in the text. */
export function normaliseBreaks(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}
