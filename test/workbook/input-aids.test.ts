/**
 * @jest-environment node
 *
 * Input aids written by the .xlsx adapter (applyInputAids), read back with an XML parser: the validations (list,
 * warning-style alert, input messages) where the plan put them, the user's own validations kept on their other cells,
 * the highlight as a conditional format with its dxf fill, the protection with the input cells unlocked and looking
 * as before, every element where CT_Worksheet puts it, every cell value unchanged, every other part byte for byte,
 * and one 変更履歴 row per sheet and kind of aid.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyInputAidsXml } from "../../src/workbook/xlsx/input-aids-xml";
import { planInputAids } from "../../src/core/input-aids/plan";
import type { SheetInputAids } from "../../src/core/input-aids/types";
import { cellText } from "../../src/core/model/cell";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { Package } from "../../src/workbook/xlsx/package";
import { StylesAmender } from "../../src/workbook/xlsx/styles-xml";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { cellLook, readSheetAids } from "../helpers/input-aids-read";
import { allowedForEdits, checkAmendedParts, diffPackages, sheetParts, unexpectedDifferences } from "../helpers/package-diff";

const AT = new Date(2026, 0, 15, 9, 30, 0);
const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const LO_FIXTURE = path.join(ROOT, "test", "fixtures", "preserve", "lo-kodaira-memo-chart.xlsx");

/** CT_Worksheet's order, as the schema fixes it. */
const ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios",
  "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
  "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
];

function inSchemaOrder(elements: readonly string[]): boolean {
  const idx = elements.map((e) => ORDER.indexOf(e)).filter((i) => i >= 0);
  return idx.every((v, i) => i === 0 || idx[i - 1] <= v);
}

interface Applied {
  readonly before: Uint8Array;
  readonly after: Uint8Array;
  readonly aids: readonly SheetInputAids[];
  readonly snapBefore: WorkbookSnapshot;
}

async function applyTo(bytes: Uint8Array, protect: boolean): Promise<Applied> {
  const book = await XlsxWorkbook.load(bytes);
  const snapBefore = await book.readAll();
  const report = validateWorkbook(snapBefore, { profiles: BUILT_IN_PROFILES });
  const { aids } = planInputAids(snapBefore, report, BUILT_IN_PROFILES, { protect });
  await book.applyInputAids(aids, AT);
  return { before: bytes, after: await book.toBytes(), aids, snapBefore };
}

/** Every user sheet's values, as text by address: what a clerk sees in the cells. */
function values(snap: WorkbookSnapshot): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const s of snap.sheets) {
    if (s.name === "変更履歴") continue;
    const cells: Record<string, string> = {};
    s.rows.forEach((row, i) => row.forEach((v, j) => v !== null && v !== "" && (cells[`${s.top + i},${s.left + j}`] = `${typeof v}:${cellText(v)}`)));
    out[s.name] = cells;
  }
  return out;
}

let seed: Applied;
beforeAll(async () => {
  seed = await applyTo(new Uint8Array(readFileSync(SEED)), true);
});

