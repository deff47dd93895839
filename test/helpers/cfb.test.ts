/**
 * @jest-environment node
 *
 * The CFB writer the reliability tests use for encrypted and legacy workbooks is structurally right: a small reader
 * written here from [MS-CFB] (independent of the writer's code) parses the header, follows the FAT, and finds the
 * directory entries and stream bytes back.
 */
import {
  CFB_SIGNATURE,
  ENDOFCHAIN,
  FATSECT,
  FREESECT,
  NOSTREAM,
  biff8WorkbookStream,
  compareCfbNames,
  encryptedXlsxFixture,
  legacyXlsFixture,
  pseudoRandomBytes,
  writeCfb,
} from "./cfb";

interface Entry {
  readonly id: number;
  readonly name: string;
  readonly type: number;
  readonly color: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

function parse(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const header = {
    signature: Buffer.from(bytes.subarray(0, 8)).toString("hex"),
    clsidZero: bytes.subarray(8, 24).every((b) => b === 0),
    minorVersion: u16(0x18),
    majorVersion: u16(0x1a),
    byteOrder: u16(0x1c),
    sectorShift: u16(0x1e),
    miniSectorShift: u16(0x20),
    dirSectorCount: u32(0x28),
    fatSectorCount: u32(0x2c),
    firstDirSector: u32(0x30),
    miniStreamCutoff: u32(0x38),
    firstMiniFatSector: u32(0x3c),
    miniFatSectorCount: u32(0x40),
    firstDifatSector: u32(0x44),
    difatSectorCount: u32(0x48),
  };
  const sectorSize = 1 << header.sectorShift;
  const at = (sector: number) => (sector + 1) * sectorSize;
  const difat = Array.from({ length: 109 }, (_, i) => u32(0x4c + i * 4));
  const fatSectors = difat.slice(0, header.fatSectorCount);
  const fat: number[] = [];
  for (const s of fatSectors) for (let i = 0; i < sectorSize / 4; i++) fat.push(u32(at(s) + i * 4));
  const chain = (first: number): number[] => {
    const out: number[] = [];
    for (let s = first; s !== ENDOFCHAIN; s = fat[s]) {
      if (out.includes(s) || s >= fat.length) throw new Error(`bad FAT chain at ${s}`);
      out.push(s);
    }
    return out;
  };
  const dirChain = chain(header.firstDirSector);
  const entries: Entry[] = [];
  for (const s of dirChain) {
    for (let k = 0; k < sectorSize / 128; k++) {
      const base = at(s) + k * 128;
      const nameBytes = u16(base + 0x40);
      let name = "";
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(u16(base + i));
      entries.push({
        id: entries.length,
        name,
        type: bytes[base + 0x42],
        color: bytes[base + 0x43],
        left: u32(base + 0x44),
        right: u32(base + 0x48),
        child: u32(base + 0x4c),
        start: u32(base + 0x74),
        size: u32(base + 0x78) + u32(base + 0x7c) * 2 ** 32,
      });
    }
  }
  const read = (e: Entry): Uint8Array => {
    const parts = chain(e.start).map((s) => bytes.subarray(at(s), at(s) + sectorSize));
    return Buffer.concat(parts).subarray(0, e.size);
  };
  return { header, difat, fat, fatSectors, sectorSize, entries, read, chain, fileSectors: bytes.length / sectorSize - 1 };
}

/** Walks the Root Entry's child tree: in-order names, and the red-black properties. */
function checkTree(entries: readonly Entry[], rootId: number) {
  const names: string[] = [];
  const blackHeights = new Set<number>();
  let redWithRedChild = false;
  const walk = (id: number, blacks: number, parentRed: boolean) => {
    if (id === NOSTREAM) {
      blackHeights.add(blacks);
      return;
    }
    const e = entries[id];
    const red = e.color === 0;
    if (red && parentRed) redWithRedChild = true;
    walk(e.left, blacks + (red ? 0 : 1), red);
    names.push(e.name);
    walk(e.right, blacks + (red ? 0 : 1), red);
  };
  const root = entries[rootId];
  walk(rootId, 0, false);
  return { names, rootIsBlack: root.color === 1, blackHeights: [...blackHeights], redWithRedChild };
}

describe("writeCfb", () => {
  test("the encrypted-workbook container has a version 3 header, one FAT sector and a directory with its two streams", () => {
    const bytes = encryptedXlsxFixture();
    const { header, difat, fat, fatSectors, entries, read, fileSectors } = parse(bytes);

    expect(header.signature).toBe(Buffer.from(CFB_SIGNATURE).toString("hex"));
    expect(header.signature).toBe("d0cf11e0a1b11ae1");
    expect(header).toMatchObject({
      clsidZero: true,
      minorVersion: 0x3e,
      majorVersion: 3,
      byteOrder: 0xfffe,
      sectorShift: 9,
      miniSectorShift: 6,
      dirSectorCount: 0,
      fatSectorCount: 1,
      firstDirSector: 1,
      miniStreamCutoff: 4096,
      firstMiniFatSector: ENDOFCHAIN,
      miniFatSectorCount: 0,
      firstDifatSector: ENDOFCHAIN,
      difatSectorCount: 0,
    });
    expect(bytes.length % 512).toBe(0);
    expect(fatSectors).toEqual([0]);
    expect(difat.slice(1).every((s) => s === FREESECT)).toBe(true);
    expect(fat[0]).toBe(FATSECT);
    // Every sector in the file is accounted for in the FAT, and nothing beyond it is allocated.
    expect(fat.slice(0, fileSectors).every((s) => s !== FREESECT)).toBe(true);
    expect(fat.slice(fileSectors).every((s) => s === FREESECT)).toBe(true);

    const root = entries[0];
    expect(root).toMatchObject({ name: "Root Entry", type: 5, start: ENDOFCHAIN, size: 0, left: NOSTREAM, right: NOSTREAM });
    const streams = entries.filter((e) => e.type === 2);
    expect(streams.map((e) => e.name).sort()).toEqual(["EncryptedPackage", "EncryptionInfo"]);
    for (const e of streams) expect(e.size).toBeGreaterThanOrEqual(4096); // no mini stream needed

    const info = read(streams.find((e) => e.name === "EncryptionInfo")!);
    const iv = new DataView(info.buffer, info.byteOffset, info.byteLength);
    expect([iv.getUint16(0, true), iv.getUint16(2, true), iv.getUint32(4, true)]).toEqual([4, 4, 0x40]);
    const xml = Buffer.from(info.subarray(8)).toString("utf8").replace(/\0+$/, "");
    expect(xml).toMatch(/^<\?xml [^>]*\?>\r\n<encryption xmlns="http:\/\/schemas\.microsoft\.com\/office\/2006\/encryption"/);
    expect(xml).toMatch(/<p:encryptedKey spinCount="100000"[^>]*\/><\/keyEncryptor><\/keyEncryptors><\/encryption>$/);

    const pkg = read(streams.find((e) => e.name === "EncryptedPackage")!);
    const declared = new DataView(pkg.buffer, pkg.byteOffset, 8).getUint32(0, true);
    expect(declared).toBeGreaterThan(0);
    expect(pkg.length).toBeGreaterThanOrEqual(8 + declared);
  });

  test("the legacy .xls container holds a Workbook stream that starts with a BIFF8 BOF record", () => {
    const { header, entries, read } = parse(legacyXlsFixture());
    expect(header.sectorShift).toBe(9);
    expect(header.fatSectorCount).toBe(1);
    expect(header.firstDirSector).toBe(1);
    const wb = entries.find((e) => e.type === 2 && e.name === "Workbook");
    expect(wb).toBeDefined();
    expect(entries[0].child).toBe(wb!.id);
    const data = read(wb!);
    const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
    expect([v.getUint16(0, true), v.getUint16(2, true), v.getUint16(4, true), v.getUint16(6, true)]).toEqual([0x0809, 16, 0x0600, 0x0005]);
    expect(Buffer.from(data.subarray(0, biff8WorkbookStream().length)).equals(Buffer.from(biff8WorkbookStream()))).toBe(true);
  });

  test("many streams: several FAT and directory sectors, every stream read back byte for byte, a valid red-black tree", () => {
    const streams = Array.from({ length: 40 }, (_, i) => ({
      name: `${"ab".repeat(i % 5)}Stream${i}`,
      data: pseudoRandomBytes(3000 + i * 1111, i + 7),
    }));
    const { header, entries, read, chain } = parse(writeCfb(streams));
    expect(header.fatSectorCount).toBeGreaterThan(1); // > 128 sectors in all
    expect(chain(header.firstDirSector).length).toBe(Math.ceil(41 / 4));
    for (const s of streams) {
      const e = entries.find((x) => x.type === 2 && x.name === s.name)!;
      expect(e).toBeDefined();
      expect(Buffer.from(read(e).subarray(0, s.data.length)).equals(Buffer.from(s.data))).toBe(true);
      expect(read(e).subarray(s.data.length).every((b) => b === 0)).toBe(true);
    }
    const tree = checkTree(entries, entries[0].child);
    expect(tree.names).toEqual(streams.map((s) => s.name).sort(compareCfbNames)); // a binary search tree in CFB order
    expect(tree.rootIsBlack).toBe(true);
    expect(tree.blackHeights).toHaveLength(1);
    expect(tree.redWithRedChild).toBe(false);
    // Free directory entries: no name, type 0, NOSTREAM links.
    for (const e of entries.slice(41)) expect(e).toMatchObject({ name: "", type: 0, left: NOSTREAM, right: NOSTREAM, child: NOSTREAM });
  });

  test("trees of every size up to 20 are valid red-black trees", () => {
    for (let n = 1; n <= 20; n++) {
      const streams = Array.from({ length: n }, (_, i) => ({ name: `S${String.fromCharCode(65 + i)}`, data: new Uint8Array(1) }));
      const { entries } = parse(writeCfb(streams));
      const tree = checkTree(entries, entries[0].child);
      expect({ n, ...tree }).toEqual({ n, names: streams.map((s) => s.name), rootIsBlack: true, blackHeights: [tree.blackHeights[0]], redWithRedChild: false });
    }
  });

  test("names sort shorter first, then case-insensitively", () => {
    expect(["Workbook", "b", "EncryptionInfo", "A", "EncryptedPackage"].sort(compareCfbNames)).toEqual([
      "A",
      "b",
      "Workbook",
      "EncryptionInfo",
      "EncryptedPackage",
    ]);
    expect(() => writeCfb([{ name: "x".repeat(32), data: new Uint8Array(0) }])).toThrow();
    expect(() => writeCfb([{ name: "A", data: new Uint8Array(0) }, { name: "a", data: new Uint8Array(0) }])).toThrow();
  });
});
