/**
 * Hand-written .xlsx packages for the reader tests: every part is XML the test wrote, zipped by fflate, so each
 * case holds exactly the construct it is about (a writer library would normalise it away).
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import type { CellValue } from "../../../src/core/model/cell";
import type { SheetGrid } from "../../../src/core/model/grid";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";

export const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
export const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const MS_REL = "http://schemas.microsoft.com/office/2006/relationships";

export interface SheetDef {
  readonly name: string;
  /** The whole worksheet part; default: ws(""). */
  readonly xml?: string;
  readonly state?: "hidden" | "veryHidden";
  readonly kind?: "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";
  /** The workbook names the sheet, but no relationship carries its r:id. */
  readonly noRel?: boolean;
  /** The relationship is there, the part is not. */
  readonly missingPart?: boolean;
  /** The relationship's Target as written (default `worksheets/sheetN.xml`). */
  readonly target?: string;
  /** The zip entry's name (default: the target resolved against xl/). */
  readonly partName?: string;
}

export interface BookDef {
  readonly sheets: readonly SheetDef[];
  /** Items of the shared string table, each the inner XML of one `<si>` (use t() for plain text). */
  readonly strings?: readonly string[];
  /** The whole styles part. */
  readonly styles?: string;
  readonly date1904?: boolean;
  /** The workbook part's name (default xl/workbook.xml). */
  readonly wbPart?: string;
  readonly ns?: typeof TRANSITIONAL;
  /** Parts added or replacing the generated ones; undefined removes one. */
  readonly extra?: Readonly<Record<string, string | Uint8Array | undefined>>;
}

/** `<t>` with the text escaped. */
export function t(text: string): string {
  return `<t xml:space="preserve">${esc(text)}</t>`;
}

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A worksheet part around the given sheetData content; `after` follows sheetData (merges, protection …). */
export function ws(rows: string, after = "", before = "", ns = TRANSITIONAL): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A styles part whose cellXfs are the given numFmtIds in order (index = the cell's `s`), with custom codes. */
export function styles(xfNumFmtIds: readonly number[], custom: Readonly<Record<number, string>> = {}, ns = TRANSITIONAL): string {
  const fmts = Object.entries(custom).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns.main}">` +
    (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join("")}</numFmts>` : "") +
    `<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`).join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

const KIND_CT: Record<string, string> = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  dialogsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml",
  macrosheet: "application/vnd.ms-excel.macrosheet+xml",
};

/** The files of a package (before zipping), so a test can change one entry's bytes. */
export function packageFiles(def: BookDef): Record<string, Uint8Array> {
  const ns = def.ns ?? TRANSITIONAL;
  const wbPart = def.wbPart ?? "xl/workbook.xml";
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const sheets: string[] = [];
  const rels: string[] = [];
  let relN = 0;
  def.sheets.forEach((s, i) => {
    const n = i + 1;
    const kind = s.kind ?? "worksheet";
    const id = `rId${++relN}`;
    const folder = kind === "worksheet" ? "worksheets" : kind === "chartsheet" ? "chartsheets" : kind === "dialogsheet" ? "dialogsheets" : "macrosheets";
    const target = s.target ?? `${folder}/sheet${n}.xml`;
    const part = s.partName ?? resolve(wbPart, target);
    const state = s.state ? ` state="${s.state}"` : "";
    sheets.push(`<sheet name="${esc(s.name)}" sheetId="${n}"${state} r:id="${id}"/>`);
    if (s.noRel) return;
    const type = kind === "macrosheet" ? `${MS_REL}/xlMacrosheet` : `${ns.rel}/${kind}`;
    rels.push(`<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"/>`);
    if (s.missingPart) return;
    const body =
      s.xml ??
      (kind === "worksheet"
        ? ws("", "", "", ns)
        : kind === "chartsheet"
          ? `<chartsheet xmlns="${ns.main}" xmlns:r="${ns.rel}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`
          : kind === "dialogsheet"
            ? `<dialogsheet xmlns="${ns.main}"><sheetData/></dialogsheet>`
            : `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns="${ns.main}"><sheetData/></xm:macrosheet>`);
    files[part] = strToU8(body);
    overrides.push(`<Override PartName="/${part}" ContentType="${KIND_CT[kind]}"/>`);
  });
  const base = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  if (def.strings) {
    files[`${base}sharedStrings.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns.main}" count="${def.strings.length}" uniqueCount="${def.strings.length}">${def.strings.map((s) => `<si>${s}</si>`).join("")}</sst>`,
    );
    rels.push(`<Relationship Id="rId${++relN}" Type="${ns.rel}/sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push(`<Override PartName="/${base}sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
  }
  if (def.styles) {
    files[`${base}styles.xml`] = strToU8(def.styles);
    rels.push(`<Relationship Id="rId${++relN}" Type="${ns.rel}/styles" Target="styles.xml"/>`);
    overrides.push(`<Override PartName="/${base}styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  }
  files[wbPart] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
      (def.date1904 ? `<workbookPr date1904="1"/>` : `<workbookPr/>`) +
      `<bookViews><workbookView/></bookViews><sheets>${sheets.join("")}</sheets></workbook>`,
  );
  files[`${base}_rels/${wbPart.slice(base.length)}.rels`] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="${wbPart}"/></Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/${wbPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`,
  );
  for (const [name, content] of Object.entries(def.extra ?? {})) {
    if (content === undefined) delete files[name];
    else files[name] = typeof content === "string" ? strToU8(content) : content;
  }
  return files;
}

export function buildXlsx(def: BookDef): Uint8Array {
  return zipSync(packageFiles(def) as Zippable);
}

/** One sheet holding the given sheetData rows, read through the adapter. */
export async function readOne(rows: string, more: Omit<BookDef, "sheets"> & { after?: string } = {}): Promise<SheetGrid> {
  const book = await XlsxWorkbook.load(buildXlsx({ ...more, sheets: [{ name: "Sheet1", xml: ws(rows, more.after ?? "", "", more.ns) }] }), "t.xlsx");
  return (await book.readAll()).sheets[0];
}

/** The value at an A1 reference of a grid (absolute), null when outside it. */
export function at(g: SheetGrid, ref: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]) - 1;
  return g.rows[r - g.top]?.[col - 1 - g.left] ?? null;
}

/** The number format kept for the cell at an A1 reference. */
export function fmtAt(g: SheetGrid, ref: string): string | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return g.numberFormats?.get(`${Number(m[2]) - 1},${col - 1}`);
}

/** Catches the WorkbookError a promise or call rejects with. */
export async function errorOf(f: () => unknown): Promise<{ code: string; detail?: string }> {
  try {
    await f();
  } catch (e) {
    const w = e as { name?: string; code?: string; detail?: string; message?: string };
    if (w.name === "WorkbookError") return { code: w.code!, detail: w.detail };
    return { code: `not a WorkbookError: ${w.name}: ${w.message}` };
  }
  return { code: "no error" };
}