describe("小平の見本に保護つきで設定", () => {
  test("No.1: F12・G12 はリスト（警告スタイル）、F13・G13・D12:E13 は入力メッセージだけ。テンプレートの F12:G12 の入力規則は置き換わる", () => {
    const r = readSheetAids(seed.after, "No.1");
    expect(r.validationCount).toBe(r.validations.length);
    expect(r.validations.map((v) => [v.sqref, v.type, v.errorStyle, v.formula1])).toEqual([
      ["D12:E13", "none", "stop", ""],
      ["F12", "list", "warning", '"S,A,B"'],
      ["G12", "list", "warning", '"S,A,B"'],
      ["F13", "none", "stop", ""],
      ["G13", "none", "stop", ""],
    ]);
    const f12 = r.validations[1];
    expect(f12).toMatchObject({ showInputMessage: true, showErrorMessage: true, promptTitle: "1次評価", errorTitle: "1次評価" });
    expect(f12.prompt.split("\n")).toEqual(["S: 年度当初の予定以上に進捗", "A: 年度当初の予定どおりに進捗", "B: 年度当初の予定よりも遅れている", "S・B のときは、下のセルに理由（コメント）を記入してください。", "必須の項目です。"]);
    expect(f12.error).toContain("意図してほかの値にするときは");
    expect(r.validations[3]).toMatchObject({ showInputMessage: true, promptTitle: "1次評価のコメント", prompt: "1次評価が S・B のときは、その理由を記入してください。" });
  });

  test("評価一覧: E5:E47 と F5:F47 にリスト", () => {
    const r = readSheetAids(seed.after, "評価一覧");
    expect(r.validations.map((v) => [v.sqref, v.type, v.errorStyle])).toEqual([
      ["E5:E47", "list", "warning"],
      ["F5:F47", "list", "warning"],
    ]);
  });

  test("No.2-1: 空の 1次評価 F8 に containsBlanks の条件付き書式（LEN(TRIM(F8))=0）と淡い黄色の塗り", () => {
    const r = readSheetAids(seed.after, "No.2-1");
    expect(r.conditionals).toEqual([{ sqref: "F8", type: "containsBlanks", priority: 1, formula: "LEN(TRIM(F8))=0", fill: "FFF2CC" }]);
    expect(readSheetAids(seed.after, "No.1").conditionals).toEqual([]);
  });

  test("シートの保護（パスワードなし）。入力セルだけロックが外れ、見た目（書式）は元のまま", () => {
    const r = readSheetAids(seed.after, "No.1");
    expect(r.protection).toEqual({ sheet: "1", objects: "1", scenarios: "1" });
    for (const ref of ["F12", "G12", "F13", "G13", "D12", "E13", "A12", "B13", "H12", "J13", "E5", "E9", "A16", "H16"]) expect([ref, r.locked(ref)]).toEqual([ref, false]);
    for (const ref of ["A1", "A5", "C12", "C13", "F11", "G11", "D11", "C5", "A15", "F5"]) expect([ref, r.locked(ref)]).toEqual([ref, true]);
    for (const ref of ["F12", "D12", "H12", "E5"]) expect([ref, cellLook(seed.after, "No.1", ref)]).toEqual([ref, cellLook(seed.before, "No.1", ref)]);
    expect(readSheetAids(seed.before, "No.1").locked("F12")).toBe(true);
  });

  test("要素はすべて CT_Worksheet の順", () => {
    for (const name of sheetParts(seed.after).keys()) {
      const r = readSheetAids(seed.after, name);
      expect([name, inSchemaOrder(r.elements)]).toEqual([name, true]);
    }
  });

  test("セルの値は1つも変わらない", async () => {
    const after = await (await XlsxWorkbook.load(seed.after)).readAll();
    expect(values(after)).toEqual(values(seed.snapBefore));
  });

  test("変えたのは設定したシートとスタイル、変更履歴と設定のシートだけ。ほかの部品はバイト単位で同じ", () => {
    const parts = sheetParts(seed.before);
    const edited = seed.aids.map((a) => parts.get(a.sheet)!);
    const diff = diffPackages(seed.before, seed.after);
    expect(unexpectedDifferences(diff, allowedForEdits(edited))).toEqual([]);
    expect(checkAmendedParts(seed.before, seed.after)).toEqual([]);
    expect(diff.filter((d) => d.status === "changed" && edited.includes(d.name))).toHaveLength(59);
  });

  test("変更履歴: シートと種類ごとに1行（変更後に何を設定したか、セルは名前ボックスに入る形）", async () => {
    const log = (await (await XlsxWorkbook.load(seed.after)).readAll()).sheets.find((s) => s.name === "変更履歴")!;
    const rows = log.rows.slice(1).map((r) => r.map((v) => cellText(v)));
    const of = (sheet: string) => rows.filter((r) => r[1] === sheet).map((r) => [r[2], r[3], r[4]]);
    expect(of("No.1")).toEqual([
      ["F12,G12", "", "入力規則（リスト）: S, A, B"],
      ["D12:E13,F13,G13", "", "入力メッセージ: 取組実績(D)、1次評価のコメント、2次評価のコメント"],
      ["E5:E9,A12:B13,D12:J13,A16:H16", "", "シートの保護（パスワードなし）: 入力セルだけ編集できます"],
    ]);
    expect(of("No.2-1")).toContainEqual(["F8", "", "必須の空欄に色（入力すると消えます）"]);
    expect(of("評価一覧")).toEqual([
      ["E5:E47,F5:F47", "", "入力規則（リスト）: S, A, B"],
      ["E5:F47", "", "シートの保護（パスワードなし）: 入力セルだけ編集できます"],
    ]);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["2026-01-15 09:30:00"]));
    // 58 調査票 × (list, messages, protection), 評価一覧 (list, protection), No.2-1…2-4 a highlight each.
    expect(rows.length).toBe(58 * 3 + 2 + 4);
  });
});

