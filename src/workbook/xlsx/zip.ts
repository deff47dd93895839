/**
 * The zip container of an .xlsx package, read from its central directory and written back entry by entry.
 * An entry that is not changed is copied as its compressed bytes, so every part the add-in does not own leaves the
 * writer exactly as it came in (docs/file-layer.md). Inflate and deflate are fflate's; the container is ours.
 */
import { deflateSync, inflateSync } from "fflate";
import { WorkbookError } from "../port";

export interface ZipEntry {
  /** The entry's name as stored (zip names are case-sensitive; OPC part names are not: see package.ts). */
  readonly name: string;
  readonly method: number; // 0 stored, 8 deflated
  readonly crc: number;
  readonly size: number; // uncompressed
  readonly dosTime: number;
  readonly dosDate: number;
  /** The compressed bytes, a view into the file. */
  readonly raw: Uint8Array;
  readonly encrypted: boolean;
}

/** A part written by the add-in: stored by the writer with a fresh CRC and deflated. */
export interface NewEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * Inflate, deflate and CRC: fflate's pure JavaScript by default (the browser demo), or a host's native ones (the
 * CLI gives Node's zlib, several times faster on a workbook of 500 sheets, and on the summary of a folder).
 */
export interface ZipCodec {
  /** Inflates raw deflate data that should give `size` bytes; may give more, which the caller treats as damage. */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  /** Raw deflate (no zlib header) of a part the add-in writes. */
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

let codec: ZipCodec = {
  // One byte more than declared: data that runs past its declared size is damage, not something to cut short.
  inflateRaw: (data, size) => inflateSync(data, { out: new Uint8Array(size + 1) }),
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  crc32: (data) => crc32(data),
};

export function useZipCodec(c: ZipCodec): void {
  codec = c;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOC = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8");
const latin = new TextDecoder("latin1");

/** The entries of a zip file, from its central directory. Throws WorkbookError("corrupt") when it has none. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookError("corrupt", "zip: no central directory (truncated file)");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === SIG_EOCD64_LOC) {
    const rec = u64(bytes, eocd - 12);
    if (rec + 56 <= bytes.length) {
      count = u64(bytes, rec + 32);
      cdSize = u64(bytes, rec + 40);
      cdOffset = u64(bytes, rec + 48);
    }
  }
  if (cdOffset + cdSize > bytes.length) throw new WorkbookError("corrupt", "zip: central directory beyond the end of the file");
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw new WorkbookError("corrupt", "zip: broken central directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const dosTime = u16(bytes, p + 12);
    const dosDate = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let csize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : isAscii(nameBytes) ? latin : utf8).decode(nameBytes);
    // Zip64 sizes and offset live in extra field 0x0001, in this order, for the fields set to 0xFFFFFFFF.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (csize === 0xffffffff) {
          csize = u64(bytes, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(bytes, q);
      }
      e += 4 + len;
    }
    p = extraEnd + commentLen;
    if (local + 30 > bytes.length || u32(bytes, local) !== SIG_LOCAL) throw new WorkbookError("corrupt", `zip: entry ${name} has no local header`);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + csize > bytes.length) throw new WorkbookError("corrupt", `zip: entry ${name} runs past the end of the file`);
    if (name.endsWith("/")) continue; // folder entries carry nothing
    out.push({ name, method, crc, size, dosTime, dosDate, raw: bytes.subarray(dataStart, dataStart + csize), encrypted: (flags & 1) === 1 });
  }
  return out;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

/** An entry's bytes. `limit` bounds the uncompressed size, checked before any work. */
export function inflateEntry(e: ZipEntry, limit: number): Uint8Array {
  if (e.encrypted) throw new WorkbookError("encrypted", e.name);
  if (e.size > limit) throw new WorkbookError("too-complex", `${e.name}: ${e.size} bytes`);
  if (e.method === 0) {
    if (e.raw.length !== e.size) throw new WorkbookError("corrupt-part", e.name);
    return e.raw;
  }
  if (e.method !== 8) throw new WorkbookError("corrupt-part", e.name);
  let out: Uint8Array;
  try {
    out = codec.inflateRaw(e.raw, e.size);
  } catch {
    throw new WorkbookError("corrupt-part", e.name);
  }
  if (out.length !== e.size || codec.crc32(out) !== e.crc) throw new WorkbookError("corrupt-part", e.name);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A zip of the given entries, in order. Kept entries are copied compressed as they came; new ones are deflated.
 * No zip64: a package over 4 GiB is far beyond the add-in's limits.
 */
export function writeZip(entries: readonly (ZipEntry | NewEntry)[]): Uint8Array {
  const enc = new TextEncoder();
  const now = dosNow();
  const prepared = entries.map((e) => {
    const nameBytes = enc.encode(e.name);
    if ("raw" in e) return { nameBytes, method: e.method, crc: e.crc, size: e.size, raw: e.raw, time: e.dosTime, date: e.dosDate };
    const raw = codec.deflateRaw(e.data);
    return { nameBytes, method: 8, crc: codec.crc32(e.data), size: e.data.length, raw, time: now.time, date: now.date };
  });
  let total = 22;
  for (const e of prepared) total += 30 + e.nameBytes.length + e.raw.length + 46 + e.nameBytes.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of prepared) {
    offsets.push(p);
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x800, true); // UTF-8 names
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, e.nameBytes.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(e.nameBytes, p + 30);
    p += 30 + e.nameBytes.length;
    out.set(e.raw, p);
    p += e.raw.length;
  }
  const cdStart = p;
  prepared.forEach((e, i) => {
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x800, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, e.nameBytes.length, true);
    // extra, comment, disk, internal attributes: 0
    view.setUint32(p + 38, 0, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(e.nameBytes, p + 46);
    p += 46 + e.nameBytes.length;
  });
  view.setUint32(p, SIG_EOCD, true);
  view.setUint16(p + 8, prepared.length, true);
  view.setUint16(p + 10, prepared.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}
