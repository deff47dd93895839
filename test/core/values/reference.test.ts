/**
 * Every distinct value of the 小平 seed (values_parsed.json, the project copy) parsed and compared
 * part by part with the reference parser (valueparse.py): number after multiplier, unit, comparator,
 * per, prefix, band, labels, groups, qualifiers and notes. Deliberate differences are listed below.
 */
import * as fs from "fs";
import * as path from "path";
import { parseValue } from "../../../src/core/values/number/parse-value";
import type { ParsedValue, ValueKind } from "../../../src/core/values/types";

interface RefPart {
  group: string | null;
  label: string | null;
  prefix: string | null;
  number: number;
  multiplier: string | null;
  value: number;
  unit: string | null;
  per: string | null;
  band: string | null;
  comparator: string | null;
  in_parentheses: boolean;
}
interface RefDate {
  era: string;
  era_year: number;
  ad_year: number;
  kind: "fiscal_year" | "end_of_fiscal_year" | "year_only" | "month";
  month?: number;
  end_of_month?: boolean;
}
interface RefParsed {
  raw: string;
  marker: string | null;
  kind: string;
  parts: RefPart[];
  qualifiers: { text: string; dates: RefDate[] }[];
  notes: string[];
  relative?: string;
  table?: { units: string[]; rows: { era_year: number; ad_year: number; values: number[] }[] };
}
interface RefEntry {
  raw: string;
  where: string[];
  parsed: RefParsed;
}

const FILE = path.join(__dirname, "../../../seeds/data/kodaira/values_parsed.json");
const entries: RefEntry[] = JSON.parse(fs.readFileSync(FILE, "utf8"));

const COMPARATOR: Record<string, string> = { 以上: ">=", 以下: "<=", 以内: "<=", 未満: "<" };

/** Reference kinds → ours, where only the name differs. */
const KIND: Record<string, ValueKind> = {
  simple: "simple",
  multi: "multi",
  sentence: "sentence",
  placeholder: "placeholder",
  year_table: "year-table",
  qualitative: "qualitative",
};

/**
 * Deliberate differences from the reference parse. Each row says why, and what we expect instead.
 * Anything not listed must agree with the reference.
 */
interface Difference {
  reason: string;
  kind?: ValueKind;
  /** Our parts as [label, value, unit, inParentheses]; replaces the reference parts in the comparison. */
  parts?: [string | undefined, number, string | undefined, boolean][];
  /** Our group of each part where the reference has none. */
  groups?: (string | undefined)[];
}

const DENOMINATOR =
  "`107指標のうち` is the denominator phrase of the breakdown (a number followed by の is definitional, b.1 rule 10), not a value; the reference makes `107指標` a part and labels `62本` `のうち`";
const BULLET_GROUP = "the bullet heading `・シルバー人材センター` before the labelled parts is their group; the reference leaves group empty";

const DIFFERENCES: Record<string, Difference> = {
  "13": { reason: "a text cell holding only a number is kind number with numberAsText (NUMBER-AS-TEXT)", kind: "number" },
  "36": { reason: "a text cell holding only a number is kind number with numberAsText (NUMBER-AS-TEXT)", kind: "number" },
  "法定外繰入額の減": { reason: "a target relative to the baseline is kind relative (decrease), not qualitative", kind: "relative" },
  "前年度以上": { reason: "a target relative to last year is kind relative (at-least-previous), not qualitative", kind: "relative" },
  "※アンケート未実施": { reason: "a cell holding only a ※ remark is kind note", kind: "note" },
  "平成27年度の施策評価において設定された成果指標の目標のうち、達成率が100%であったもの57.9% →(107指標のうち、62本)": {
    reason: DENOMINATOR,
    parts: [
      ["達成率が100%であったもの", 57.9, "%", false],
      ["107指標のうち", 62, "本", true],
    ],
  },
  "平成28年度の施策評価において設定された成果指標の目標のうち、達成率が100%であったもの62.6% →(107指標のうち、67本)": {
    reason: DENOMINATOR,
    parts: [
      ["達成率が100%であったもの", 62.6, "%", false],
      ["107指標のうち", 67, "本", true],
    ],
  },
  "・シルバー人材センター 会員数1,127人 就業率 82.8% 契約金額 429,694千円": {
    reason: BULLET_GROUP,
    groups: ["シルバー人材センター", "シルバー人材センター", "シルバー人材センター"],
  },
  "・シルバー人材センター 会員数 1,128人 就業率 84.0% 契約金額 437,714千円": {
    reason: BULLET_GROUP,
    groups: ["シルバー人材センター", "シルバー人材センター", "シルバー人材センター"],
  },
  "・小平市文化振興財団(利用料収入)6,800万円 ・小平市社会福祉協議会(会費収入等)2,300万円 ・シルバー人材センター 契約金額 44,200万円": {
    reason: BULLET_GROUP,
    groups: [undefined, undefined, "シルバー人材センター"],
  },
};

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, "");
}