describe("利用者の入力規則・条件付き書式があるブック（LibreOffice で保存した見本）", () => {
  let lo: Applied;
  beforeAll(async () => {
    lo = await applyTo(new Uint8Array(readFileSync(LO_FIXTURE)), false);
  });

  test("評価一覧: 列 F 全体の入力規則は F5:F47 を除いた範囲に残り、E5:E47 のものはこちらの規則に置き換わる", () => {
    const before = readSheetAids(lo.before, "評価一覧").validations;
    expect(before.map((v) => v.sqref)).toEqual(["E5:E47", "F1:F1048576"]);
    const r = readSheetAids(lo.after, "評価一覧");
    expect(r.validationCount).toBe(3);
    expect(r.validations.map((v) => [v.sqref, v.formula1, v.errorStyle])).toEqual([
      ["F1:F4 F48:F1048576", '"S,A,B,C"', "stop"],
      ["E5:E47", '"S,A,B"', "warning"],
      ["F5:F47", '"S,A,B"', "warning"],
    ]);
    expect(r.validations[0].error).toBe(before[1].error);
  });

  test("利用者の条件付き書式はそのまま。保護は頼まれなければしない", () => {
    const before = readSheetAids(lo.before, "評価一覧");
    const after = readSheetAids(lo.after, "評価一覧");
    expect(after.conditionals).toEqual(before.conditionals);
    expect(after.protection).toBeUndefined();
    expect(inSchemaOrder(after.elements)).toBe(true);
  });

  test("コメント・グラフ・印刷設定などほかの部品はバイト単位で同じ", () => {
    const parts = sheetParts(lo.before);
    const edited = lo.aids.map((a) => parts.get(a.sheet)!);
    expect(unexpectedDifferences(diffPackages(lo.before, lo.after), allowedForEdits(edited))).toEqual([]);
    expect(checkAmendedParts(lo.before, lo.after)).toEqual([]);
  });
});

