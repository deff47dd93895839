/**
 * @jest-environment node
 *
 * The CLI reads and writes zip entries with Node's zlib: it must refuse damage exactly as the portable codec does — an
 * entry longer than its declared size, or one whose CRC does not match — read a sound entry the same, and write
 * parts that another unzipper reads back.
 */
import zlib from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { useNativeZip } from "../src/cli/native-zip";
import { inflateEntry, readZip, writeZip } from "../src/workbook/xlsx/zip";

const text = new TextEncoder().encode("<worksheet>" + "x".repeat(5000) + "</worksheet>");

/** The central directory entry of the only file: its CRC at +16 and uncompressed size at +24. */
function patchCentral(zip: Uint8Array, offset: 16 | 24, value: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + offset, value, true);
      return out;
    }
  }
  throw new Error("no central directory");
}

describe.each([
  ["portable (fflate)", () => undefined],
  ["native (node:zlib)", () => useNativeZip()],
])("%s", (_, install) => {
  // The portable block runs first, with the codec zip.ts starts with; the native block then installs zlib's.
  beforeAll(install);

  const zip = zipSync({ "xl/worksheets/sheet1.xml": text });

  test("a sound entry reads back byte for byte", () => {
    const [e] = readZip(zip);
    expect(Buffer.from(inflateEntry(e, 1 << 20)).equals(Buffer.from(text))).toBe(true);
  });

  test("an entry longer than its declared size is a damaged part, not cut short", () => {
    const [e] = readZip(patchCentral(zip, 24, text.length - 100));
    expect(() => inflateEntry(e, 1 << 20)).toThrow(expect.objectContaining({ code: "corrupt-part", detail: "xl/worksheets/sheet1.xml" }));
  });

  test("a part written is deflated, and reads back byte for byte here and in another unzipper", () => {
    const written = writeZip([{ name: "xl/worksheets/sheet2.xml", data: text }, ...readZip(zip)]);
    const [e, kept] = readZip(written);
    expect(e.method).toBe(8);
    expect(e.raw.length).toBeLessThan(text.length / 10);
    expect(Buffer.from(inflateEntry(e, 1 << 20)).equals(Buffer.from(text))).toBe(true);
    const other = unzipSync(written);
    expect(Object.keys(other)).toEqual(["xl/worksheets/sheet2.xml", "xl/worksheets/sheet1.xml"]);
    expect(Buffer.from(other["xl/worksheets/sheet2.xml"]).equals(Buffer.from(text))).toBe(true);
    expect(kept.raw).toEqual(readZip(zip)[0].raw); // a kept entry is copied as it came
  });

  test("an entry whose CRC does not match is a damaged part", () => {
    const [e] = readZip(patchCentral(zip, 16, 12345));
    expect(() => inflateEntry(e, 1 << 20)).toThrow(expect.objectContaining({ code: "corrupt-part" }));
  });
});

test("with the CLI's codec installed, the parts written are deflated by zlib, not by the portable code", () => {
  useNativeZip();
  const spy = jest.spyOn(zlib, "deflateRawSync");
  try {
    writeZip([{ name: "a.xml", data: text }]);
    expect(spy).toHaveBeenCalledTimes(1);
  } finally {
    spy.mockRestore();
  }
});
