/**
 * @jest-environment node
 *
 * The XML scanning the reader is built on (src/workbook/xlsx/xml.ts), first as functions, then as a user meets it:
 * the text of a cell read from a workbook.
 */
import { attr, elementPrefix, findTag, firstCloseTag, joinedText, lastCloseTag, tagAt, unescapeXml, unescapeXstring } from "../../../src/workbook/xlsx/xml";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { at, buildXlsx, readOne, t, TRANSITIONAL } from "./build";

describe("attr", () => {
  test("single and double quotes", () => {
    expect(attr(`<c r='A1' t='s'>`, "t")).toBe("s");
    expect(attr(`<c r="A1" t='str'>`, "r")).toBe("A1");
    expect(attr(`<c a='say "hi"'>`, "a")).toBe('say "hi"');
    expect(attr(`<c a="it's">`, "a")).toBe("it's");
  });

  test("spaces around =", () => {
    expect(attr(`<c r = "A1" s  =  '3'>`, "r")).toBe("A1");
    expect(attr(`<c r = "A1" s  =  '3'>`, "s")).toBe("3");
  });

  test("any XML white space around = and between attributes (tab, line breaks)", () => {
    expect(attr(`<c\n  r="A1"\n  t="s">`, "t")).toBe("s");
    expect(attr(`<c\tr\t=\t"A1">`, "r")).toBe("A1");
    expect(attr(`<c r=\n"A1">`, "r")).toBe("A1");
  });

  test("a name that is the end of another name, or of a prefixed one, is not it", () => {
    expect(attr(`<selection sqref="A1:B2" r="C3">`, "r")).toBe("C3");
    expect(attr(`<selection sqref="A1:B2">`, "ref")).toBeUndefined();
    expect(attr(`<selection sqref="A1:B2">`, "r")).toBeUndefined();
    expect(attr(`<c xr:r="Z9" r="A1">`, "r")).toBe("A1");
    expect(attr(`<sheet name="a" r:id="rId3">`, "id")).toBeUndefined();
  });

  test("a name that appears inside another attribute's value is not it (XML lets ' stand unescaped in \"…\")", () => {
    expect(attr(`<sheet name="x r=&quot;Q&quot;" r="A1">`, "r")).toBe("A1");
    expect(attr(`<sheet name="回答 state='hidden'" sheetId="1">`, "state")).toBeUndefined();
  });

  test("entities and character references are decoded once", () => {
    expect(attr(`<sheet name="&lt;&gt;&amp;&quot;&apos;">`, "name")).toBe(`<>&"'`);
    expect(attr(`<sheet name="&#x41;&#66;&#x1F600;&#12354;">`, "name")).toBe("AB😀あ");
    expect(attr(`<sheet name="&amp;lt;">`, "name")).toBe("&lt;");
  });
});

describe("unescaping", () => {
  test("entities, decimal and hex character references, astral planes, no double decoding", () => {
    expect(unescapeXml("a &lt; b &amp;&amp; c &gt; d")).toBe("a < b && c > d");
    expect(unescapeXml("&#13;&#x0A;&#x9;")).toBe("\r\n\t");
    expect(unescapeXml("&#x20BB7;野家")).toBe("𠮷野家");
    expect(unescapeXml("&amp;#65;")).toBe("&#65;");
  });

  test("_xHHHH_ escapes, and _x005F_ escaping a literal one", () => {
    expect(unescapeXstring("a_x000D_b_x0009_c")).toBe("a\rb\tc");
    expect(unescapeXstring("_x005F_x0041_")).toBe("_x0041_");
    expect(unescapeXstring("_x0041")).toBe("_x0041");
    expect(unescapeXstring("_x00e9_")).toBe("é");
  });
});

