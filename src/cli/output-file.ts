/**
 * Writing a command's output workbook: never over an input (`samePath`), and never half a file under the output's
 * name (`writeAtomically`). Shared by summarize, rollover and the other commands that write a new workbook.
 */
import { existsSync, realpathSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../core/i18n";
import { ArgError } from "./args";
import { fsReason } from "./fs-reason";

/** The path with links resolved, or made absolute when it does not exist (yet): what two names of one file share. */
export function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export function samePath(a: string, b: string): boolean {
  return realPath(a) === realPath(b);
}

/** Writes next to the target and renames, so a failed write never leaves half a file under the output's name. */
export function writeAtomically(file: string, bytes: Uint8Array, lang: Lang): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (e) {
    try {
      if (existsSync(tmp)) unlinkSync(tmp);
    } catch {
      // nothing more to clean up
    }
    throw new ArgError("cli.summarize.output-unwritable", { path: file, reason: fsReason(e, lang) }, lang);
  }
}
