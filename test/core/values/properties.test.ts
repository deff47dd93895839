import fc from "fast-check";
import { parseCode, RATING_SAB, STATUS_SYMBOLS } from "../../../src/core/values/codes";
import { parseDepartments } from "../../../src/core/values/departments";
import { splitMarkedSegments } from "../../../src/core/values/number/circled-segments";
import { parseValue } from "../../../src/core/values/number/parse-value";
import { normalizeForCompare, normalizeLabel, normalizeValueChars, stripHtml, trimInvisible } from "../../../src/core/values/text";
import { findFiscalYears, parseFiscalYear, parseWarekiDate } from "../../../src/core/values/wareki";

/** Characters of real value, label and department cells, plus the ones that break parsers. */
const ALPHABET = [
  ..."①②③⑳０１２３４５６７８９0123456789",
  ..."万億千百円人件%％以上以下以内未満超台延べ月額約概ね維持同左",
  ..."－—―ー−-・、，,.．:：()（）<>/／ \u3000\n\t",
  ..."平成令和昭和HRS年度末月日時点現在元～〜",
  ..."課室部局館センター他旧各所管全",
  ..."※注△▲○〇◯◎×✕ABSabｓＡ評価",
  ..."\u200B\uFEFF\u00a0e\u0301\u00a8",
  "<p>",
  "</p>",
  "<br>",
  '<ul style="list-style-type: none">',
  "<li>",
  "<目的・ねらい>",
];

const japanese = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 60 });
const graphemes = fc.string({ unit: "grapheme", maxLength: 60 });
const anyText = fc.oneof(japanese, graphemes);
const RUNS = { numRuns: 400 };

describe("parsers never throw", () => {
  test("parseValue: 任意の文字列・数値でも例外を出さず、raw を返す", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const v = parseValue(s);
        expect(v.raw).toBe(s);
        expect(Array.isArray(v.parts)).toBe(true);
        for (const p of v.parts) expect(Number.isNaN(p.value)).toBe(false);
        // The guard against exceptions must never be what saved the call.
        expect(v.issues.filter((i) => i.startsWith("parser failure"))).toEqual([]);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.double(), fc.boolean(), (n, pct) => {
        parseValue(n, { percentFormat: pct });
      }),
      RUNS,
    );
  });

  test("parseCode: 任意の入力で例外を出さない", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const a = parseCode(s, RATING_SAB);
        const b = parseCode(s, { ...STATUS_SYMBOLS, acceptBlackTriangle: true });
        for (const r of [a, b]) {
          expect(["ok", "variant", "invalid", "empty"]).toContain(r.status);
          if (r.status === "variant") expect(r.fixedText).toBeDefined();
        }
      }),
      RUNS,
    );
  });

  test("parseDepartments: 任意の文字列で例外を出さず、空の名前を返さない", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseDepartments(s);
        for (const d of r.departments) expect(d.name.length).toBeGreaterThan(0);
        for (const w of r.wildcards) expect(r.departments.map((d) => d.name)).toContain(w);
      }),
      RUNS,
    );
  });

  test("parseFiscalYear / parseWarekiDate / findFiscalYears: 任意の文字列で例外を出さない", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const fy = parseFiscalYear(s);
        if (fy) expect(Number.isInteger(fy.fiscalYear)).toBe(true);
        const d = parseWarekiDate(s);
        if (d?.month !== undefined) expect(d.month >= 1 && d.month <= 12).toBe(true);
        findFiscalYears(s);
      }),
      RUNS,
    );
  });

  test("splitMarkedSegments: 例外を出さず、印は昇順で、セグメントは元の文字列の一部", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const segs = splitMarkedSegments(s);
        const idx = segs.filter((x) => x.index !== undefined).map((x) => x.index as number);
        for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
        for (const x of segs) {
          expect(s.includes(x.text)).toBe(true);
          expect(x.text.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});

describe("normalisation is idempotent", () => {
  test("normalizeLabel(normalizeLabel(s)) === normalizeLabel(s)", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeLabel(s);
        expect(normalizeLabel(once)).toBe(once);
        expect(/\s/.test(once)).toBe(false);
      }),
      RUNS,
    );
  });

  test("normalizeForCompare は冪等", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeForCompare(s);
        expect(normalizeForCompare(once)).toBe(once);
      }),
      RUNS,
    );
  });

  test("stripHtml は冪等で、先頭・末尾に空行を作らない", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = stripHtml(s);
        expect(stripHtml(once)).toBe(once);
        // Blank lines at the edges may only be the cell's own text, never made by the fix.
        if (!/^\s/.test(s)) expect(once.startsWith("\n")).toBe(false);
        if (!/\s$/.test(s)) expect(once.endsWith("\n")).toBe(false);
      }),
      RUNS,
    );
  });

  test("normalizeValueChars は冪等で長さを変えない", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeValueChars(s);
        expect(normalizeValueChars(once)).toBe(once);
        expect(once.length).toBe(s.length);
      }),
      RUNS,
    );
  });

  test("trimInvisible は冪等", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = trimInvisible(s);
        expect(trimInvisible(once)).toBe(once);
      }),
      RUNS,
    );
  });
});

describe("round trips", () => {
  test("書式どおりに組み立てた値は組み立てた数と単位で読める", () => {
    const units = ["人", "件", "回", "団体", "%", "円", "事業所", "か所", "施設"];
    const comps: [string, string | undefined][] = [
      ["", undefined],
      ["以上", ">="],
      ["以下", "<="],
      ["未満", "<"],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.constantFrom(...units),
        fc.constantFrom(...comps),
        fc.boolean(),
        fc.constantFrom("", "①", "② "),
        (n, unit, [ct, c], grouped, marker) => {
          const digits = grouped ? n.toLocaleString("en-US") : String(n);
          const v = parseValue(`${marker}${digits}${unit}${ct}`);
          expect(v.kind).toBe("simple");
          expect(v.parts[0].value).toBe(n);
          expect(v.parts[0].unit).toBe(unit);
          expect(v.parts[0].comparator).toBe(c);
        },
      ),
      RUNS,
    );
  });

  test("平成N年度 / 令和N年度 は 1988+N / 2018+N", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.boolean(), (n, heisei) => {
        const fy = parseFiscalYear(`${heisei ? "平成" : "令和"}${n}年度`);
        expect(fy?.fiscalYear).toBe((heisei ? 1988 : 2018) + n);
        expect(fy?.problems).toEqual([]);
      }),
    );
  });
});
