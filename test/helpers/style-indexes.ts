/**
 * Indexes into styles.xml that a workbook's parts hold, for the tests: a cell's, a row's or a column's style (`s`,
 * `style`) into cellXfs, a conditional format's `dxfId` into dxfs, and a cell format's font, fill, border, number
 * format and cell style. Excel repairs a workbook where one points past the end of its list (and drops the
 * formatting); LibreOffice falls back to the default without a word.
 */
import { strFromU8 } from "fflate";

const CHILD: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf", dxfs: "dxf" };

/** The records of one list of styles.xml (`<fonts>`, `<cellXfs>` …), as the text of each child element. */
function records(styles: string, list: string): string[] {
  const m = new RegExp(`<(?:\\w+:)?${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${list}>)`).exec(styles);
  if (!m?.[1]) return [];
  const tag = CHILD[list];
  return [...m[1].matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${tag}>)`, "g"))].map((r) => r[0]);
}

const attrNum = (el: string, name: string): number | undefined => {
  const m = new RegExp(`\\s${name}="(\\d+)"`).exec(el.slice(0, el.indexOf(">") + 1));
  return m ? Number(m[1]) : undefined;
};

/** Every index that points past its list, one line each, for the package's styles and its worksheets. */
export function styleIndexProblems(pkg: ReadonlyMap<string, Uint8Array>): string[] {
  const out: string[] = [];
  const stylesBytes = pkg.get("xl/styles.xml");
  const styles = stylesBytes ? strFromU8(stylesBytes) : "";
  const count = (list: string) => records(styles, list).length;
  const [fonts, fills, borders, styleXfs, cellXfs, dxfs] = ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"].map(count);
  const formats = new Set(records(styles, "numFmts").map((r) => attrNum(r, "numFmtId")));
  const xfProblems = (list: string, xfIdLimit: number | undefined) =>
    records(styles, list).forEach((xf, i) => {
      const check = (name: string, limit: number) => {
        const n = attrNum(xf, name);
        if (n !== undefined && n >= limit) out.push(`xl/styles.xml: ${list}[${i}] ${name}=${n} of ${limit}`);
      };
      check("fontId", fonts);
      check("fillId", fills);
      check("borderId", borders);
      if (xfIdLimit !== undefined) check("xfId", xfIdLimit);
      const fmt = attrNum(xf, "numFmtId");
      if (fmt !== undefined && fmt >= 164 && !formats.has(fmt)) out.push(`xl/styles.xml: ${list}[${i}] numFmtId=${fmt} is not defined`);
    });
  if (stylesBytes) {
    xfProblems("cellStyleXfs", undefined);
    xfProblems("cellXfs", styleXfs);
  }
  for (const [part, bytes] of pkg) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
    const xml = strFromU8(bytes);
    const over = (re: RegExp, limit: number, what: string) => {
      for (const m of xml.matchAll(re)) {
        const n = Number(m[1]);
        if (n >= limit) {
          out.push(`${part}: ${what} ${n} of ${limit}`);
          return; // one line per kind and part is enough to find it
        }
      }
    };
    // A package without styles.xml has Excel's default single format: only 0 is valid.
    const xfLimit = stylesBytes ? cellXfs : 1;
    over(/<(?:\w+:)?c\b[^>]*?\ss="(\d+)"/g, xfLimit, "cell style");
    over(/<(?:\w+:)?row\b[^>]*?\ss="(\d+)"/g, xfLimit, "row style");
    over(/<(?:\w+:)?col\b[^>]*?\sstyle="(\d+)"/g, xfLimit, "column style");
    over(/<(?:\w+:)?cfRule\b[^>]*?\sdxfId="(\d+)"/g, dxfs, "conditional format dxfId");
  }
  return out;
}
