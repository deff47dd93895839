/**
 * XML 1.0 well-formedness, checked on the parts a write changed or added before the package is zipped
 * (docs/file-layer.md, "Nothing malformed is written"). The amending code edits text, not a tree, so a part that
 * was damaged where the lenient reader did not look, or a sheet copied from such a part, could otherwise be written
 * out broken; Excel then offers to repair the file and may drop what it cannot follow. One linear pass, no tree:
 * start and end tags nested and matching, attributes quoted and not repeated, `<` never in text or values, `]]>`
 * never in text, references only to the five entities or to characters XML allows, no characters XML forbids, every
 * namespace prefix bound, the XML declaration first if there is one, no DTD (OOXML parts have none), one root.
 */

import { isSpace } from "./xml";

const NAMED = new Set(["amp", "lt", "gt", "quot", "apos"]);
// Control characters other than tab, LF and CR; U+FFFE and U+FFFF; a surrogate that is not half of a pair.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Ends a name: whitespace, `/`, `>`, `=`, `<`, a quote, or the end. */
function nameEnd(xml: string, from: number): number {
  let i = from;
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (isSpace(c) || c === 47 || c === 62 || c === 61 || c === 60 || c === 34 || c === 39) break;
  }
  return i;
}

// XML 1.0's Name production (NameStartChar, then NameChar).
const START = ":A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
const NAME = new RegExp(`^[${START}][${START}\\-.0-9\u00B7\u0300-\u036F\u203F-\u2040]*$`, "u");
// A part uses a handful of names (c, r, s, t, v …) many times over: each is matched once.
const goodNames = new Set<string>();

function badName(name: string): boolean {
  if (goodNames.has(name)) return false;
  if (!NAME.test(name)) return true;
  if (goodNames.size < 10_000) goodNames.add(name);
  return false;
}

// The XML declaration, when a part starts with one: version 1.x, then optionally encoding and standalone, in that order.
const DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;

