/**
 * @jest-environment node
 *
 * StylesAmender on real styles.xml texts (the seeds, ExcelJS and LibreOffice output, two odd ones from Apache POI's
 * test data: see styles/README.md): old records stay byte for byte at their indexes, new ones are appended, counts
 * match, and each returned xf means the style asked for. The XML is checked with @xmldom/xmldom, not our scanner.
 */
import { DOMParser, type Element as XElement } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CellStyle } from "../../../src/core/sheet-spec";
import { SUMMARY_STYLES } from "../../../src/core/summary/layout";
import { StylesAmender } from "../../../src/workbook/xlsx/styles-xml";
import { ROOT } from "../../helpers/grid";
import { miniPackage } from "./mini-package";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const BUILTIN: Record<number, string> = { 0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 49: "@" };

function stylesOf(xlsx: Uint8Array): string {
  return strFromU8(unzipSync(xlsx, { filter: (f) => f.name === "xl/styles.xml" })["xl/styles.xml"]);
}

async function exceljsStyles(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = 1;
  ws.getCell("A1").numFmt = "0.000";
  ws.getCell("A2").font = { bold: true, size: 16 };
  ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  return stylesOf(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const HANDMADE: Record<string, string> = {
  // A prefix on every element, self-closing empty sections, a comment, no cellStyleXfs.
  "prefixed, self-closing sections": `<?xml version="1.0"?>\n<!-- made by hand --><x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="0"/><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="ＭＳ Ｐゴシック"/><x:charset val="128"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs><x:dxfs count="0"/></x:styleSheet>`,
  // Only fonts: everything else must be inserted in schema order, with the records index 0 (and fill 1) must be.
  "fonts only": `<styleSheet xmlns="${MAIN}"><fonts><font><sz val="10"/><name val="Arial"/></font></fonts><extLst><ext uri="{X}"/></extLst></styleSheet>`,
  "self-closing root": `<styleSheet xmlns="${MAIN}"/>`,
  // Counts that lie (Excel indexes by position): appended records go after the real children.
  "wrong counts": `<styleSheet xmlns="${MAIN}"><numFmts count="5"><numFmt numFmtId="200" formatCode="0.0%"/></numFmts><fonts count="9"><font/></fonts><fills count="0"><fill/><fill/></fills><borders count="3"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="7"><xf/><xf/></cellXfs></styleSheet>`,
};

function inputs(): Promise<[string, string | undefined][]> {
  const seeds = readdirSync(path.join(ROOT, "seeds"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f): [string, string] => [`seeds/${f}`, stylesOf(readFileSync(path.join(ROOT, "seeds", f)))]);
  const dir = path.join(__dirname, "styles");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".xml"))
    .map((f): [string, string] => [f, readFileSync(path.join(dir, f), "utf8")]);
  return exceljsStyles().then((e) => [...seeds, ["ExcelJS 4.4 output", e], ...files, ...Object.entries(HANDMADE), ["no styles.xml", undefined]]);
}

function parse(xml: string): XElement {
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") throw new Error(msg);
    },
  }).parseFromString(xml.replace(/^\ufeff/, ""), "text/xml");
  return doc.documentElement as unknown as XElement;
}

function kids(el: XElement | undefined): XElement[] {
  if (!el) return [];
  const out: XElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as unknown as XElement);
  return out;
}

function section(root: XElement, name: string): XElement | undefined {
  return kids(root).find((k) => k.localName === name && k.namespaceURI === MAIN);
}

/** The text between a section's start and end tags, found by plain string search ("" when self-closing). */
function innerText(xml: string, qname: string): string | undefined {
  const open = new RegExp(`<${qname}(\\s[^>]*)?>`).exec(xml);
  if (!open) return undefined;
  if (open[0].endsWith("/>")) return "";
  const start = open.index + open[0].length;
  return xml.slice(start, xml.indexOf(`</${qname}>`, start));
}

