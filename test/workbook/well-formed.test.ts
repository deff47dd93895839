/**
 * @jest-environment node
 *
 * xmlProblem, the check every changed part passes before a package is written: its verdict must be a strict XML
 * parser's (saxes), on hand-made cases and on every XML part of the sample workbooks, whole and damaged at random
 * (the mutation tests' damage, end tags cut included).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { xmlProblem } from "../../src/workbook/xlsx/well-formed";
import { damage, generator } from "../helpers/damage";
import { ROOT } from "../helpers/grid";

function saxesAccepts(xml: string): boolean {
  try {
    new SaxesParser({ xmlns: true }).write(xml).close();
    return true;
  } catch {
    return false;
  }
}

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

test.each([
  [DECL + '<worksheet xmlns="urn:x"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &#x41; &#65;</t></is></c></row></sheetData></worksheet>'],
  ["\ufeff" + DECL + "<a/>"],
  ['<a b="x > y" c=\'q\'><!-- & < --><![CDATA[ <&> ]]><?mso-contentType?></a>\n'],
  ["<x:a xmlns:x='urn:x'><x:b  r = \"1\" /></x:a>"],
  ["<a>\u{1F600} 日本語</a>"],
  ['<a xmlns:x="urn:x"><x:b x:r="1"><x:c/></x:b><b xmlns:y="urn:y" y:s="2"/><xml:d xml:space="preserve"/></a>'],
])("well-formed: %s", (xml) => {
  expect(saxesAccepts(xml)).toBe(true);
  expect(xmlProblem(xml)).toBeUndefined();
});

test.each([
  ["<a><b></a>", "closes"],
  ["<a></a><b/>", "second root"],
  ["<a><b></b>", "never closed"],
  ["<a></a", "end tag not closed"],
  ['<a b="1"c="2"/>', "not separated"],
  ['<a b="1" b="2"/>', "given twice"],
  ["<a b=1/>", "not quoted"],
  ['<a b="<"/>', "a < in attribute"],
  ['<a b="1/>', "never closed"],
  ["<a>x & y</a>", "begins no reference"],
  ["<a>&nbsp;</a>", "undeclared entity"],
  ["<a>&#0;</a>", "character reference"],
  ["<a>\u0001</a>", "character XML does not allow"],
  ["<a>\ud800</a>", "character XML does not allow"],
  ["text<a/>", "outside the root"],
  ["<a/>\u3000", "outside the root"],
  ["<a>]]></a>", "]]> in text"],
  ['<a/><?xml version="1.0"?>', "XML declaration"],
  ['<?xml version="2.0"?><a/>', "XML declaration"],
  ['<?xml version="1.0" standalone="maybe"?><a/>', "XML declaration"],
  ['<a><c r="B5" \u204c="x"/></a>', "not closed"],
  ["<a><!-- never", "comment never closed"],
  ['<worksheet><x14ac:c r="1"/></worksheet>', "undeclared namespace prefix"],
  ['<a xmlns:x="urn:x"><b/></a><!-- --><x:c/>', "second root"],
  ['<a><b xmlns:x="urn:x"/><c x:r="1"/></a>', "undeclared namespace prefix"],
  ['<a xmlns:x="urn:x" xmlns:x="urn:y"/>', "given twice"],
  ["<a:b:c/>", "not a qualified name"],
  ['<a xmlns:x=""/>', "bound to no namespace"],
  ["", "no root"],
])("not well-formed: %s (%s)", (xml, words) => {
  expect(saxesAccepts(xml)).toBe(false);
  expect(xmlProblem(xml)).toContain(words);
});

test("a DTD, which no OOXML part has, is refused though XML allows it", () => {
  expect(saxesAccepts("<!DOCTYPE a><a/>")).toBe(true);
  expect(xmlProblem("<!DOCTYPE a><a/>")).toContain("DTD");
});

test("on the samples' XML parts, whole and damaged 40 ways each, the verdict is the strict parser's", () => {
  const g = generator(11);
  let checked = 0;
  let malformed = 0;
  for (const file of readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".xlsx"))) {
    const parts = unzipSync(new Uint8Array(readFileSync(path.join(ROOT, "seeds", file))));
    for (const [name, bytes] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const whole = strFromU8(bytes);
      for (const xml of [whole, ...Array.from({ length: 40 }, () => damage(whole, g, 11))]) {
        const strict = saxesAccepts(xml);
        if (strict !== (xmlProblem(xml) === undefined)) throw new Error(`${file} ${name}: saxes ${strict ? "accepts" : "refuses"}, xmlProblem says ${xmlProblem(xml) ?? "well-formed"}`);
        checked++;
        if (!strict) malformed++;
      }
    }
  }
  // Both verdicts must have been tried often, or the comparison says little.
  expect(malformed).toBeGreaterThan(checked / 4);
  expect(checked - malformed).toBeGreaterThan(checked / 4);
});
