/**
 * A zip writer for the tests that need container features fflate does not write: data descriptors (flag bit 3),
 * zip64 sizes and end records, the encryption flag, names without the UTF-8 flag, folder entries, and sizes that lie.
 * Written from APPNOTE.TXT 4.3 and 4.5, independent of src/workbook/xlsx/zip.ts.
 */
import { deflateSync } from "fflate";

export interface RawEntry {
  readonly name: string | Uint8Array;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflated (default 8; folder entries are stored). */
  readonly method?: 0 | 8;
  /** Sizes and CRC in a data descriptor after the data, zeros in the local header (flag bit 3). */
  readonly descriptor?: boolean;
  /** Sizes and offset as 0xFFFFFFFF, the real ones in a zip64 extra field (local and central). */
  readonly zip64?: boolean;
  /** Flag bit 0 (the data is not really encrypted: no reader should try). */
  readonly encrypted?: boolean;
  /** Flag bit 11 (default: set when the name has non-ASCII characters). */
  readonly utf8Flag?: boolean;
  /** The uncompressed size the headers declare, when it should not be the true one. */
  readonly declaredSize?: number;
}

export interface RawZipOptions {
  /** zip64 end of central directory record + locator, with 0xFFFF / 0xFFFFFFFF in the classic record. */
  readonly zip64End?: boolean;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function testCrc32(d: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < d.length; i++) c = CRC_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

class Out {
  private chunks: number[] = [];
  get length(): number {
    return this.chunks.length;
  }
  u16(v: number): this {
    this.chunks.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(Math.floor(v / 0x10000) & 0xffff);
  }
  u64(v: number): this {
    return this.u32(v % 0x100000000).u32(Math.floor(v / 0x100000000));
  }
  bytes(b: Uint8Array): this {
    for (let i = 0; i < b.length; i++) this.chunks.push(b[i]);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

export function rawZip(entries: readonly RawEntry[], opts: RawZipOptions = {}): Uint8Array {
  const enc = new TextEncoder();
  const out = new Out();
  const central = new Out();
  for (const e of entries) {
    const nameBytes = typeof e.name === "string" ? enc.encode(e.name) : e.name;
    const nonAscii = nameBytes.some((b) => b > 0x7f);
    const method = e.method ?? 8;
    const raw = method === 8 ? deflateSync(e.data) : e.data;
    const crc = testCrc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = (e.encrypted ? 1 : 0) | (e.descriptor ? 8 : 0) | ((e.utf8Flag ?? nonAscii) ? 0x800 : 0);
    const offset = out.length;
    const z64 = e.zip64 ? new Out().u16(1).u16(24).u64(size).u64(raw.length).u64(offset).done() : new Uint8Array(0);
    const z64Local = e.zip64 ? new Out().u16(1).u16(16).u64(e.descriptor ? 0 : size).u64(e.descriptor ? 0 : raw.length).done() : new Uint8Array(0);
    out.u32(0x04034b50).u16(e.zip64 ? 45 : 20).u16(flags).u16(method).u16(0).u16(0x21);
    if (e.descriptor) out.u32(0).u32(e.zip64 ? 0xffffffff : 0).u32(e.zip64 ? 0xffffffff : 0);
    else out.u32(crc).u32(e.zip64 ? 0xffffffff : raw.length).u32(e.zip64 ? 0xffffffff : size);
    out.u16(nameBytes.length).u16(z64Local.length).bytes(nameBytes).bytes(z64Local).bytes(raw);
    if (e.descriptor) {
      out.u32(0x08074b50).u32(crc);
      if (e.zip64) out.u64(raw.length).u64(size);
      else out.u32(raw.length).u32(size);
    }
    central
      .u32(0x02014b50)
      .u16(e.zip64 ? 45 : 20)
      .u16(e.zip64 ? 45 : 20)
      .u16(flags)
      .u16(method)
      .u16(0)
      .u16(0x21)
      .u32(crc)
      .u32(e.zip64 ? 0xffffffff : raw.length)
      .u32(e.zip64 ? 0xffffffff : size)
      .u16(nameBytes.length)
      .u16(z64.length)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(0)
      .u32(e.zip64 ? 0xffffffff : offset)
      .bytes(nameBytes)
      .bytes(z64);
  }
  const cdOffset = out.length;
  const cd = central.done();
  out.bytes(cd);
  if (opts.zip64End) {
    const rec = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(entries.length).u64(entries.length).u64(cd.length).u64(cdOffset);
    out.u32(0x07064b50).u32(0).u64(rec).u32(1);
    out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff).u16(0);
  } else {
    out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(cd.length).u32(cdOffset).u16(0);
  }
  return out.done();
}

/** The entries of a package's files, in a stable order ([Content_Types].xml first). */
export function entriesOf(files: Readonly<Record<string, Uint8Array>>, each: Partial<RawEntry> = {}): RawEntry[] {
  const names = Object.keys(files).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0));
  return names.map((name) => ({ ...each, name, data: files[name] }));
}