describe("tags", () => {
  test("findTag does not take <rowBreaks>, <cols> or <colBreaks> for <row> or <c>", () => {
    const xml = `<worksheet><cols><col min="1"/></cols><rowBreaks count="1"><brk id="3"/></rowBreaks><colBreaks/><row r="1"><c r="A1"/></row></worksheet>`;
    expect(findTag(xml, "row", 0)).toBe(xml.indexOf(`<row r="1"`));
    expect(findTag(xml, "c", 0)).toBe(xml.indexOf(`<c r="A1"`));
    expect(findTag(xml, "row", 0, xml.indexOf(`<row r="1"`))).toBe(-1);
    expect(findTag(`<row>`, "row", 0)).toBe(0);
    expect(findTag(`<row/>`, "row", 0)).toBe(0);
    expect(findTag(`<row\nr="1">`, "row", 0)).toBe(0);
  });

  test("tagAt tells a self-closing tag, a `/` inside a value is not one", () => {
    expect(tagAt(`<c r="A1"/><d>`, 0)).toMatchObject({ tag: `<c r="A1"/>`, selfClosing: true });
    expect(tagAt(`<c r="A1" ><v>`, 0)).toMatchObject({ tag: `<c r="A1" >`, selfClosing: false });
    expect(tagAt(`<hyperlink display="a/"><x/>`, 0).selfClosing).toBe(false);
  });

  test("elementPrefix finds the writer's prefix", () => {
    expect(elementPrefix(`<?xml version="1.0"?><x:worksheet xmlns:x="${TRANSITIONAL.main}">`, "worksheet")).toBe("x:");
    expect(elementPrefix(`<worksheet xmlns="${TRANSITIONAL.main}">`, "worksheet")).toBe("");
    expect(elementPrefix(`<main:sst><main:si>`, "si")).toBe("main:");
  });

  test("joinedText joins rich text runs and leaves out phonetic runs", () => {
    const si = `<r><rPr><b/></rPr><t>東京</t></r><r><t xml:space="preserve"> 都</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>`;
    expect(joinedText(si, "", 0, si.length)).toBe("東京 都");
    const x = `<x:r><x:t>a</x:t></x:r><x:rPh sb="0" eb="1"><x:t>エー</x:t></x:rPh><x:r><x:t>b</x:t></x:r>`;
    expect(joinedText(x, "x:", 0, x.length)).toBe("ab");
  });
});

describe("firstCloseTag", () => {
  const byRegex = (xml: string, local: string) => xml.search(new RegExp(`</([A-Za-z_][\\w.-]*:)?${local}>`));

  test("with and without a prefix; not a longer name, a prefix that is not one, or a start tag", () => {
    expect(firstCloseTag("<Types><Default/></Types>", "Types")).toBe(17);
    expect(firstCloseTag("<x:sheets><x:sheet/></x:sheets>", "sheets")).toBe(20);
    expect(firstCloseTag("<a></fooTypes></Types>", "Types")).toBe(14);
    expect(firstCloseTag("</1x:Types></a:b:Types></:Types><Types>", "Types")).toBe(-1);
    expect(firstCloseTag("</Relationship></Relationships>", "Relationships")).toBe(15);
    expect(firstCloseTag("Types>", "Types")).toBe(-1);
  });

  test("lastCloseTag finds the last of them", () => {
    expect(lastCloseTag("<a></x:Types></Types><!-- Types> --></b>", "Types")).toBe(13);
    expect(lastCloseTag("</Types>", "Types")).toBe(0);
    expect(lastCloseTag("<Types/>", "Types")).toBe(-1);
  });

  test("finds what the regular expression finds, on 20,000 random strings", () => {
    // A small alphabet, so that near misses (a prefix with a digit first, two colons, a longer name) are common.
    const bits = ["<", "/", ":", "x", "1", "_", ".", "-", "a", ">", "sheets", "sheets>", "</", " "];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 20000; n++) {
      let xml = "";
      const len = 1 + Math.floor(next() * 12);
      for (let i = 0; i < len; i++) xml += bits[Math.floor(next() * bits.length)];
      expect([xml, firstCloseTag(xml, "sheets")]).toEqual([xml, byRegex(xml, "sheets")]);
      const all = [...xml.matchAll(/<\/([A-Za-z_][\w.-]*:)?sheets>/g)].map((m) => m.index);
      expect([xml, lastCloseTag(xml, "sheets")]).toEqual([xml, all.length ? all[all.length - 1] : -1]);
    }
  });
});