function allQualifierTexts(v: ParsedValue): string[] {
  return [...v.qualifiers, ...v.parts.flatMap((p) => p.qualifiers)].map((q) => squeeze(q.text));
}

test("the reference file holds 115 distinct values", () => {
  expect(entries).toHaveLength(115);
  expect(new Set(entries.map((e) => e.raw)).size).toBe(115);
});

test("every listed difference is a value of the reference file", () => {
  const raws = new Set(entries.map((e) => e.raw));
  for (const raw of Object.keys(DIFFERENCES)) expect(raws.has(raw)).toBe(true);
});

describe.each(entries.map((e) => [e.raw, e] as const))("%s", (raw, entry) => {
  const ref = entry.parsed;
  const diff = DIFFERENCES[raw];
  let v: ParsedValue;

  beforeAll(() => {
    v = parseValue(raw);
  });

  test("parses without issues, with the reference kind and marker", () => {
    expect(v.raw).toBe(raw);
    expect(v.issues).toEqual([]);
    expect(v.kind).toBe(diff?.kind ?? KIND[ref.kind]);
    expect(v.marker).toBe(ref.marker ?? undefined);
  });

  test("numbers, units, comparators, per, prefix and band agree part by part", () => {
    if (diff?.parts) {
      expect(v.parts.map((p) => [p.label, p.value, p.unit, p.inParentheses])).toEqual(diff.parts);
      return;
    }
    expect(v.parts).toHaveLength(ref.parts.length);
    ref.parts.forEach((rp, i) => {
      const p = v.parts[i];
      expect(close(p.value, rp.value)).toBe(true);
      expect(close(p.number, rp.number)).toBe(true);
      expect(p.unit).toBe(rp.unit ?? undefined);
      expect(p.comparator).toBe(rp.comparator ? COMPARATOR[rp.comparator] : undefined);
      expect(p.per).toBe(rp.per ? rp.per.replace(/^\//, "") : undefined);
      expect(p.prefix).toBe(rp.prefix ?? undefined);
      expect(p.multiplier).toBe(rp.multiplier ?? undefined);
      expect(p.inParentheses).toBe(rp.in_parentheses);
      if (rp.band) expect(p.band).toEqual({ lo: rp.value, hi: rp.value + 10 });
      else expect(p.band).toBeUndefined();
      if (rp.label !== null) expect(p.label).toBe(rp.label);
      const group = diff?.groups ? diff.groups[i] : rp.group ?? undefined;
      expect(p.group).toBe(group);
    });
  });

  test("qualifiers and notes agree with the reference", () => {
    const texts = allQualifierTexts(v);
    for (const q of ref.qualifiers) {
      expect(texts).toContain(squeeze(q.text));
      const mine = [...v.qualifiers, ...v.parts.flatMap((p) => p.qualifiers)].find((x) => squeeze(x.text) === squeeze(q.text));
      for (const d of q.dates) {
        if (d.kind === "fiscal_year" || d.kind === "year_only") expect(mine?.fiscalYear).toBe(d.ad_year);
        if (d.kind === "end_of_fiscal_year") {
          expect(mine?.fiscalYear).toBe(d.ad_year);
          expect(mine?.date).toEqual({ year: d.ad_year + 1, month: 3, day: 31 });
        }
        if (d.kind === "month") {
          expect(mine?.date?.year).toBe(d.ad_year);
          expect(mine?.date?.month).toBe(d.month);
        }
      }
    }
    expect(v.notes).toEqual(ref.notes);
    if (ref.relative) expect(v.relative?.text).toBe(ref.relative);
  });

  if (ref.table) {
    test("the flattened year table agrees", () => {
      expect(v.yearTable?.units).toEqual(ref.table?.units);
      expect(v.yearTable?.rows.map((r) => [r.fiscalYear, r.values])).toEqual(ref.table?.rows.map((r) => [r.ad_year, r.values]));
    });
  }
});
