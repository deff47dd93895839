/**
 * Test helper: a small writer of Compound File Binary files ([MS-CFB] version 3, 512-byte sectors), the OLE2
 * container Excel uses for legacy .xls workbooks and for password-protected (encrypted) .xlsx workbooks.
 *
 * Layout of what it writes: the 512-byte header, then the FAT sector(s), then the directory sector(s), then each
 * stream in consecutive regular sectors. Every stream is padded to at least the 4096-byte mini-stream cutoff, so no
 * mini stream or mini FAT is needed. The streams are direct children of the Root Entry, held in a red-black tree
 * that is balanced by construction: all nodes black except the deepest level, which is red.
 */

export interface CfbStream {
  /** At most 31 UTF-16 code units; must not contain / \ : ! */
  readonly name: string;
  readonly data: Uint8Array;
}

export const CFB_SIGNATURE = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
export const SECTOR_SIZE = 512;
export const MINI_STREAM_CUTOFF = 4096;

export const MAXREGSECT = 0xfffffffa;
export const DIFSECT = 0xfffffffc;
export const FATSECT = 0xfffffffd;
export const ENDOFCHAIN = 0xfffffffe;
export const FREESECT = 0xffffffff;
export const NOSTREAM = 0xffffffff;

const DIR_ENTRY_SIZE = 128;
const ENTRIES_PER_SECTOR = SECTOR_SIZE / DIR_ENTRY_SIZE;
const FAT_ENTRIES_PER_SECTOR = SECTOR_SIZE / 4;
const HEADER_DIFAT_ENTRIES = 109;

const OBJECT_STREAM = 2;
const OBJECT_ROOT = 5;
const COLOR_RED = 0;
const COLOR_BLACK = 1;

/** [MS-CFB] 2.6.4: shorter names sort first; equal lengths compare code unit by code unit, upper-cased. */
export function compareCfbNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  for (let i = 0; i < ua.length; i++) {
    const d = ua.charCodeAt(i) - ub.charCodeAt(i);
    if (d !== 0) return d;
  }
  return 0;
}

interface TreeNode {
  readonly index: number; // into the sorted stream list
  left: number; // directory entry id or NOSTREAM
  right: number;
  color: number;
}

/**
 * Lays sorted entries out as a size-balanced binary search tree (every null link sits at depth H or H+1) and
 * colours only the deepest level red, which satisfies both red-black rules: equal black height on every path, and
 * no red node with a red child (red nodes are leaves). Returns the root's directory id.
 */
function buildTree(count: number, idOf: (sortedIndex: number) => number, nodes: TreeNode[]): number {
  const depthOf: number[] = new Array<number>(count).fill(0);
  const place = (lo: number, hi: number, depth: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    depthOf[mid] = depth;
    nodes[mid] = { index: mid, left: place(lo, mid - 1, depth + 1), right: place(mid + 1, hi, depth + 1), color: COLOR_BLACK };
    return idOf(mid);
  };
  const root = place(0, count - 1, 0);
  const maxDepth = Math.max(0, ...depthOf);
  if (maxDepth > 0) for (let i = 0; i < count; i++) if (depthOf[i] === maxDepth) nodes[i].color = COLOR_RED;
  return root;
}

function sectorsFor(bytes: number): number {
  return Math.ceil(bytes / SECTOR_SIZE);
}

