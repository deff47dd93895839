/**
 * The per-file time budget (`--timeout`). In this process it is kept cooperatively: the reader is given the
 * deadline, and validation stops at the next sheet once it has passed. The worker pool (pool.ts) adds the hard
 * stop, terminating a thread stuck in synchronous code.
 */
import type { Lang } from "../core/i18n";
import { t } from "./i18n";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { type Checked, type FileError, type FileResult, type Opened, readAndValidate, validateFile, type ValidateFileOptions } from "./validate-files";

export function timeoutError(lang: Lang, seconds: number): FileError {
  return { code: "timeout", message: t(lang, "cli.error.timeout", { seconds }) };
}

export function timedOut(path: string, lang: Lang, seconds: number): FileResult {
  return { path, sheets: [], findings: [], error: timeoutError(lang, seconds) };
}

/** Thrown from the progress callback to leave validation early; never seen by a user (the result says timeout). */
class OutOfTime extends Error {
  constructor() {
    super("timeout");
  }
}

/** The options with the deadline the reader checks, and a progress hook that ends validation past it. */
function budgeted(opts: ValidateFileOptions, seconds: number): { options: ValidateFileOptions; over: () => boolean } {
  const deadline = Date.now() + seconds * 1000;
  const options: ValidateFileOptions = {
    ...opts,
    deadline,
    onSheet: (done, total) => {
      if (Date.now() > deadline) throw new OutOfTime();
      opts.onSheet?.(done, total);
    },
  };
  return { options, over: () => Date.now() > deadline };
}

/**
 * Validates one file within `seconds`. A file that runs over is reported as timed out, even if it finished late:
 * the same outcome as in a worker, which is stopped at the deadline.
 */
export async function validateWithin(file: string, opts: ValidateFileOptions, seconds: number): Promise<FileResult> {
  const { options, over } = budgeted(opts, seconds);
  const r = await validateFile(file, options);
  if (r.error?.code === "timeout" || over()) return timedOut(file, opts.lang, seconds);
  return r;
}

/** readAndValidate within `seconds`, for `summarize`, which needs the workbook too; with `readOnly`, other formats too. */
export async function readAndValidateWithin(file: string, opts: ValidateFileOptions & { readonly readOnly: true }, seconds: number): Promise<Checked<Opened> | { error: FileError }>;
export async function readAndValidateWithin(file: string, opts: ValidateFileOptions, seconds: number): Promise<Checked<{ book: XlsxWorkbook }> | { error: FileError }>;
export async function readAndValidateWithin(file: string, opts: ValidateFileOptions, seconds: number): Promise<Checked<Opened> | { error: FileError }> {
  const { options, over } = budgeted(opts, seconds);
  const r = await readAndValidate(file, options);
  if (("error" in r && r.error.code === "timeout") || over()) return { error: timeoutError(opts.lang, seconds) };
  return r;
}