describe("cell text as read from a workbook", () => {
  const strings = [
    t("plain"),
    `<t>a &lt; b &amp; &#x41;&#12354;</t>`,
    `<t>x_x000D_y_x005F_x0041_z</t>`,
    `<t>一行目\r\n二行目\r三行目&#13;\n四行目</t>`,
    `<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/>`,
    `<r><t>1</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">万人 </t></r><r><t>以上</t></r>`,
    `<r><t>小</t></r><r><t>平</t></r><rPh sb="0" eb="1"><t>コ</t></rPh><rPh sb="1" eb="2"><t>ダイラ</t></rPh>`,
    `<t/>`,
  ];
  const row = strings.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("");

  test("shared strings: entities, _xHHHH_, line breaks, phonetic and rich runs", async () => {
    const g = await readOne(`<row r="1">${row}</row>`, { strings });
    expect(at(g, "A1")).toBe("plain");
    expect(at(g, "B1")).toBe("a < b & Aあ");
    expect(at(g, "C1")).toBe("x\ry_x0041_z");
    // A literal CR LF or CR in XML text is a line feed; only an escaped CR is a carriage return.
    expect(at(g, "D1")).toBe("一行目\n二行目\n三行目\r\n四行目");
    expect(at(g, "E1")).toBe("東京");
    expect(at(g, "F1")).toBe("1万人 以上");
    expect(at(g, "G1")).toBe("小平");
    expect(at(g, "H1")).toBeNull();
  });

  test("inline strings and formula strings decode the same way", async () => {
    const g = await readOne(
      `<row r="1">` +
        `<c r="A1" t="inlineStr"><is><t>x_x000D_y\r\nz &amp; &#x42;</t></is></c>` +
        `<c r="B1" t="inlineStr"><is><r><t>東</t></r><r><rPr><i/></rPr><t>京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>` +
        `<c r="C1" t="str"><f>A1</f><v>x_x000D_y\r\nz &amp; &#x42;</v></c>` +
        `</row>`,
    );
    expect(at(g, "A1")).toBe("x\ry\nz & B");
    expect(at(g, "B1")).toBe("東京");
    expect(at(g, "C1")).toBe("x\ry\nz & B");
  });

  test("a prefixed worksheet and shared string table (<x:c>, <x:si>)", async () => {
    const main = TRANSITIONAL.main;
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${main}" xmlns:r="${TRANSITIONAL.rel}"><x:dimension ref="A1:C2"/><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>12.5</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>インライン</x:t></x:is></x:c></x:row>` +
      `<x:row r="2"><x:c r="A2" t="b"><x:v>1</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B2:C2"/></x:mergeCells><x:sheetProtection sheet="1"/></x:worksheet>`;
    const bytes = buildXlsx({
      sheets: [{ name: "S", xml: sheet }],
      extra: {
        "xl/sharedStrings.xml": `<x:sst xmlns:x="${main}" count="2"><x:si><x:t>共有</x:t></x:si><x:si><x:r><x:t>リッチ</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh><x:r><x:t>テキスト</x:t></x:r></x:si></x:sst>`,
        "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${TRANSITIONAL.rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${TRANSITIONAL.rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
    });
    const g = (await (await XlsxWorkbook.load(bytes, "p.xlsx")).readAll()).sheets[0];
    expect(at(g, "A1")).toBe("共有");
    expect(at(g, "B1")).toBe(12.5);
    expect(at(g, "C1")).toBe("インライン");
    expect(at(g, "A2")).toBe(true);
    expect(at(g, "B2")).toBe("リッチテキスト");
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(g.protected).toBe(true);
  });

  test("cell tags spread over lines, with attributes in single quotes", async () => {
    const g = await readOne(`<row\n r='1'\n>\n<c\n r='B1'\n t='s'\n><v>0</v></c><c r = "C1" t = "b"><v>1</v></c></row>`, { strings: [t("改行")] });
    expect(at(g, "B1")).toBe("改行");
    expect(at(g, "C1")).toBe(true);
  });
});
