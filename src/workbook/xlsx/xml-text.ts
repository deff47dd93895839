/**
 * Escaping for the XML we write into .xlsx parts. Pure string functions (they run in the browser too).
 *
 * Cell text and most string attributes are ST_Xstring: a character XML 1.0 cannot carry is written `_xHHHH_`, and a
 * literal `_xHHHH_` in the text has its `_` written `_x005F_`, so every reader that decodes ST_Xstring gets the
 * text back unchanged.
 */

/**
 * The `_` starting something a reader would decode as `_xHHHH_` (either case of hex, to be safe). A lookahead, so
 * overlapping ones (`_x005F_x0041_`: two) are all caught.
 */
const XSTRING_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** True for a UTF-16 code unit XML 1.0 cannot hold here (`keepWhitespace`: tab, LF and CR are fine). */
function forbidden(code: number, keepWhitespace: boolean): boolean {
  if (code < 0x20) return !(keepWhitespace && (code === 0x09 || code === 0x0a || code === 0x0d));
  return code === 0xfffe || code === 0xffff;
}

/**
 * Replaces characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF) by `replace(code)`. Valid surrogate
 * pairs pass. Fast path: most text has none.
 */
function mapForbidden(s: string, keepWhitespace: boolean, replace: (code: number) => string): string {
  if (!/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += replace(code);
    } else if ((code >= 0xdc00 && code <= 0xdfff) || forbidden(code, keepWhitespace)) out += replace(code);
    else out += s[i];
  }
  return out;
}

/** &, <, > (and " for attributes) as entities. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Element text in ST_Xstring (a cell's `<t>`): reads back as `s`. CR as a character reference: parsers drop a bare CR. */
export function xstringText(s: string): string {
  const guarded = s.replace(XSTRING_ESCAPE, "_x005F_");
  return escapeXml(mapForbidden(guarded, true, (code) => `_x${hex4(code)}_`)).replace(/\r/g, "&#13;");
}

/** An attribute value in ST_Xstring (error, prompt, display, table column names): whitespace kept as char refs. */
export function xstringAttr(s: string): string {
  const guarded = s.replace(XSTRING_ESCAPE, "_x005F_");
  return escapeXml(mapForbidden(guarded, true, (code) => `_x${hex4(code)}_`))
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** A plain attribute value (not ST_Xstring: references, formulas, format codes): characters XML forbids are dropped. */
export function attr(s: string): string {
  return escapeXml(mapForbidden(s, true, () => ""))
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Plain element text that is not ST_Xstring (a formula): characters XML forbids are dropped. */
export function plainText(s: string): string {
  return escapeXml(mapForbidden(s, true, () => "")).replace(/\r/g, "&#13;");
}
