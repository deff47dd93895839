/**
 * fileBytes of the Office adapter: the open workbook as .xlsx bytes, through Office's file API
 * (`Office.context.document.getFileAsync(Office.FileType.Compressed)`), read slice by slice. The file is always closed
 * again, also after a failure: Office hands out one file at a time, and an unclosed one blocks the next request.
 */
import { WorkbookError } from "../port";

/** Office's AsyncResult, as far as this unit reads it. */
export interface AsyncResultLike<T> {
  readonly status: string;
  readonly value: T;
  readonly error?: { readonly code?: number; readonly name?: string; readonly message?: string };
}

export interface OfficeFileLike {
  readonly size: number;
  readonly sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResultLike<{ readonly data: unknown }>) => void): void;
  closeAsync(callback?: (result: AsyncResultLike<void>) => void): void;
}

/** `Office.context.document`, as far as this unit uses it. */
export interface OfficeDocumentLike {
  getFileAsync(fileType: string, options: { sliceSize: number }, callback: (result: AsyncResultLike<OfficeFileLike>) => void): void;
}

/** Office's largest slice (a larger one is refused with 11002), so as few calls as possible. */
export const SLICE_SIZE = 4 * 1024 * 1024;

/** Office.FileType.Compressed: the workbook as its .xlsx package. */
const COMPRESSED = "compressed";

/** Office's codes for "this host cannot": file type, operation or browser API not supported. */
const UNSUPPORTED = new Set([1009, 5000, 5009]);

/**
 * Codes that trying again does not mend: 11001, a network problem (Excel on the web gives it for good once the
 * workbook was renamed, until it is opened again), and 7000, permission denied (a read-only mode).
 */
const UNAVAILABLE = new Set([7000, 11001]);

function fileError(error: AsyncResultLike<unknown>["error"], step: string): WorkbookError {
  const detail = `${step}: ${error?.code ?? "?"} ${error?.message ?? ""}`.trim();
  const code = error?.code;
  if (code !== undefined && UNSUPPORTED.has(code)) return new WorkbookError("unsupported-host", detail);
  if (code !== undefined && UNAVAILABLE.has(code)) return new WorkbookError("file-unavailable", detail);
  // Anything else (11000 a file still open elsewhere, 5001 an internal error) is passing.
  return new WorkbookError("excel-busy", detail);
}

/** An Office callback API as a promise; a failed result rejects with a WorkbookError. */
function call<T>(step: string, start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => (result.status === "succeeded" ? resolve(result.value) : reject(fileError(result.error, step))));
  });
}

/** A slice's data: Office gives a byte array for a compressed file. */
function sliceBytes(data: unknown, index: number): ArrayLike<number> {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data) || ArrayBuffer.isView(data)) return data as ArrayLike<number>;
  throw new WorkbookError("unsupported-host", `slice ${index}: data of type ${typeof data}`);
}

/** Closes the file, once more if the first try fails; a file left open only blocks the next read. */
async function close(file: OfficeFileLike): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await call<void>("closeAsync", (cb) => file.closeAsync(cb));
      return;
    } catch {
      // try again, then give up: the bytes already read are complete
    }
  }
}

export async function readFileBytes(document: OfficeDocumentLike | undefined): Promise<Uint8Array> {
  if (typeof document?.getFileAsync !== "function") throw new WorkbookError("unsupported-host", "Office.context.document.getFileAsync");
  const file = await call<OfficeFileLike>("getFileAsync", (cb) => document.getFileAsync(COMPRESSED, { sliceSize: SLICE_SIZE }, cb));
  try {
    const out = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await call<{ readonly data: unknown }>(`getSliceAsync ${i}`, (cb) => file.getSliceAsync(i, cb));
      const data = sliceBytes(slice.data, i);
      if (at + data.length > file.size) throw new WorkbookError("excel-busy", `slice ${i} goes past the file's ${file.size} bytes`);
      out.set(data, at);
      at += data.length;
    }
    if (at !== file.size) throw new WorkbookError("excel-busy", `${at} of the file's ${file.size} bytes`);
    return out;
  } finally {
    await close(file);
  }
}