describe("もう一度設定する", () => {
  test("2回目は同じ範囲を置き換える: 入力規則の数も強調も増えない", async () => {
    const once = await applyTo(new Uint8Array(readFileSync(SEED)), false);
    const twice = await applyTo(once.after, false);
    for (const sheet of ["No.1", "No.2-1", "評価一覧"]) {
      const a = readSheetAids(once.after, sheet);
      const b = readSheetAids(twice.after, sheet);
      expect([sheet, b.validations]).toEqual([sheet, a.validations]);
      expect([sheet, b.conditionals.map((c) => [c.sqref, c.formula])]).toEqual([sheet, a.conditionals.map((c) => [c.sqref, c.formula])]);
    }
  });

  test("保護されたシートがあれば何も変えずに protected-sheet", async () => {
    const pkg = Package.open(new Uint8Array(readFileSync(SEED)));
    const part = sheetParts(new Uint8Array(readFileSync(SEED))).get("No.3")!;
    const xml = pkg.text(part)!;
    pkg.set(part, xml.replace("<mergeCells", `<sheetProtection sheet="1"/><mergeCells`));
    const bytes = pkg.toBytes();
    const book = await XlsxWorkbook.load(bytes);
    const aids: SheetInputAids[] = [
      { sheet: "No.1", validations: [{ range: { top: 11, left: 5, bottom: 11, right: 5 }, list: ["S"] }], highlights: [] },
      { sheet: "No.3", validations: [{ range: { top: 9, left: 5, bottom: 9, right: 5 }, list: ["S"] }], highlights: [] },
    ];
    await expect(book.applyInputAids(aids, AT)).rejects.toMatchObject({ code: "protected-sheet", sheet: "No.3" });
    expect(Buffer.from(await book.toBytes()).equals(Buffer.from(bytes))).toBe(true);
  });
});
  test("liftProtection: パスワードのない保護は外して設定し元どおり保護し直す。パスワードのあるシートは何も変えずに名指す", async () => {
    const seed = new Uint8Array(readFileSync(SEED));
    const pkg = Package.open(seed);
    const parts = sheetParts(seed);
    const guard = `<sheetProtection sheet="1" formatCells="0" objects="1"/>`;
    const locked = `<sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1"/>`;
    pkg.set(parts.get("No.1")!, pkg.text(parts.get("No.1")!)!.replace("<mergeCells", `${guard}<mergeCells`));
    pkg.set(parts.get("No.3")!, pkg.text(parts.get("No.3")!)!.replace("<mergeCells", `${locked}<mergeCells`));
    const book = await XlsxWorkbook.load(pkg.toBytes());
    const aids: SheetInputAids[] = ["No.1", "No.2", "No.3"].map((sheet) => ({ sheet, validations: [{ range: { top: 9, left: 5, bottom: 9, right: 5 }, list: ["S", "A", "B"] }], highlights: [] }));
    const result = await book.applyInputAids(aids, AT, { liftProtection: true });
    expect(result.locked).toEqual(["No.3"]);
    expect(result.sheets.map((x) => x.sheet)).toEqual(["No.1", "No.2"]);
    const out = await book.toBytes();
    const after = Package.open(out);
    const one = after.text(parts.get("No.1")!)!;
    expect(one).toContain(guard);
    expect(readSheetAids(out, "No.1").validations.map((v) => v.sqref)).toContain("F10");
    expect(after.text(parts.get("No.3")!)).toBe(pkg.text(parts.get("No.3")!));
    expect(readSheetAids(out, "No.2").protection).toBeUndefined();
  });


