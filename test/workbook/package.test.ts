/**
 * @jest-environment node
 *
 * The package (src/workbook/xlsx/package.ts) keeps what it read of its relationships and content types, and the
 * text of the parts it set, and updates them in step with its changes instead of reading again. What it answers
 * must be what a package opened again from its bytes answers.
 */
import { Package } from "../../src/workbook/xlsx/package";

const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const OTHER = "application/xml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

function reopened(pkg: Package): Package {
  return Package.open(pkg.toBytes());
}

test("content types set, set again and removed one by one read back the same from the bytes", () => {
  const pkg = Package.empty();
  const parts = Array.from({ length: 300 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`);
  for (const p of parts) pkg.setContentType(p, CT);
  pkg.setContentType("xl/worksheets/Sheet7.xml", OTHER); // the same part, in another case: replaced, not added
  pkg.removeContentType(parts[9]);
  pkg.setContentType("xl/new.xml", OTHER);
  const again = reopened(pkg);
  for (const p of [...parts, "xl/new.xml", "xl/nothing.bin"]) expect([p, pkg.contentType(p)]).toEqual([p, again.contentType(p)]);
  expect(pkg.contentType(parts[6])).toBe(OTHER);
  expect(pkg.contentType(parts[9])).toBe(OTHER); // its Override gone, the .xml Default answers
  const xml = again.text("[Content_Types].xml")!;
  expect(xml.match(/<Override /g)).toHaveLength(300);
  expect(xml.match(/sheet7\.xml/gi)).toHaveLength(1);
});

test("relationships added one by one read back the same from the bytes, with ids not taken before", () => {
  const pkg = Package.empty();
  pkg.set("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${REL}" Target="worksheets/old.xml"/></Relationships>`);
  const ids = Array.from({ length: 200 }, (_, i) => pkg.addRel("xl/workbook.xml", REL, `xl/worksheets/sheet${i + 1}.xml`));
  expect(new Set(ids).size).toBe(200);
  expect(ids).not.toContain("rId2");
  expect(pkg.rels("xl/workbook.xml")).toEqual(reopened(pkg).rels("xl/workbook.xml"));
  expect(pkg.rels("xl/workbook.xml")).toHaveLength(201);
});

test("a part set as text gives its UTF-8 bytes and size, here and once written", () => {
  const pkg = Package.empty();
  const text = "<si><t>評価一覧 ✓ 𠮷</t></si>";
  pkg.set("xl/a.xml", text);
  const utf8 = new TextEncoder().encode(text);
  expect(pkg.size("xl/a.xml")).toBe(utf8.length);
  expect(pkg.bytes("xl/a.xml")).toEqual(utf8);
  expect(pkg.changedParts()).toEqual(["xl/a.xml"]);
  expect(pkg.unchanged("xl/a.xml")).toBe(false);
  const again = reopened(pkg);
  expect(again.text("xl/a.xml")).toBe(text);
  expect(again.unchanged("xl/a.xml")).toBe(true);
});

test("appends left to be joined read back as the same text as inserting each at once, whatever is asked in between", () => {
  const wb = `<?xml version="1.0"?><x:workbook xmlns:x="urn:m"><x:sheets><x:sheet name="A"/></x:sheets><x:definedNames/></x:workbook>`;
  const pkg = Package.empty();
  pkg.set("xl/workbook.xml", wb);
  let expected = wb;
  const insert = (content: string) => {
    const at = expected.indexOf("</x:sheets>");
    expected = expected.slice(0, at) + content + expected.slice(at);
  };
  const revisions: number[] = [];
  for (let i = 0; i < 50; i++) {
    const el = `<x:sheet name="S${i}"/>`;
    pkg.appendInside("xl/workbook.xml", "sheets", el, false);
    insert(el);
    revisions.push(pkg.revisionOf("xl/workbook.xml"));
    // Read, sized, encoded or set now and then: each sees every append so far, and the next append still lands.
    if (i % 7 === 3) expect(pkg.text("xl/workbook.xml")).toBe(expected);
    if (i % 11 === 5) expect(pkg.size("xl/workbook.xml")).toBe(new TextEncoder().encode(expected).length);
    if (i % 13 === 6) expect(new TextDecoder().decode(pkg.bytes("xl/workbook.xml"))).toBe(expected);
    if (i === 40) {
      expected = expected.replace(`name="A"`, `name="B"`);
      pkg.set("xl/workbook.xml", expected);
    }
  }
  // Each append is a change, so what was read from the part before it is not kept.
  expect(new Set(revisions).size).toBe(50);
  expect(pkg.changedParts()).toEqual(["xl/workbook.xml"]);
  expect(reopened(pkg).text("xl/workbook.xml")).toBe(expected);
  expect(pkg.text("xl/workbook.xml")).toBe(expected);
});

test("an append into a self-closing element opens it; into an element never closed, the part is refused as damaged", () => {
  const pkg = Package.empty();
  pkg.set("a.xml", `<r><list/></r>`);
  pkg.appendInside("a.xml", "list", "<i/>", false);
  pkg.appendInside("a.xml", "list", "<j/>", false);
  pkg.appendInside("a.xml", "r", "<k/>", true);
  expect(reopened(pkg).text("a.xml")).toBe(`<r><list><i/><j/></list><k/></r>`);
  pkg.set("b.xml", `<r><list><i/>`);
  expect(() => pkg.appendInside("b.xml", "list", "<j/>", false)).toThrow(expect.objectContaining({ code: "corrupt-part" }));
  expect(pkg.text("b.xml")).toBe(`<r><list><i/>`);
});