const WANTED: CellStyle[] = [
  ...Object.values(SUMMARY_STYLES),
  { fontSize: 9 },
  { numberFormat: "0.0%" }, // equal code, different style
  { numberFormat: 'yyyy"年"m"月"d"日"' },
  { numberFormat: "#,##0" }, // a built-in format
  { wrap: true, vAlign: "middle" },
];

describe("StylesAmender を実際の styles.xml で", () => {
  let cases: [string, string | undefined][];
  beforeAll(async () => {
    cases = await inputs();
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  test("既存のレコードはそのままの位置・そのままのバイト列、新しいものは後ろに足し、count は子の数", () => {
    for (const [name, xml] of cases) {
      const amender = new StylesAmender(xml);
      WANTED.forEach((s) => amender.xf(s));
      const out = amender.toXml();
      const before = xml === undefined ? undefined : parse(xml);
      const after = parse(out);
      const prefix = after.prefix ? `${after.prefix}:` : "";
      expect([name, after.localName, after.namespaceURI]).toEqual([name, "styleSheet", MAIN]);
      // Sections in schema order; count = children.
      const order = kids(after).map((k) => SECTIONS.indexOf(k.localName!));
      expect([name, order]).toEqual([name, [...order].sort((a, b) => a - b)]);
      // Sections that gained records count them all (tableStyles' count, say, is not ours to fix).
      for (const s of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]) {
        const k = section(after, s);
        if (k && kids(k).length > kids(before && section(before, s)).length) expect([name, s, Number(k.getAttribute("count"))]).toEqual([name, s, kids(k).length]);
      }
      for (const s of SECTIONS) {
        const old = before ? innerText(xml!, `${prefix}${s}`) : undefined;
        if (old === undefined) continue;
        // Old records are a byte-identical prefix of the amended section (so every old index means what it meant).
        const now = innerText(out, `${prefix}${s}`)!;
        expect([name, s, now.startsWith(old)]).toEqual([name, s, true]);
        expect([name, s, kids(section(after, s)).length >= kids(section(before!, s)).length]).toEqual([name, s, true]);
      }
      // Outside the sections we append to, nothing moved: the text before the first section is as it was.
      if (xml !== undefined) {
        const firstOld = xml.search(new RegExp(`<${prefix}(${SECTIONS.join("|")})[\\s/>]`));
        if (firstOld > 0) expect(out.slice(0, firstOld)).toBe(xml.slice(0, firstOld));
        const tail = xml.slice(xml.lastIndexOf("</"));
        expect(out.endsWith(tail) || xml.trimEnd().endsWith("/>")).toBe(true);
      }
    }
  });

  test("返した xf は頼んだ書式を指す（フォント・塗り・罫線・配置・表示形式）", () => {
    for (const [name, xml] of cases) {
      const amender = new StylesAmender(xml);
      const ids = WANTED.map((s) => amender.xf(s));
      const root = parse(amender.toXml());
      const xfs = kids(section(root, "cellXfs"));
      const fonts = kids(section(root, "fonts"));
      const fills = kids(section(root, "fills"));
      const borders = kids(section(root, "borders"));
      const fmts = new Map(kids(section(root, "numFmts")).map((f) => [Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode")]));
      WANTED.forEach((want, i) => {
        const xf = xfs[ids[i]];
        const label = `${name} #${i}`;
        expect([label, xf?.localName]).toEqual([label, "xf"]);
        const font = fonts[Number(xf.getAttribute("fontId"))];
        const fontKid = (n: string) => kids(font).find((k) => k.localName === n);
        if (want.bold) expect([label, !!fontKid("b")]).toEqual([label, true]);
        if (want.fontSize) expect([label, fontKid("sz")?.getAttribute("val")]).toEqual([label, String(want.fontSize)]);
        if (want.fontColor) expect([label, fontKid("color")?.getAttribute("rgb")]).toEqual([label, "FF" + want.fontColor.slice(1)]);
        if (want.bold || want.fontSize || want.fontColor) expect([label, !!fontKid("name")]).toEqual([label, true]); // a complete font
        const fill = fills[Number(xf.getAttribute("fillId"))];
        if (want.fill) {
          const pf = kids(fill)[0];
          expect([label, pf.getAttribute("patternType"), kids(pf)[0].getAttribute("rgb")]).toEqual([label, "solid", "FF" + want.fill.slice(1)]);
        } else expect([label, xf.getAttribute("fillId")]).toEqual([label, "0"]);
        const border = borders[Number(xf.getAttribute("borderId"))];
        if (want.border) {
          for (const side of ["left", "right", "top", "bottom"]) {
            const e = kids(border).find((k) => k.localName === side)!;
            expect([label, side, e.getAttribute("style"), kids(e)[0].getAttribute("rgb")]).toEqual([label, side, "thin", "FF808080"]);
          }
        } else expect([label, xf.getAttribute("borderId")]).toEqual([label, "0"]);
        const id = Number(xf.getAttribute("numFmtId"));
        expect([label, BUILTIN[id] ?? fmts.get(id)]).toEqual([label, want.numberFormat ?? "General"]);
        const al = kids(xf).find((k) => k.localName === "alignment");
        const v = { middle: "center", top: "top", bottom: "bottom" } as const;
        expect([label, al?.getAttribute("horizontal") || undefined, al?.getAttribute("vertical") || undefined, al?.getAttribute("wrapText") || undefined]).toEqual([
          label,
          want.hAlign,
          want.vAlign ? v[want.vAlign] : undefined,
          want.wrap ? "1" : undefined,
        ]);
        expect([label, Number(xf.getAttribute("xfId")) < kids(section(root, "cellStyleXfs")).length]).toEqual([label, true]);
      });
    }
  });

  test("同じ書式は同じ xf、違う書式は違う xf、新しい表示形式の id は 164 以上で既存より大きい", () => {
    for (const [name, xml] of cases) {
      const amender = new StylesAmender(xml);
      const a = amender.xf({ bold: true, border: "thin" });
      expect([name, amender.xf({ border: "thin", bold: true })]).toEqual([name, a]);
      expect([name, amender.xf({ bold: true })]).not.toEqual([name, a]);
      expect(amender.xf(undefined)).toBe(0);
      const existing = xml ? [...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1])) : [];
      amender.xf({ numberFormat: "0.000_ " });
      const out = amender.toXml();
      const added = /numFmtId="(\d+)" formatCode="0\.000_ "/.exec(out);
      expect([name, !!added]).toEqual([name, true]);
      const id = Number(added![1]);
      expect([name, id >= 164 && existing.every((e) => e < id || e === id)]).toEqual([name, true]);
    }
  });

  test("何も足さなければ changed は false で、同じ文字列を返す（styles.xml がないときは作る）", () => {
    for (const [name, xml] of cases) {
      const amender = new StylesAmender(xml);
      amender.xf(undefined);
      expect([name, amender.changed]).toEqual([name, xml === undefined]);
      if (xml !== undefined) expect(amender.toXml()).toBe(xml);
      amender.xf({ bold: true });
      expect(amender.changed).toBe(true);
    }
  });

  test("seeds/kodaira-h29.xlsx の styles.xml に足した書式を ExcelJS がそのとおりに読む", async () => {
    const xml = stylesOf(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
    const spec = {
      name: "S",
      styles: SUMMARY_STYLES,
      merges: [],
      cells: Object.keys(SUMMARY_STYLES).map((style, i) => ({ row: i, col: 0, value: { t: "number" as const, v: i }, style })),
    };
    const { bytes } = miniPackage([spec], xml);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("S")!;
    Object.values(SUMMARY_STYLES).forEach((s, i) => {
      const cell = ws.getCell(i + 1, 1);
      if (s.bold) expect(cell.font.bold).toBe(true);
      if (s.fontSize) expect(cell.font.size).toBe(s.fontSize);
      if (s.fill) expect(cell.fill).toMatchObject({ fgColor: { argb: "FF" + s.fill.slice(1) } });
      if (s.numberFormat) expect(cell.numFmt).toBe(s.numberFormat);
      if (s.border) expect(cell.border.top).toMatchObject({ style: "thin" });
      if (s.hAlign) expect(cell.alignment.horizontal).toBe(s.hAlign);
    });
  });
});
