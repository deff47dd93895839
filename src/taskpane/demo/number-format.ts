/**
 * Shows a number cell the way Excel would, from its number format, for the demo's grid: 0.317 in a `0.0%` cell
 * reads 31.7%, not 0.317. Only what the sample workbooks and the summary sheets use is honoured (digits,
 * grouping, decimals, percent, quoted literals, and conditional sections such as `[>2]">200%";0.0%`);
 * anything else falls back to the plain number.
 */
import { splitOutsideQuotes } from "../../core/values/text";

interface Section {
  readonly text: string;
  readonly condition?: { readonly op: string; readonly limit: number };
}

/** Splits a format into its `;` sections, leaving quoted text alone. */
function sectionsOf(format: string): Section[] {
  return splitOutsideQuotes(format, ";", '"').map((text) => {
    const m = /^\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]/.exec(text);
    return m ? { text: text.slice(m[0].length), condition: { op: m[1], limit: Number(m[2]) } } : { text };
  });
}

function holds(op: string, v: number, limit: number): boolean {
  switch (op) {
    case "<":
      return v < limit;
    case "<=":
      return v <= limit;
    case ">":
      return v > limit;
    case ">=":
      return v >= limit;
    case "=":
      return v === limit;
    default:
      return v !== limit;
  }
}

/** Without conditions Excel uses section 1 for positive and zero, 2 for negative (shown without its sign). */
function pick(sections: readonly Section[], v: number): { section: Section; value: number } {
  if (sections.some((s) => s.condition)) {
    for (const s of sections) if (s.condition && holds(s.condition.op, v, s.condition.limit)) return { section: s, value: v };
    return { section: sections.find((s) => !s.condition) ?? sections[sections.length - 1], value: v };
  }
  if (v < 0 && sections.length > 1) return { section: sections[1], value: -v };
  if (v === 0 && sections.length > 2) return { section: sections[2], value: v };
  return { section: sections[0], value: v };
}

const DIGITS_RE = /[#0][#0,]*(?:\.[#0]*)?|\.[#0]+/;

/** A number as a cell with this format shows it; the plain number when the format is General or unknown. */
export function formatNumber(value: number, format?: string): string {
  const plain = String(Number(value.toPrecision(15)));
  if (!format || format === "General" || !Number.isFinite(value)) return plain;
  const { section, value: v } = pick(sectionsOf(format), value);
  // Quoted literals and [Red]-style tokens aside, what is left is the pattern.
  const literals: string[] = [];
  // Each literal stands in as one private-use character, so its digits are never read as the pattern's.
  const pattern = section.text.replace(/"([^"]*)"/g, (_m, s: string) => String.fromCharCode(0xe000 + literals.push(s) - 1)).replace(/\[[^\]]*\]/g, "");
  const unquote = (s: string) => s.replace(/[\ue000-\uf8ff]/g, (ch) => literals[ch.charCodeAt(0) - 0xe000] ?? ch).replace(/\\(.)/g, "$1");
  const digits = DIGITS_RE.exec(pattern);
  if (!digits) return unquote(pattern) || plain;
  const percent = pattern.includes("%");
  const [intPart, fracPart = ""] = digits[0].split(".");
  const number = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: (fracPart.match(/0/g) ?? []).length,
    maximumFractionDigits: fracPart.length,
    useGrouping: intPart.includes(","),
  }).format(percent ? v * 100 : v);
  let shown = number.startsWith("0.") && !intPart.includes("0") && intPart.length > 0 ? number.slice(1) : number;
  // Excel keeps the point of `#,##0.##` on a whole number (3 shows as `3.`).
  if (fracPart.length > 0 && !shown.includes(".")) shown += ".";
  return unquote(pattern.slice(0, digits.index) + shown + pattern.slice(digits.index + digits[0].length));
}
