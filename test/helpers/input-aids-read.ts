/**
 * Input aids read back from an .xlsx with an XML parser (not the code that wrote them): a sheet's validations, its
 * conditional formats with their dxf fill, its protection, and whether a cell is locked, following the cell's format
 * as a spreadsheet application does. Excel writes booleans as 1/0 and LibreOffice as true/false: both are read.
 */
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8 } from "fflate";
import { readPackage, sheetParts } from "./package-diff";

type El = Element;

export interface ValidationRead {
  readonly sqref: string;
  readonly type: string;
  readonly errorStyle: string;
  readonly showInputMessage: boolean;
  readonly showErrorMessage: boolean;
  readonly promptTitle: string;
  readonly prompt: string;
  readonly errorTitle: string;
  readonly error: string;
  readonly formula1: string;
}

export interface ConditionalRead {
  readonly sqref: string;
  readonly type: string;
  readonly priority: number;
  readonly formula: string;
  /** The dxf's fill colour, RRGGBB (its bgColor, else fgColor). */
  readonly fill: string;
}

export interface SheetAidsRead {
  /** The part's top-level elements, in order. */
  readonly elements: readonly string[];
  /** The count attribute of <dataValidations>, when there is one. */
  readonly validationCount?: number;
  readonly validations: readonly ValidationRead[];
  readonly conditionals: readonly ConditionalRead[];
  /** <sheetProtection>'s attributes, when it is there. */
  readonly protection?: Readonly<Record<string, string>>;
  /** Whether the cell at an A1 address is locked once the sheet is protected. */
  readonly locked: (ref: string) => boolean;
}

const truthy = (v: string | null) => v === "1" || v === "true";

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml") as unknown as Document;
}

function kids(el: El | undefined, name?: string): El[] {
  const out: El[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!name || localOf(n as El) === name)) out.push(n as El);
  return out;
}

function localOf(el: El): string {
  return el.localName ?? el.nodeName.replace(/^.*:/, "");
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function readSheetAids(bytes: Uint8Array, sheet: string): SheetAidsRead {
  const pkg = readPackage(bytes);
  const part = sheetParts(bytes).get(sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  const root = parse(strFromU8(pkg.get(part)!)).documentElement as unknown as El;
  const styles = parse(strFromU8(pkg.get("xl/styles.xml")!)).documentElement as unknown as El;
  const section = (name: string) => kids(styles, name)[0];
  const dxfs = kids(section("dxfs"), "dxf");
  const xfs = kids(section("cellXfs"), "xf");

  const dvs = kids(root, "dataValidations")[0];
  const validations = kids(dvs, "dataValidation").map((v) => ({
    sqref: v.getAttribute("sqref") ?? "",
    type: v.getAttribute("type") ?? "none",
    errorStyle: v.getAttribute("errorStyle") ?? "stop",
    showInputMessage: truthy(v.getAttribute("showInputMessage")),
    showErrorMessage: truthy(v.getAttribute("showErrorMessage")),
    promptTitle: v.getAttribute("promptTitle") ?? "",
    prompt: v.getAttribute("prompt") ?? "",
    errorTitle: v.getAttribute("errorTitle") ?? "",
    error: v.getAttribute("error") ?? "",
    formula1: kids(v, "formula1")[0]?.textContent ?? "",
  }));

  const conditionals: ConditionalRead[] = [];
  for (const cf of kids(root, "conditionalFormatting")) {
    for (const rule of kids(cf, "cfRule")) {
      const dxf = dxfs[Number(rule.getAttribute("dxfId") ?? -1)];
      const pattern = kids(kids(dxf, "fill")[0], "patternFill")[0];
      const color = kids(pattern, "bgColor")[0] ?? kids(pattern, "fgColor")[0];
      conditionals.push({
        sqref: cf.getAttribute("sqref") ?? "",
        type: rule.getAttribute("type") ?? "",
        priority: Number(rule.getAttribute("priority")),
        formula: kids(rule, "formula")[0]?.textContent ?? "",
        fill: (color?.getAttribute("rgb") ?? "").slice(-6).toUpperCase(),
      });
    }
  }

  const prot = kids(root, "sheetProtection")[0];
  const protection: Record<string, string> | undefined = prot ? {} : undefined;
  if (prot && protection) for (let i = 0; i < prot.attributes.length; i++) protection[prot.attributes[i].name] = prot.attributes[i].value;

  const data = kids(root, "sheetData")[0];
  const cols = kids(kids(root, "cols")[0], "col");
  const locked = (ref: string): boolean => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const rowNo = Number(m[2]);
    const colNo = colNumber(m[1]);
    let s: string | null = null;
    const row = kids(data, "row").find((r) => Number(r.getAttribute("r")) === rowNo);
    const cell = kids(row, "c").find((c) => c.getAttribute("r") === ref);
    if (cell) s = cell.getAttribute("s");
    else if (row && truthy(row.getAttribute("customFormat"))) s = row.getAttribute("s");
    else s = cols.find((c) => colNo >= Number(c.getAttribute("min")) && colNo <= Number(c.getAttribute("max")))?.getAttribute("style") ?? null;
    const xf = xfs[Number(s ?? 0)];
    const p = kids(xf, "protection")[0];
    const value = p?.getAttribute("locked");
    return value === null || value === undefined ? true : truthy(value);
  };

  const count = dvs?.getAttribute("count");
  return {
    elements: kids(root).map(localOf),
    ...(count ? { validationCount: Number(count) } : {}),
    validations,
    conditionals,
    protection,
    locked,
  };
}

/** The cellXfs record a cell uses, as canonical text without its protection, to compare a cell's look before and after. */
export function cellLook(bytes: Uint8Array, sheet: string, ref: string): string {
  const pkg = readPackage(bytes);
  const part = sheetParts(bytes).get(sheet)!;
  const root = parse(strFromU8(pkg.get(part)!)).documentElement as unknown as El;
  const styles = parse(strFromU8(pkg.get("xl/styles.xml")!)).documentElement as unknown as El;
  const xfs = kids(kids(styles, "cellXfs")[0], "xf");
  const row = kids(kids(root, "sheetData")[0], "row").find((r) => kids(r, "c").some((c) => c.getAttribute("r") === ref));
  const s = kids(row, "c").find((c) => c.getAttribute("r") === ref)?.getAttribute("s") ?? "0";
  const xf = xfs[Number(s)];
  const attrs: string[] = [];
  for (let i = 0; i < xf.attributes.length; i++) if (!/^applyProtection$/.test(xf.attributes[i].name)) attrs.push(`${xf.attributes[i].name}=${xf.attributes[i].value}`);
  const inner = kids(xf)
    .filter((k) => localOf(k) !== "protection")
    .map(elementText);
  return `${attrs.sort().join(" ")} ${inner.join("")}`;
}

/** An element as text with its attributes sorted, to compare two of them. */
function elementText(el: El): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) attrs.push(`${el.attributes[i].name}=${el.attributes[i].value}`);
  return `<${localOf(el)} ${attrs.sort().join(" ")}>${kids(el).map(elementText).join("")}</>`;
}
