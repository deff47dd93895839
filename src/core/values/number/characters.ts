/**
 * Characters of a value text: full-width digits and punctuation are mapped to ASCII one for one, so every
 * position in the mapped text is the same position in the raw text (labels and qualifier texts are cut from the
 * raw text, exactly as written). Also the char-code tests and sticky-regex runs every reader here shares.
 */

const MAP_TEST = /[０-９，．％：（）／＋－Ａ-Ｚａ-ｚ～〜＜＞･､\u200B-\u200D\u2060\uFEFF]/;

function mapCode(c: number): number {
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 0x30; // digits
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xff21 + 0x41; // A-Z
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xff41 + 0x61; // a-z
  switch (c) {
    case 0xff0c: return 0x2c; // ，
    case 0xff0e: return 0x2e; // ．
    case 0xff05: return 0x25; // ％
    case 0xff1a: return 0x3a; // ：
    case 0xff08: return 0x28; // （
    case 0xff09: return 0x29; // ）
    case 0xff0f: return 0x2f; // ／
    case 0xff0b: return 0x2b; // ＋
    case 0xff0d: return 0x2d; // －
    case 0xff5e: return 0x7e; // ～
    case 0x301c: return 0x7e; // 〜
    case 0xff1c: return 0x3c; // ＜
    case 0xff1e: return 0x3e; // ＞
    case 0xff65: return 0x30fb; // ･
    case 0xff64: return 0x3001; // ､
    case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0xfeff: return 0x20; // zero-width
    default: return c;
  }
}

/** Same length as the input, so positions carry over to the raw text. */
export function mapChars(s: string): string {
  if (!MAP_TEST.test(s)) return s;
  // Unchanged runs are copied whole: most of a text maps to itself, and a string per character was garbage.
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = mapCode(c);
    if (m === c) continue;
    out += s.slice(from, i) + String.fromCharCode(m);
    from = i + 1;
  }
  return out + s.slice(from);
}

/** The mapped text (positions equal to the raw text's) and the raw text. */
export interface Ctx {
  readonly w: string;
  readonly raw: string;
}

/** Same set as the regex `\s`, on a char code: no one-character strings in the hot loops. */
export function isBlank(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The char codes of `chars`: first characters of optional pieces, where a Set lookup is much cheaper than a failed regex run. */
export const charCodes = (chars: string): ReadonlySet<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));

/**
 * The char code at `i`, or -1 past the end of the text. Optimised code that reads past a string's end is thrown
 * away and compiled again, once for every place that does it; the readers look one past a quantity all the time.
 */
export function codeAt(w: string, i: number): number {
  return i < w.length ? w.charCodeAt(i) : -1;
}

export function nextNonBlank(w: string, i: number, end: number): number {
  while (i < end && isBlank(w.charCodeAt(i))) i++;
  return i;
}

/** Runs a sticky regex at `pos`; a match that runs past `end` is no match. */
export function stickyMatch(re: RegExp, t: string, pos: number, end: number): RegExpExecArray | null {
  re.lastIndex = pos;
  const m = re.exec(t);
  return m && re.lastIndex <= end ? m : null;
}

export const ALL_WS = /\s+/g;

export function squeeze(s: string): string {
  return s.replace(ALL_WS, "");
}