/** Writes a version 3 compound file holding `streams` as children of the Root Entry. */
export function writeCfb(streams: readonly CfbStream[]): Uint8Array {
  const names = new Set<string>();
  for (const s of streams) {
    if (s.name.length === 0 || s.name.length > 31) throw new Error(`CFB stream name must be 1-31 characters: ${s.name}`);
    if (/[/\\:!]/.test(s.name)) throw new Error(`CFB stream name has an illegal character: ${s.name}`);
    const key = s.name.toUpperCase();
    if (names.has(key)) throw new Error(`duplicate CFB stream name: ${s.name}`);
    names.add(key);
  }

  // Directory ids: 0 is the Root Entry, 1..n the streams in the order given.
  const entryCount = streams.length + 1;
  const dirSectors = sectorsFor(entryCount * DIR_ENTRY_SIZE);
  const streamSizes = streams.map((s) => Math.max(s.data.length, MINI_STREAM_CUTOFF));
  const streamSectors = streamSizes.map(sectorsFor);
  const dataSectors = dirSectors + streamSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * FAT_ENTRIES_PER_SECTOR < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > HEADER_DIFAT_ENTRIES) throw new Error("CFB writer: too large for a header-only DIFAT");
  const totalSectors = fatSectors + dataSectors;

  const out = new Uint8Array(SECTOR_SIZE * (1 + totalSectors));
  const view = new DataView(out.buffer);
  const sectorOffset = (sector: number) => SECTOR_SIZE * (sector + 1);

  // FAT: FAT sectors are marked FATSECT, every chain is consecutive and ends in ENDOFCHAIN, the rest is FREESECT.
  const fat = new Uint32Array(fatSectors * FAT_ENTRIES_PER_SECTOR).fill(FREESECT);
  for (let i = 0; i < fatSectors; i++) fat[i] = FATSECT;
  const chain = (first: number, length: number) => {
    for (let i = 0; i < length; i++) fat[first + i] = i === length - 1 ? ENDOFCHAIN : first + i + 1;
  };
  const firstDirSector = fatSectors;
  chain(firstDirSector, dirSectors);
  const streamStart: number[] = [];
  let next = firstDirSector + dirSectors;
  for (let i = 0; i < streams.length; i++) {
    streamStart.push(next);
    chain(next, streamSectors[i]);
    out.set(streams[i].data, sectorOffset(next)); // padding past the data stays zero
    next += streamSectors[i];
  }
  for (let i = 0; i < fat.length; i++) view.setUint32(sectorOffset(0) + i * 4, fat[i], true);

  // Header ([MS-CFB] 2.2).
  out.set(CFB_SIGNATURE, 0);
  // 0x08: header CLSID, all zero.
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // byte order: little-endian
  view.setUint16(0x1e, 0x0009, true); // sector shift: 512-byte sectors
  view.setUint16(0x20, 0x0006, true); // mini sector shift: 64-byte mini sectors
  // 0x22: 6 reserved bytes, zero.
  view.setUint32(0x28, 0, true); // number of directory sectors: must be 0 in version 3
  view.setUint32(0x2c, fatSectors, true);
  view.setUint32(0x30, firstDirSector, true);
  view.setUint32(0x34, 0, true); // transaction signature
  view.setUint32(0x38, MINI_STREAM_CUTOFF, true);
  view.setUint32(0x3c, ENDOFCHAIN, true); // first mini FAT sector: none
  view.setUint32(0x40, 0, true); // mini FAT sectors
  view.setUint32(0x44, ENDOFCHAIN, true); // first DIFAT sector: none
  view.setUint32(0x48, 0, true); // DIFAT sectors
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) view.setUint32(0x4c + i * 4, i < fatSectors ? i : FREESECT, true);

  // Directory ([MS-CFB] 2.6). Unused entries in the last directory sector are free: empty name, NOSTREAM links.
  const sortedIds = streams.map((_, i) => i + 1).sort((a, b) => compareCfbNames(streams[a - 1].name, streams[b - 1].name));
  const nodes: TreeNode[] = [];
  const rootChild = buildTree(sortedIds.length, (k) => sortedIds[k], nodes);
  const dirBase = sectorOffset(firstDirSector);
  const writeEntry = (
    id: number,
    e: { name: string; type: number; color: number; left: number; right: number; child: number; start: number; size: number },
  ) => {
    const at = dirBase + id * DIR_ENTRY_SIZE;
    for (let i = 0; i < e.name.length; i++) view.setUint16(at + i * 2, e.name.charCodeAt(i), true);
    view.setUint16(at + 0x40, e.name.length ? (e.name.length + 1) * 2 : 0, true);
    out[at + 0x42] = e.type;
    out[at + 0x43] = e.color;
    view.setUint32(at + 0x44, e.left, true);
    view.setUint32(at + 0x48, e.right, true);
    view.setUint32(at + 0x4c, e.child, true);
    // 0x50 CLSID, 0x60 state bits, 0x64 / 0x6c creation and modified times: zero.
    view.setUint32(at + 0x74, e.start, true);
    view.setUint32(at + 0x78, e.size, true); // low 32 bits of the size
    view.setUint32(at + 0x7c, 0, true); // high 32 bits: 0 in version 3
  };
  writeEntry(0, { name: "Root Entry", type: OBJECT_ROOT, color: COLOR_BLACK, left: NOSTREAM, right: NOSTREAM, child: rootChild, start: ENDOFCHAIN, size: 0 });
  for (const node of nodes) {
    const id = sortedIds[node.index];
    writeEntry(id, {
      name: streams[id - 1].name,
      type: OBJECT_STREAM,
      color: node.color,
      left: node.left,
      right: node.right,
      child: NOSTREAM,
      start: streamStart[id - 1],
      size: streamSizes[id - 1],
    });
  }
  for (let id = entryCount; id < dirSectors * ENTRIES_PER_SECTOR; id++) {
    writeEntry(id, { name: "", type: 0, color: COLOR_RED, left: NOSTREAM, right: NOSTREAM, child: NOSTREAM, start: 0, size: 0 });
  }
  return out;
}