describe("シートの XML（applyInputAidsXml）", () => {
  const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
  const range = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

  test("利用者の相対参照の入力規則は、範囲の左上が動いた分だけ数式も動く", () => {
    const xml =
      `<worksheet ${NS}><sheetData/>` +
      `<dataValidations count="1"><dataValidation type="custom" allowBlank="1" sqref="B2:B6"><formula1>LEN(B2)&lt;=$A$1</formula1></dataValidation></dataValidations>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const out = applyInputAidsXml(xml, { sheet: "x", validations: [{ range: range(1, 1, 2, 1), prompt: "p" }], highlights: [] }, new StylesAmender(undefined));
    expect(out).toContain(`sqref="B4:B6"><formula1>LEN(B4)&lt;=$A$1</formula1>`);
    expect(out).toContain(`<dataValidations count="2">`);
  });

  test("Excel 2010 の入力規則（extLst の x14、別シートのリスト）からも、こちらが設定するセルは外れる（1つのセルに規則は1つ）", () => {
    const X14 = `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"`;
    const XM = `xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"`;
    const v = (f: string, sqref: string, type = "list") =>
      `<x14:dataValidation type="${type}" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>${f}</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation>`;
    const dataBar = `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${X14}><x14:conditionalFormattings/></ext>`;
    const sheet = (items: string, more = "") =>
      `<worksheet ${NS}><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" ${X14}><x14:dataValidations count="9" ${XM}>${items}</x14:dataValidations></ext>${more}</extLst></worksheet>`;
    const aids = (...ranges: ReturnType<typeof range>[]) => ({ sheet: "x", validations: ranges.map((r) => ({ range: r, list: ["S", "A", "B"] })), highlights: [] });
    const apply = (xml: string, ...ranges: ReturnType<typeof range>[]) => applyInputAidsXml(xml, aids(...ranges), new StylesAmender(undefined));

    // F8:F12, G8 and H8 take ours: the template's list keeps F13:F20, the relative formula moves with its top-left
    // cell to G9, and H8's list goes.
    const out = apply(sheet(v("リスト!$A$1:$A$3", "F8:F20") + v("LEN(G8)&lt;=10", "G8:G9", "custom") + v("リスト!$B$1:$B$2", "H8")), range(7, 5, 11, 5), range(7, 6), range(7, 7));
    expect(out).toContain(`<x14:dataValidations count="2" ${XM}>${v("リスト!$A$1:$A$3", "F13:F20")}${v("LEN(G9)&lt;=10", "G9", "custom")}</x14:dataValidations>`);
    expect(out).not.toContain("リスト!$B$1:$B$2");
    expect(out).toContain(`<dataValidations count="1"><dataValidation type="list"`);
    // A validation the add-in's cells cover wholly goes; with nothing left, its entry goes, and then the extLst.
    const gone = apply(sheet(v("リスト!$A$1:$A$3", "F8")), range(7, 5));
    expect(gone).not.toContain("extLst");
    expect(gone.endsWith(`</dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)).toBe(true);
    expect(apply(sheet(v("リスト!$A$1:$A$3", "F8"), dataBar), range(7, 5))).toContain(`<extLst>${dataBar}</extLst></worksheet>`);
    // Cells elsewhere leave the extLst as it was, byte for byte.
    const untouched = sheet(v("リスト!$A$1:$A$3", "F8:F20"), dataBar);
    expect(apply(untouched, range(30, 5))).toContain(untouched.slice(untouched.indexOf("<extLst>")));
  });

  test("足りない要素は決まった位置に入る（ハイパーリンク・余白・図形・テーブル・拡張の前後）", () => {
    const xml =
      `<worksheet ${NS}><dimension ref="A1"/><sheetData><row r="1"><c r="A1" s="0"/></row></sheetData><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells>` +
      `<hyperlinks><hyperlink ref="A1" location="'x'!A1"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<drawing r:id="rId1"/><tableParts count="0"/><extLst/></worksheet>`;
    const out = applyInputAidsXml(
      xml,
      { sheet: "x", validations: [{ range: range(1, 1), list: ["a"] }], highlights: [{ range: range(2, 2), fill: "#FFF2CC" }], unlocked: [range(1, 1)] },
      new StylesAmender(undefined),
    );
    const order = [...out.matchAll(/<(\w+)[\s>/]/g)].map((m) => m[1]).filter((n) => ORDER.includes(n) && n !== "worksheet");
    expect(order).toEqual(["dimension", "sheetData", "sheetProtection", "mergeCells", "conditionalFormatting", "dataValidations", "hyperlinks", "pageMargins", "drawing", "tableParts", "extLst"]);
  });

  test("パスワードつきの古い sheetProtection（sheet=0）は、パスワードなしのものに置き換わる", () => {
    const xml = `<worksheet ${NS}><sheetData/><sheetProtection sheet="0" algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000"/></worksheet>`;
    const out = applyInputAidsXml(xml, { sheet: "x", validations: [], highlights: [], unlocked: [range(0, 0)] }, new StylesAmender(undefined));
    expect(out).toContain(`<sheetProtection sheet="1" objects="1" scenarios="1"/>`);
    expect(out).not.toContain("hashValue");
  });

  test("要素のないセルは、行の書式（customFormat）か列の書式を受け継いでロックを外す。接頭辞つきの XML（x:）も", () => {
    const styles = new StylesAmender(undefined);
    const plain = new StylesAmender(undefined);
    const fill = plain.xf({ fill: "#FF0000" });
    const styleOf = (x: string, ref: string) => new RegExp(`<(?:x:)?c r="${ref}" s="(\\d+)"`).exec(x)?.[1];
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="3" max="3" style="${fill}" width="9"/></x:cols>` +
      `<x:sheetData><x:row r="2" s="${fill}" customFormat="1"><x:c r="A2"/></x:row></x:sheetData></x:worksheet>`;
    // The same styles (a red fill at `fill`) in the amender the sheet is written with.
    expect(styles.xf({ fill: "#FF0000" })).toBe(fill);
    const out = applyInputAidsXml(xml, { sheet: "x", validations: [], highlights: [], unlocked: [range(1, 1), range(4, 2)] }, styles);
    const b2 = Number(styleOf(out, "B2"));
    const c5 = Number(styleOf(out, "C5"));
    expect(b2).toBeGreaterThan(fill);
    expect(c5).toBe(b2); // the same format (the red fill), unlocked, shared
    const record = [...styles.toXml().matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].filter((m) => m.index! > styles.toXml().indexOf("<cellXfs"))[b2][0];
    expect(record).toContain(`fillId="2"`);
    expect(record).toContain(`<protection locked="0"/>`);
    expect(out).toContain(`<x:sheetProtection sheet="1" objects="1" scenarios="1"/>`);
  });
});

describe("結合された入力欄がシートの端まで届くとき（壊れたファイル）", () => {
  const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

  // The core cuts such an area at the reading window (2,000 × 60); one by one, its 120,000 cells took minutes.
  test("読み取り範囲いっぱい（2,000 行 × 60 列）のロック解除も1回の走査で、行も列も順に並び、もとのセルは残る", () => {
    const styles = new StylesAmender(undefined);
    const fill = styles.xf({ fill: "#FF0000" });
    const xml =
      `<worksheet ${NS}><sheetData>` +
      `<row r="1"><c r="B1" t="inlineStr"><is><t>見出し</t></is></c><c r="BZ1"><v>1</v></c></row>` +
      `<row r="5" s="${fill}" customFormat="1"/>` +
      `<row r="3000"><c r="A3000"><v>2</v></c></row>` +
      `</sheetData></worksheet>`;
    const out = applyInputAidsXml(xml, { sheet: "x", validations: [], highlights: [], unlocked: [{ top: 0, left: 0, bottom: 1999, right: 59 }] }, styles);
    const rows = [...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...Array.from({ length: 2000 }, (_, i) => i + 1), 3000]);
    const row1 = [...out.slice(out.indexOf('<row r="1"'), out.indexOf('<row r="2"')).matchAll(/<c r="([A-Z]+)1"/g)].map((m) => m[1]);
    expect(row1.length).toBe(61); // A…BH, and BZ1 kept after them
    expect(row1.slice(0, 3)).toEqual(["A", "B", "C"]);
    expect(row1[row1.length - 1]).toBe("BZ");
    expect(out).toContain("<t>見出し</t>");
    expect((out.match(/<c r=/g) ?? []).length).toBe(2000 * 60 + 2);
    // Row 5's own format, unlocked; other new cells the default's unlocked copy.
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(out)?.[1]);
    expect(styleOf("A5")).not.toBe(styleOf("A6"));
    expect(styleOf("A6")).toBe(styleOf("BH2000"));
  });
});

describe("StylesAmender: ロックを外した書式と強調の塗り", () => {
  const MAIN = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const stylesXml =
    `<styleSheet ${MAIN}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/><extLst/></xf>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection hidden="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>` +
    `</cellXfs></styleSheet>`;

  test("元の書式はそのままの位置に残り、ロックを外した写しが後ろに足される（同じ写しは1つ）", () => {
    const s = new StylesAmender(stylesXml);
    expect(s.unlockedXf(3)).toBe(3); // already unlocked
    // 0's unlocked copy is record 3 as it stands: it is used, not added again.
    expect([s.unlockedXf(0), s.unlockedXf(1), s.unlockedXf(2), s.unlockedXf(1)]).toEqual([3, 4, 5, 4]);
    const xml = s.toXml();
    expect(xml).toContain(`<cellXfs count="6">`);
    expect(xml).toContain(stylesXml.slice(stylesXml.indexOf("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"), stylesXml.indexOf("</cellXfs>")));
    expect(xml).toContain(`applyAlignment="1" applyProtection="1"><alignment wrapText="1"/><protection locked="0"/><extLst/></xf>`);
    expect(xml).toContain(`<protection hidden="1" locked="0"/>`);
  });

  test("強調の塗りは dxf（無ければ dxfs を作る）。同じ色は1つを共有する", () => {
    const s = new StylesAmender(stylesXml);
    expect([s.fillDxf("#FFF2CC"), s.fillDxf("#fff2cc"), s.fillDxf("#FFC7CE")]).toEqual([0, 0, 1]);
    expect(s.toXml()).toContain(
      `</cellXfs><dxfs count="2"><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor rgb="FFFFF2CC"/></patternFill></fill></dxf>`,
    );
  });
});
