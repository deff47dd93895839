/**
 * File names for the departments' workbooks (配布): safe on Windows, where the office and the departments work.
 * No `\ / : * ? " < > |` nor control characters, no trailing dot or blank, no reserved device name (CON, NUL, COM1…),
 * at most 100 characters (UTF-16 units, as Windows counts) with the extension; a name given twice (two departments that differ only in what a file
 * name cannot hold, or in case: Windows does not tell them apart) gets ` (2)`, ` (3)`. Pure.
 */

/** The longest name written, extension included: well inside Windows' 255 and its usual 260-character path. */
export const MAX_FILE_NAME = 100;

const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** One part of a file name, made safe: forbidden characters become `_`, trailing dots and blanks go. */
export function safeFileStem(name: string, fallback = "_"): string {
  let s = name.normalize("NFC").replace(FORBIDDEN, "_").replace(/\s+/g, " ").trim();
  s = s.replace(/[. ]+$/, "");
  if (!s) s = fallback;
  if (RESERVED.test(s.split(".")[0])) s = `_${s}`;
  return s;
}

/** Cuts a stem to `max` UTF-16 units (what Windows counts) without splitting a surrogate pair. */
function cut(stem: string, max: number): string {
  if (stem.length <= max) return stem;
  let out = "";
  for (const ch of stem) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/[. ]+$/, "") || "_";
}

/**
 * One file name per department, in order, each `<department><ext>` made safe and unique (compared without regard
 * to case, as Windows compares them).
 */
export function departmentFileNames(departments: readonly string[], ext: string): string[] {
  const taken = new Set<string>();
  return departments.map((d) => {
    const stem = safeFileStem(d);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : ` (${n})`;
      const name = `${cut(stem, MAX_FILE_NAME - ext.length - suffix.length)}${suffix}${ext}`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  });
}