/** Deterministic bytes (xorshift32), so fixtures are the same on every run. */
export function pseudoRandomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/**
 * The EncryptionInfo stream of agile encryption ([MS-OFFCRYPTO] 2.3.4.10): version 4.4, reserved 0x40, then the
 * XML encryption descriptor, as Excel writes it for a password-protected workbook.
 */
export function agileEncryptionInfo(): Uint8Array {
  const r = (n: number, seed: number) => base64(pseudoRandomBytes(n, seed));
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" ' +
    'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${r(16, 11)}"/>` +
    `<dataIntegrity encryptedHmacKey="${r(64, 12)}" encryptedHmacValue="${r(64, 13)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${r(16, 14)}" encryptedVerifierHashInput="${r(16, 15)}" encryptedVerifierHashValue="${r(64, 16)}" encryptedKeyValue="${r(32, 17)}"/>` +
    "</keyEncryptor></keyEncryptors></encryption>";
  const text = new TextEncoder().encode(xml);
  const out = new Uint8Array(8 + text.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 4, true); // major version
  view.setUint16(2, 4, true); // minor version
  view.setUint32(4, 0x40, true); // reserved flags: fAgile
  out.set(text, 8);
  return out;
}

/** The EncryptedPackage stream: the plaintext package size (uint64), then ciphertext in 16-byte blocks. */
export function encryptedPackage(packageSize = 6000): Uint8Array {
  const cipherLength = Math.ceil(packageSize / 16) * 16;
  const out = new Uint8Array(8 + cipherLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, packageSize, true);
  view.setUint32(4, 0, true);
  out.set(pseudoRandomBytes(cipherLength, 0x5eed), 8);
  return out;
}

/** What Excel saves for a password-protected .xlsx: an OLE container, not a zip. */
export function encryptedXlsxFixture(): Uint8Array {
  return writeCfb([
    { name: "EncryptionInfo", data: agileEncryptionInfo() },
    { name: "EncryptedPackage", data: encryptedPackage() },
  ]);
}

/** A BIFF8 record: type, length, body. */
function biffRecord(type: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, type, true);
  view.setUint16(2, body.length, true);
  out.set(body, 4);
  return out;
}

/** The start of a BIFF8 Workbook stream: a BOF record for the workbook globals, then EOF. */
export function biff8WorkbookStream(): Uint8Array {
  const bof = new Uint8Array(16);
  const v = new DataView(bof.buffer);
  v.setUint16(0, 0x0600, true); // vers: BIFF8
  v.setUint16(2, 0x0005, true); // dt: workbook globals
  v.setUint16(4, 0x2775, true); // rupBuild
  v.setUint16(6, 0x07cd, true); // rupYear 1997
  v.setUint32(8, 0x000100c1, true); // bfh flags
  v.setUint32(12, 0x00000406, true); // sfo: lowest BIFF version
  const bofRecord = biffRecord(0x0809, bof);
  const eofRecord = biffRecord(0x000a, new Uint8Array(0));
  const out = new Uint8Array(bofRecord.length + eofRecord.length);
  out.set(bofRecord, 0);
  out.set(eofRecord, bofRecord.length);
  return out;
}

/** What Excel 97-2003 saves: an OLE container holding a BIFF8 Workbook stream. */
export function legacyXlsFixture(): Uint8Array {
  return writeCfb([{ name: "Workbook", data: biff8WorkbookStream() }]);
}
