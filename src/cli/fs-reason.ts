/**
 * Why a file could not be read or written, in the user's words, with the system's code after them for whoever
 * helps (`フォルダーまたはファイルがありません: ENOENT`): a code alone means nothing to a clerk.
 */
import type { Lang } from "../core/i18n";
import { t } from "./i18n";

const WORDED = {
  ENOENT: "cli.fs.ENOENT",
  EISDIR: "cli.fs.EISDIR",
  ENOTDIR: "cli.fs.ENOTDIR",
  EACCES: "cli.fs.EACCES",
  // Windows says EPERM where POSIX says EACCES, and for a file Excel has open.
  EPERM: "cli.fs.EACCES",
  EBUSY: "cli.fs.EBUSY",
  ENOSPC: "cli.fs.ENOSPC",
  EROFS: "cli.fs.EROFS",
  ENAMETOOLONG: "cli.fs.ENAMETOOLONG",
} as const;

export function fsReason(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return e instanceof Error ? e.message.split("\n")[0] : String(e);
  const key = (WORDED as Record<string, (typeof WORDED)[keyof typeof WORDED]>)[code];
  return key ? t(lang, "cli.fs.reason", { words: t(lang, key), code }) : code;
}
