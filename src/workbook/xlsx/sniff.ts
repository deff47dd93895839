/**
 * Tells what a file is from its bytes, before the package is read, so bad input gets a clear message instead of
 * a parser stack trace (docs/file-layer.md).
 */
import { WorkbookError } from "../port";
import type { Package } from "./package";

/** Files over this size are refused: a 調査票 workbook of 500 sheets is about 2 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** UTF-16LE search: OLE directory entries store stream names that way. */
function containsUtf16(bytes: Uint8Array, s: string): boolean {
  const needle: number[] = [];
  for (const ch of s) needle.push(ch.charCodeAt(0), 0);
  const limit = bytes.length - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Throws WorkbookError for anything that is not an .xlsx package: empty, too large, a legacy .xls,
 * a password-protected (encrypted) workbook, or text such as CSV.
 */
export function assertXlsxBytes(bytes: Uint8Array, fileName = ""): void {
  if (bytes.length === 0) throw new WorkbookError("empty-file");
  if (bytes.length > MAX_FILE_BYTES) throw new WorkbookError("too-large", String(bytes.length));
  if (startsWith(bytes, ZIP_MAGIC)) return;
  if (startsWith(bytes, ZIP_EMPTY_MAGIC)) throw new WorkbookError("corrupt", "empty zip archive");
  if (startsWith(bytes, OLE_MAGIC)) {
    // An encrypted .xlsx is an OLE container holding EncryptionInfo + EncryptedPackage streams.
    if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")) {
      throw new WorkbookError("encrypted");
    }
    throw new WorkbookError("legacy-xls");
  }
  if (/\.xls$/i.test(fileName)) throw new WorkbookError("legacy-xls");
  throw new WorkbookError("not-a-workbook", /\.csv$/i.test(fileName) ? "csv" : undefined);
}

/**
 * Zip files that are spreadsheets of another kind get a message naming their format (an .ods from LibreOffice, an
 * .xlsb from Excel, a Numbers document), not "damaged" or "no worksheets".
 */
export function classifyPackage(pkg: Package): void {
  const mimetype = pkg.has("mimetype") ? new TextDecoder().decode(pkg.bytes("mimetype", 4096)) : "";
  if (/opendocument\.spreadsheet/.test(mimetype) || (pkg.has("content.xml") && pkg.has("META-INF/manifest.xml"))) throw new WorkbookError("ods");
  if (pkg.has("xl/workbook.bin") || pkg.names().some((n) => /\.bin$/i.test(n) && /^xl\/worksheets\//i.test(n))) throw new WorkbookError("xlsb");
  if (pkg.names().some((n) => /^Index\/.*\.iwa$/i.test(n) || /^Index\.zip$/i.test(n))) throw new WorkbookError("numbers");
  if (!pkg.has("[Content_Types].xml") && !pkg.has("_rels/.rels") && !pkg.has("xl/workbook.xml")) throw new WorkbookError("not-a-workbook", "zip");
}
