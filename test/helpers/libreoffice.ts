/**
 * LibreOffice headless as an independent client of the files we write. Its exit code says nothing (it is 0 when a
 * file could not be loaded), so callers check that the output exists.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function hasLibreOffice(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

/**
 * Whether the LibreOffice tests can run here (with poppler's pdftoppm too, when they render pages). CI installs both
 * and sets CHOSAHYO_REQUIRE_LIBREOFFICE, so there a missing tool is an error rather than a skipped suite; on a
 * developer machine without them the suite is reported as skipped, not passed.
 */
export function libreOfficeAvailable(options: { readonly poppler?: boolean } = {}): boolean {
  const available = hasLibreOffice() && (!options.poppler || hasPoppler());
  if (!available && process.env.CHOSAHYO_REQUIRE_LIBREOFFICE) {
    const what = options.poppler ? ["LibreOffice (soffice) and poppler-utils are", "libreoffice-calc poppler-utils"] : ["LibreOffice (soffice) is", "libreoffice-calc"];
    throw new Error(`${what[0]} required here: apt-get install ${what[1]}`);
  }
  return available;
}

/** A fresh LibreOffice profile that recalculates formulas when it opens an .xlsx, instead of trusting cached values. */
export function libreOfficeProfile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-lo-"));
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Converts with `soffice --headless --convert-to`; returns the files it wrote in `outDir`. */
export function convert(file: string, filter: string, outDir: string, profile: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const before = new Set(readdirSync(outDir));
  const r = spawnSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", filter, "--outdir", outDir, file],
    { encoding: "utf8", timeout: 180_000, env: { ...process.env, HOME: profile } },
  );
  const made = readdirSync(outDir).filter((f) => !before.has(f));
  if (made.length === 0) throw new Error(`LibreOffice wrote nothing for ${file}: ${r.stderr || r.stdout}`);
  return made.map((f) => path.join(outDir, f));
}

/** UTF-8 CSV of every sheet (LibreOffice's plain CSV export is neither UTF-8 nor all sheets). */
export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

export function readCsv(file: string): string[][] {
  const text = readFileSync(file, "utf8");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * `bytes` opened by LibreOffice with every formula calculated again (an independent reader's results, not the
 * cached ones): each sheet's rows as text, by the sheet's name.
 */
export function recalculatedSheets(bytes: Uint8Array, fileName: string, sheets: readonly string[]): Map<string, string[][]> {
  const work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-recalc-"));
  const profile = libreOfficeProfile();
  try {
    const file = path.join(work, fileName);
    writeFileSync(file, bytes);
    const csvs = convert(file, CSV_ALL_SHEETS, path.join(work, "csv"), profile);
    return new Map(sheets.map((s) => [s, readCsv(csvs.find((f) => f.endsWith(`-${s}.csv`))!)]));
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/** Share of dark pixels in a binary PGM (P5) image: 0 for a blank page. */
export function darkShare(pgmFile: string): number {
  const buf = readFileSync(pgmFile);
  // Header: "P5\n<width> <height>\n<maxval>\n" (comments aside, which pdftoppm does not write).
  const header = buf.subarray(0, 64).toString("latin1");
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error(`not a PGM: ${pgmFile}`);
  const [w, h] = [Number(m[1]), Number(m[2])];
  const pixels = buf.subarray(m[0].length, m[0].length + w * h);
  let dark = 0;
  for (const p of pixels) if (p < 160) dark++;
  return dark / (w * h);
}

export function tool(name: string, args: readonly string[]): string {
  const r = spawnSync(name, args, { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new Error(`${name} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

export { existsSync };

export function hasPoppler(): boolean {
  return spawnSync("pdftoppm", ["-v"], { encoding: "utf8" }).error === undefined;
}
