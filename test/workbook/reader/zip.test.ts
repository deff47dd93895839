/**
 * @jest-environment node
 *
 * The zip container (src/workbook/xlsx/zip.ts) on archives the tests write byte by byte (raw-zip.ts): what
 * other writers produce (data descriptors, zip64, folder entries, names in UTF-8) opens as a workbook; damage and
 * encryption give the WorkbookError the user's message is chosen by; and the writer's copies are byte-exact and
 * open in other tools.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync } from "fflate";
import { crc32, inflateEntry, readZip, writeZip } from "../../../src/workbook/xlsx/zip";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { at, errorOf, packageFiles, ws } from "./build";
import { entriesOf, rawZip, testCrc32, type RawEntry } from "./raw-zip";

const SHEET = ws(`<row r="2"><c r="B2" t="inlineStr"><is><t>所管課</t></is></c><c r="C2"><v>42</v></c></row>`);
const files = () => packageFiles({ sheets: [{ name: "調査票", xml: SHEET }] });

async function readsB2C2(bytes: Uint8Array): Promise<void> {
  const book = await XlsxWorkbook.load(bytes, "t.xlsx");
  const g = (await book.readAll()).sheets[0];
  expect(g.name).toBe("調査票");
  expect(at(g, "B2")).toBe("所管課");
  expect(at(g, "C2")).toBe(42);
}

describe("reading the container", () => {
  test("stored and deflated entries both give their bytes", async () => {
    const bytes = rawZip([
      { name: "a.txt", data: strToU8("stored text"), method: 0 },
      { name: "b.txt", data: strToU8("deflated ".repeat(50)), method: 8 },
    ]);
    const [a, b] = readZip(bytes);
    expect([a.method, b.method]).toEqual([0, 8]);
    expect(new TextDecoder().decode(inflateEntry(a, 1e6))).toBe("stored text");
    expect(new TextDecoder().decode(inflateEntry(b, 1e6))).toBe("deflated ".repeat(50));
    expect(b.raw.length).toBeLessThan(b.size); // the raw view is the compressed data
    await readsB2C2(rawZip(entriesOf(files(), { method: 0 })));
    await readsB2C2(rawZip(entriesOf(files(), { method: 8 })));
  });

  test("entries whose sizes follow the data (flag bit 3, as streaming writers make them)", async () => {
    const bytes = rawZip(entriesOf(files(), { descriptor: true }));
    expect(readZip(bytes).every((e) => e.size > 0)).toBe(true);
    await readsB2C2(bytes);
  });

  test("zip64: sizes and offsets in the extra field, and the zip64 end record", async () => {
    const bytes = rawZip(entriesOf(files(), { zip64: true }), { zip64End: true });
    // The classic fields really are the zip64 markers, so this reads only if the zip64 records are followed.
    expect(unzipSync(bytes)).toBeDefined();
    const entries = readZip(bytes);
    expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    expect(entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!.size).toBe(files()["xl/worksheets/sheet1.xml"].length);
    await readsB2C2(bytes);
    await readsB2C2(rawZip(entriesOf(files(), { zip64: true, descriptor: true }), { zip64End: true }));
  });

  test("UTF-8 names, with and without the UTF-8 flag, reach the part the relationship names", async () => {
    for (const utf8Flag of [true, false]) {
      const f = packageFiles({ sheets: [{ name: "調査票", xml: SHEET, target: "worksheets/調査票.xml" }] });
      const bytes = rawZip(entriesOf(f, {}).map((e) => ({ ...e, utf8Flag: (e.name as string).includes("調査票") ? utf8Flag : undefined })));
      expect(readZip(bytes).map((e) => e.name)).toContain("xl/worksheets/調査票.xml");
      await readsB2C2(bytes);
    }
    // Excel writes non-ASCII part names percent-encoded in the relationship's Target.
    const f = packageFiles({ sheets: [{ name: "調査票", xml: SHEET, target: `worksheets/${encodeURIComponent("調査票")}.xml`, partName: "xl/worksheets/調査票.xml" }] });
    await readsB2C2(rawZip(entriesOf(f)));
  });

  test("a file cut short is corrupt, wherever the cut falls", async () => {
    const whole = rawZip(entriesOf(files()));
    for (const keep of [0.2, 0.5, 0.9, 0.99]) {
      const cut = whole.subarray(0, Math.floor(whole.length * keep));
      expect(await errorOf(() => XlsxWorkbook.load(cut, "t.xlsx"))).toMatchObject({ code: "corrupt" });
    }
    // Only the end record's last bytes lost.
    expect(await errorOf(() => XlsxWorkbook.load(whole.subarray(0, whole.length - 3), "t.xlsx"))).toMatchObject({ code: "corrupt" });
  });

  test("an entry whose data runs on past its declared size is a damaged part, not a silently shortened sheet", async () => {
    const f = files();
    const sheet = f["xl/worksheets/sheet1.xml"];
    // Declared smaller than it is: inflating into the declared size would silently drop the sheet's end.
    const shorter = rawZip(entriesOf(f).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, declaredSize: sheet.length - 40 } : e)));
    const err = await errorOf(async () => (await XlsxWorkbook.load(shorter, "t.xlsx")).readAll());
    expect(err).toMatchObject({ code: "corrupt-part" });
    expect(err.detail).toContain("xl/worksheets/sheet1.xml");
  });

  test("an encrypted entry is refused as encrypted, never inflated", async () => {
    const bytes = rawZip(entriesOf(files()).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, encrypted: true } : e)));
    const entry = readZip(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(entry.encrypted).toBe(true);
    expect(await errorOf(() => inflateEntry(entry, 1e6))).toMatchObject({ code: "encrypted" });
    expect(await errorOf(async () => (await XlsxWorkbook.load(bytes, "t.xlsx")).readAll())).toMatchObject({ code: "encrypted" });
  });

  test("folder entries are not parts", async () => {
    const folders: RawEntry[] = ["xl/", "xl/worksheets/", "_rels/", "docProps/"].map((name) => ({ name, data: new Uint8Array(0), method: 0 }));
    const bytes = rawZip([...folders, ...entriesOf(files())]);
    const names = readZip(bytes).map((e) => e.name);
    expect(names.filter((n) => n.endsWith("/"))).toEqual([]);
    expect(names).toContain("xl/workbook.xml");
    await readsB2C2(bytes);
  });

  test("a part larger than the limit is refused before it is inflated", () => {
    const [e] = readZip(rawZip([{ name: "big.xml", data: new Uint8Array(5000) }]));
    expect(() => inflateEntry(e, 4999)).toThrow(expect.objectContaining({ code: "too-complex" }));
    expect(inflateEntry(e, 5000).length).toBe(5000);
  });
});

describe("writing the container", () => {
  const source = () => rawZip(entriesOf({ ...files(), "docProps/custom.xml": strToU8("<Properties/>".repeat(30)) }).map((e, i) => ({ ...e, method: i % 2 ? 0 : 8, descriptor: i === 2 })));

  test("kept entries keep their compressed bytes, CRC and method; new ones are added", () => {
    const kept = readZip(source());
    const added = { name: "xl/worksheets/sheet2.xml", data: strToU8(ws(`<row r="1"><c r="A1"><v>7</v></c></row>`)) };
    const out = writeZip([...kept, added]);
    const again = readZip(out);
    expect(again.map((e) => e.name)).toEqual([...kept.map((e) => e.name), added.name]);
    kept.forEach((e, i) => {
      expect(again[i].method).toBe(e.method);
      expect(again[i].crc).toBe(e.crc);
      expect(Buffer.from(again[i].raw).equals(Buffer.from(e.raw))).toBe(true);
    });
    expect(again[kept.length].crc).toBe(testCrc32(added.data));
    expect(crc32(added.data)).toBe(testCrc32(added.data));
  });

  test("the written zip opens in fflate and passes unzip -t, with every entry's content intact", () => {
    const original = unzipSync(source());
    const out = writeZip([...readZip(source()), { name: "xl/新しい.xml", data: strToU8("<x>新</x>") }]);
    const back = unzipSync(out);
    for (const [name, data] of Object.entries(original)) expect(Buffer.from(back[name]).equals(Buffer.from(data))).toBe(true);
    expect(new TextDecoder().decode(back["xl/新しい.xml"])).toBe("<x>新</x>");
    const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
    try {
      writeFileSync(join(dir, "out.xlsx"), out);
      const report = execFileSync("unzip", ["-t", join(dir, "out.xlsx")], { encoding: "utf8" });
      expect(report).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a zip64 source is written back as an ordinary zip that still opens", async () => {
    const out = writeZip(readZip(rawZip(entriesOf(files(), { zip64: true }), { zip64End: true })));
    expect(Object.keys(unzipSync(out))).toContain("xl/worksheets/sheet1.xml");
    await readsB2C2(out);
  });
});
