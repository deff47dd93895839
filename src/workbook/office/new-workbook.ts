/**
 * openAsNewWorkbook of the Office adapter: .xlsx bytes opened as a new workbook beside this one, through
 * Excel.createWorkbook (ExcelApi 1.8), which takes the file as base64. An older Excel is told in words what it needs.
 */
import { isWorkbookError, WorkbookError } from "../port";
import { officeErrorCode, toWorkbookError } from "./errors";
import { CREATE_WORKBOOK, NEEDS_EXCEL_1_8 } from "./requirements";
import type { OfficeSession } from "./session";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Bytes per piece: a multiple of 3 (only the last piece is padded), small enough for String.fromCharCode's arguments. */
const PIECE = 3 * 8192;

/** Base64 of any size, a piece at a time: no call with millions of arguments, no string built a character at a time. */
export function toBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  const codes = new Uint16Array((PIECE / 3) * 4);
  for (let start = 0; start < bytes.length; start += PIECE) {
    const end = Math.min(bytes.length, start + PIECE);
    let n = 0;
    for (let i = start; i < end; i += 3) {
      const a = bytes[i];
      const b = i + 1 < end ? bytes[i + 1] : 0;
      const c = i + 2 < end ? bytes[i + 2] : 0;
      codes[n++] = ALPHABET.charCodeAt(a >> 2);
      codes[n++] = ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
      codes[n++] = i + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61; // "="
      codes[n++] = i + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61;
    }
    pieces.push(String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]));
  }
  return pieces.join("");
}

/**
 * Excel names the new workbook itself (Book2 …) and asks for a name when it is saved, so `suggestedName` is not
 * passed on; the pane says what to save it as.
 */
export async function openAsNewWorkbook(session: OfficeSession, bytes: Uint8Array, suggestedName: string): Promise<void> {
  void suggestedName;
  const needsNewer = new WorkbookError("unsupported-operation", NEEDS_EXCEL_1_8.newWorkbook);
  const create = session.createWorkbook();
  if (!create || !session.supportsSet(CREATE_WORKBOOK.set, CREATE_WORKBOOK.version)) throw needsNewer;
  try {
    await create(toBase64(bytes));
  } catch (e) {
    if (isWorkbookError(e)) throw e;
    // Office.js itself refuses the call on a host without ExcelApi 1.8.
    if (officeErrorCode(e) === "ApiNotFound") throw needsNewer;
    throw toWorkbookError(e);
  }
}