function codePointAllowed(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The problem with the reference that begins at `at` (its `;` before `end`), or undefined when XML allows it. */
function badReference(xml: string, at: number, end: number): string | undefined {
  const semi = xml.indexOf(";", at + 1);
  if (semi < 0 || semi >= end || semi - at > 12) return `an & that begins no reference at ${at}`;
  const body = xml.slice(at + 1, semi);
  if (body[0] === "#") {
    const cp = /^#x[0-9a-fA-F]+$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]+$/.test(body) ? parseInt(body.slice(1), 10) : NaN;
    if (!codePointAllowed(cp)) return `a character reference XML does not allow (&${body};) at ${at}`;
  } else if (!NAMED.has(body)) return `an undeclared entity (&${body};) at ${at}`;
  return undefined;
}

/** The first well-formedness problem of `xml`, in words, with its offset; undefined when it is well-formed. */
export function xmlProblem(xml: string): string | undefined {
  if (FORBIDDEN.test(xml)) return "a character XML does not allow";
  const stack: string[] = [];
  // Namespaces: the prefixes each open element declared, and how many open elements bind each prefix now.
  const scopes: (string[] | undefined)[] = [];
  const bound = new Map<string, number>([["xml", 1]]);
  const unbind = (declared: string[] | undefined): void => {
    if (declared) for (const p of declared) bound.set(p, bound.get(p)! - 1);
  };
  /** A prefixed name whose prefix is not bound here, or that is not a qualified name (`a:b:c`, `:b`, `a:`). */
  const prefixProblem = (n: string): string | undefined => {
    const colon = n.indexOf(":");
    if (colon < 0) return undefined;
    if (colon === 0 || colon === n.length - 1 || n.indexOf(":", colon + 1) >= 0) return `a name that is not a qualified name (${n})`;
    return bound.get(n.slice(0, colon)) ? undefined : `an undeclared namespace prefix (${n})`;
  };
  let rootSeen = false;
  // The next `&` of the part: text and attribute values are checked by moving it through them (no slices), and one
  // inside a comment, a CDATA section or a processing instruction is passed over.
  let amp = xml.indexOf("&");
  const refs = (from: number, to: number): string | undefined => {
    while (amp >= 0 && amp < to) {
      if (amp >= from) {
        const bad = badReference(xml, amp, to);
        if (bad) return bad;
      }
      amp = xml.indexOf("&", amp + 1);
    }
    return undefined;
  };
  // The next `]]>`, which text may not hold (a CDATA section's end is passed over as the `&` above is).
  let cdataEnd = xml.indexOf("]]>");
  // The next `<` after an attribute's opening quote, kept while a tag's attributes are read (one search per tag).
  let nextLt = -1;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      // XML's white space is these four only (not U+3000 or a no-break space, which trim() would pass).
      if (stack.length === 0 && /[^ \t\r\n]/.test(xml.slice(i, textEnd))) return `text outside the root element at ${i}`;
      const bad = refs(i, textEnd);
      if (bad) return bad;
      while (cdataEnd >= 0 && cdataEnd < textEnd) {
        if (cdataEnd >= i) return `]]> in text at ${cdataEnd}`;
        cdataEnd = xml.indexOf("]]>", cdataEnd + 1);
      }
    }
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) return `a processing instruction never closed at ${lt}`;
      const target = xml.slice(lt + 2, Math.min(nameEnd(xml, lt + 2), end));
      if (target.toLowerCase() === "xml" && (lt !== i || i > 1 || !DECLARATION.test(xml.slice(lt, end + 2)))) return `an XML declaration that is not the part's first, well-formed line at ${lt}`;
      if (badName(target)) return `a processing instruction without a name at ${lt}`;
      i = end + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return `a comment never closed at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      if (stack.length === 0) return `CDATA outside the root element at ${lt}`;
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) return `CDATA never closed at ${lt}`;
      i = end + 3;
    } else if (xml.charCodeAt(lt + 1) === 33 /* ! */) {
      return `a declaration (DTD) at ${lt}`;
    } else if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      const stop = nameEnd(xml, lt + 2);
      const open = stack.pop();
      unbind(scopes.pop());
      if (open === undefined || stop - lt - 2 !== open.length || !xml.startsWith(open, lt + 2)) {
        const name = xml.slice(lt + 2, stop);
        return open === undefined ? `an end tag </${name}> with no start tag at ${lt}` : `</${name}> closes <${open}> at ${lt}`;
      }
      let j = stop;
      while (isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 62) return `an end tag not closed by > at ${lt}`;
      i = j + 1;
    } else {
      if (rootSeen && stack.length === 0) return `a second root element at ${lt}`;
      const stop = nameEnd(xml, lt + 1);
      const name = xml.slice(lt + 1, stop);
      if (badName(name)) return `a start tag without a name at ${lt}`;
      const seen: string[] = [];
      let declared: string[] | undefined;
      let defaultSeen = false;
      let j = stop;
      for (;;) {
        const before = j;
        while (isSpace(xml.charCodeAt(j))) j++;
        const c = xml.charCodeAt(j);
        if (c === 62 /* > */ || c === 47 /* / */) {
          if (c === 47 && xml.charCodeAt(j + 1) !== 62) return `a / in a start tag at ${j}`;
          // Declarations on the tag apply to its own name and attributes.
          if (declared) for (const p of declared) bound.set(p, (bound.get(p) ?? 0) + 1);
          let unbound = prefixProblem(name);
          for (let k = 0; !unbound && k < seen.length; k++) unbound = prefixProblem(seen[k]);
          if (unbound) return `${unbound} at ${lt}`;
          rootSeen = true;
          if (c === 62) {
            stack.push(name);
            scopes.push(declared);
            i = j + 1;
          } else {
            unbind(declared);
            i = j + 2;
          }
          break;
        }
        if (j === before) return `attributes not separated by a space at ${j}`;
        const an = nameEnd(xml, j);
        const attr = xml.slice(j, an);
        if (badName(attr)) return `a start tag not closed at ${lt}`;
        if (attr.startsWith("xmlns:")) {
          if (declared?.includes(attr.slice(6))) return `attribute ${attr} given twice at ${j}`;
          (declared ??= []).push(attr.slice(6));
        } else if (attr === "xmlns") {
          if (defaultSeen) return `attribute xmlns given twice at ${j}`;
          defaultSeen = true;
        } else {
          if (seen.length && seen.includes(attr)) return `attribute ${attr} given twice at ${j}`;
          seen.push(attr);
        }
        j = an;
        while (isSpace(xml.charCodeAt(j))) j++;
        if (xml.charCodeAt(j) !== 61 /* = */) return `attribute ${attr} without a value at ${j}`;
        j++;
        while (isSpace(xml.charCodeAt(j))) j++;
        const q = xml[j];
        if (q !== '"' && q !== "'") return `attribute ${attr} not quoted at ${j}`;
        const close = xml.indexOf(q, j + 1);
        if (close < 0) return `attribute ${attr} never closed at ${j}`;
        if (close === j + 1 && attr.startsWith("xmlns:")) return `a prefix bound to no namespace (${attr}="") at ${j}`;
        if (nextLt <= j) nextLt = xml.indexOf("<", j + 1);
        if (nextLt >= 0 && nextLt < close) return `a < in attribute ${attr} at ${j}`;
        const bad = refs(j + 1, close);
        if (bad) return `${bad}, in attribute ${attr}`;
        j = close + 1;
      }
    }
  }
  if (stack.length) return `<${stack[stack.length - 1]}> never closed`;
  if (!rootSeen) return "no root element";
  return undefined;
}
