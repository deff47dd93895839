/**
 * @jest-environment node
 *
 * `chosahyo split <master.xlsx> -o <folder>` (配布) on the 小平 sample: one workbook per department, named after it;
 * each of its sheets compared with the master's, part by part (cells, formulas, styles by meaning, merges, widths,
 * heights, validations, conditional formats, print setup), every difference listed; the hidden marker with the
 * master's id and each sheet's form hash, equal to the master's and to the copy's own; the master never written; a
 * folder holding files refused. And kodaira-full.xlsm: a sheet's comment and another's picture come along, part for
 * part, and LibreOffice reads them.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { oracle } from "../helpers/exceljs-book";
import { formHash } from "../../src/core/cycle/form-hash";
import { DISTRIBUTION_MARKER_KEY, type DistributionMarker } from "../../src/core/cycle/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { readPackage } from "../helpers/package-diff";
import { convert, hasLibreOffice, libreOfficeProfile } from "../helpers/libreoffice";
import { readSheetEntries, relKind, workbookPart } from "../../src/workbook/xlsx/book";
import { Package } from "../../src/workbook/xlsx/package";
import { sheetDifferences } from "../helpers/sheet-compare";
import { allDefinedNames } from "../../src/workbook/xlsx/workbook-xml";

jest.setTimeout(120_000);

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-split-"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

/** `bytes` written as master file `name` and split into folder `outName` (without input aids); the run must succeed. */
async function splitWritten(bytes: Uint8Array, name: string, outName: string) {
  const master = path.join(work, name);
  writeFileSync(master, bytes);
  const out = path.join(work, outName);
  const r = await cli(["split", master, "-o", out, "--no-aids"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  return { master, out, r };
}

async function markerOf(file: string): Promise<DistributionMarker> {
  const book = await XlsxWorkbook.load(readFileSync(file));
  return JSON.parse((await book.readSettings())[DISTRIBUTION_MARKER_KEY]) as DistributionMarker;
}

/** Each sheet's form hash as a check of `bytes` reads it. */
async function formHashes(bytes: Uint8Array): Promise<Record<string, string>> {
  const book = await XlsxWorkbook.load(bytes);
  const snap = await book.readAll();
  const report = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
  const out: Record<string, string> = {};
  for (const g of snap.sheets) {
    const recs = report.records.filter((r) => r.sheet === g.name && r.role === "records");
    if (recs.length) out[g.name] = formHash(g, recs, BUILT_IN_PROFILES.find((p) => p.id === recs[0].profileId));
  }
  return out;
}

test("小平の見本: 課ごとに1ファイル、シートはマスターと部品ごとに同じ、印は様式のハッシュ付き。マスターは変わらない", async () => {
  const master = path.join(work, "master.xlsx");
  copyFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"), master);
  const before = sha(master);
  const out = path.join(work, "配布");
  const r = await cli(["split", master, "-o", out, "--no-aids"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(sha(master)).toBe(before);
  const lines = r.stdout.split("\n");
  expect(lines[0]).toBe(`■ ${out} に 27 課のブックを書き出しました。元のファイルは変更していません。`);
  expect(lines).toContain("  財政課.xlsx: 6 シート（No.15、No.16、No.17、No.18、No.20、No.25）");
  expect(lines).toContain("  [No.1] No.1 協働推進体制の充実 → 市民協働・男女参画推進課（配布していない課: 政策課、各所管課）");
  expect(lines).toContain("配布しないシート: 評価一覧（評価一覧などはマスターに残ります）");
  expect(r.stdout).not.toContain("入力支援");

  const files = readdirSync(out).sort();
  expect(files).toHaveLength(27);
  for (const f of files) expect(f).toMatch(/^[^\\/:*?"<>|]{1,95}\.xlsx$/);

  const masterBytes = readFileSync(master);
  const masterHashes = await formHashes(masterBytes);
  const masterId = new Set<string>();
  const seen: string[] = [];
  for (const f of files) {
    const bytes = readFileSync(path.join(out, f));
    const book = await XlsxWorkbook.load(bytes);
    const marker = await markerOf(path.join(out, f));
    expect(f).toBe(`${marker.department}.xlsx`);
    expect(book.sheetNames()).toEqual(marker.sheets.map((s) => s.name));
    masterId.add(marker.masterId);
    expect(marker.version).toBe(1);
    expect(Date.parse(marker.distributedAt)).not.toBeNaN();
    // Sheet by sheet, part by part: no difference at all without the aids.
    for (const s of marker.sheets) {
      expect({ sheet: s.name, differences: sheetDifferences(masterBytes, bytes, s.name) }).toEqual({ sheet: s.name, differences: [] });
      expect(s.formHash).toBe(masterHashes[s.name]);
      seen.push(s.name);
    }
    // The copy read as a check reads it: the same form.
    const own = await formHashes(bytes);
    expect(marker.sheets.map((s) => own[s.name])).toEqual(marker.sheets.map((s) => s.formHash));
  }
  expect(masterId.size).toBe(1);
  // The comparison sees a changed cell (it is not blind): one value written into a copy is listed.
  const edited = await XlsxWorkbook.load(readFileSync(path.join(out, "財政課.xlsx")));
  edited.setCells([{ sheet: "No.15", cell: "D8", value: "記入" }]);
  expect(sheetDifferences(masterBytes, await edited.toBytes(), "No.15")).toEqual([expect.stringMatching(/^D8 value: .* → "記入"$/)]);
  expect(seen.sort()).toEqual(Object.keys(masterHashes).sort());

  // An independent reader opens a department's file and sees the master's cells.
  const x = await oracle(readFileSync(path.join(out, "財政課.xlsx")));
  const m = await oracle(masterBytes);
  expect(x.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name)).toEqual(["No.15", "No.16", "No.17", "No.18", "No.20", "No.25"]);
  const ws = x.getWorksheet("No.15")!;
  const ms = m.getWorksheet("No.15")!;
  expect(ws.getCell("A5").text).toBe(ms.getCell("A5").text);
  expect(ws.getColumn(1).width).toBe(ms.getColumn(1).width);
  expect(Object.keys((ws as unknown as { _merges: object })._merges).sort()).toEqual(Object.keys((ms as unknown as { _merges: object })._merges).sort());

  // Run twice on the same master: the same id (the master is not written, so the id is derived).
  const again = path.join(work, "again");
  expect((await cli(["split", master, "-o", again, "--no-aids"])).code).toBe(0);
  expect((await markerOf(path.join(again, "財政課.xlsx"))).masterId).toBe([...masterId][0]);
});

test("既定では入力支援を付ける: 違いは入力規則（と色付け）だけ", async () => {
  const out = path.join(work, "out");
  const master = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
  const r = await cli(["split", master, "-o", out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/入力支援を付けました（58 シート）。\n$/);
  const bytes = readFileSync(path.join(out, "財政課.xlsx"));
  for (const s of ["No.15", "No.16"]) {
    const diffs = sheetDifferences(readFileSync(master), bytes, s);
    expect(diffs).toContain("dataValidations: differs");
    expect(diffs.filter((d) => !/^(dataValidations|conditionalFormatting):/.test(d))).toEqual([]);
  }
  // The aids were set on a copy of the master in memory: no 変更履歴 in the department's workbook.
  expect((await XlsxWorkbook.load(bytes)).sheetNames()).toEqual(["No.15", "No.16", "No.17", "No.18", "No.20", "No.25"]);
});

test("ファイルのあるフォルダーには書かない。空のフォルダーには書く", async () => {
  const out = path.join(work, "busy");
  mkdirSync(out);
  writeFileSync(path.join(out, "財政課.xlsx"), "mine");
  const r = await cli(["split", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`${out} にはすでにファイルがあります。上書きしないよう、空のフォルダーか新しいフォルダーを指定してください。\n`);
  expect(readdirSync(out)).toEqual(["財政課.xlsx"]);
  expect(readFileSync(path.join(out, "財政課.xlsx"), "utf8")).toBe("mine");
  const empty = path.join(work, "empty");
  mkdirSync(empty);
  expect((await cli(["split", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", empty, "--no-aids"])).code).toBe(0);
  expect(readdirSync(empty)).toHaveLength(27);
});

test("引数の誤りは言葉で", async () => {
  const seed = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
  expect(await cli(["split", seed])).toMatchObject({ code: 2, stderr: "書き出し先のフォルダーを -o で指定してください: chosahyo split <マスター.xlsx> -o <フォルダー>\n" });
  expect(await cli(["split", seed, "-o", work, "--shared", "all"])).toMatchObject({ code: 2, stderr: "--shared は lead（主担当課だけ）か copy（書かれた課すべて）です。\n" });
  expect((await cli(["split", seed, "-o", path.join(work, "x"), "--protect"])).stderr).toContain("--protect");
  expect((await cli(["split", seed, "-o", seed])).stderr).toContain("フォルダーではありません");
  expect((await cli(["--help"])).stdout).toContain("chosahyo split <マスター.xlsx> -o <フォルダー>");
});

test("武蔵野の取組状況は行ごとに分ける。返送をそのまま回収するとマスターと同じ、書き込んだ入力欄だけが変わる", async () => {
  const master = path.join(work, "musashino.xlsx");
  copyFileSync(path.join(ROOT, "seeds", "musashino-h29.xlsx"), master);
  const before = sha(master);
  const out = path.join(work, "m");
  const r = await cli(["split", master, "-o", out]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(sha(master)).toBe(before);
  const files = readdirSync(out).sort();
  expect(files.length).toBeGreaterThan(20);
  expect(files).toContain("防災課.xlsx");
  expect(r.stdout).toContain("防災課.xlsx: 1 シート（取組状況）");
  expect(r.stdout).toContain("目次");
  // Returned as they are: nothing changes.
  const same = await cli(["collect", master, out, "-o", path.join(work, "same.xlsx")]);
  expect([same.code, same.stderr]).toEqual([0, ""]);
  const cells = async (f: string) => {
    const book = await XlsxWorkbook.load(readFileSync(f));
    const g = book.sheetGrid("取組状況")!;
    return g.rows.flatMap((row, i) => row.map((v, j) => `${g.top + i},${g.left + j}=${String(v ?? "")}`));
  };
  const original = await cells(master);
  expect(await cells(path.join(work, "same.xlsx"))).toEqual(original);
  // 防災課 writes its 取組状況 text: that one master cell changes.
  const bousai = path.join(out, "防災課.xlsx");
  const book = await XlsxWorkbook.load(readFileSync(bousai));
  const snap = await book.readAll();
  const rec = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES }).records.find((x) => x.sheet === "取組状況")!;
  const at = rec.texts.result!.cell;
  book.setCells([{ sheet: "取組状況", cell: `B${at.row + 1}`, value: "防災課が書いた取組状況" }]);
  writeFileSync(bousai, await book.toBytes());
  const merged = path.join(work, "merged.xlsx");
  const run = await cli(["collect", master, out, "-o", merged]);
  expect([run.code, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("行ごとに書き込む入力欄: 取組状況（1 セル）");
  const after = await cells(merged);
  const changed = after.filter((c, i) => c !== original[i]);
  expect(changed).toEqual([expect.stringMatching(/=防災課が書いた取組状況$/)]);
  expect(sha(master)).toBe(before);
});

test("kodaira-full.xlsm: コメント（メモ）と画像も部品ごと写す。ほかはマスターと同じ。出力は .xlsx（マクロなし）。LibreOffice が開いて両方を読む", async () => {
  const master = path.join(ROOT, "test", "fixtures", "preserve", "kodaira-full.xlsm");
  const out = path.join(work, "full");
  const r = await cli(["split", master, "-o", out, "--no-aids", "--shared", "copy"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(r.stdout).not.toContain("写せなかったもの");
  const masterBytes = readFileSync(master);
  const m = readPackage(masterBytes);
  const lead = path.join(out, "市民協働・男女参画推進課.xlsx");
  const culture = path.join(out, "文化スポーツ課.xlsx");
  expect(sheetDifferences(masterBytes, readFileSync(lead), "No.1")).toEqual([]);
  expect(sheetDifferences(masterBytes, readFileSync(culture), "No.2")).toEqual([]);
  // The parts the sheets point to, followed through each package's relationships: the same bytes.
  const partsOf = (bytes: Uint8Array, sheet: string) => {
    const book = Package.open(bytes);
    const entry = readSheetEntries(book, workbookPart(book)).find((e) => e.name === sheet)!;
    const out: Record<string, Uint8Array> = {};
    const walk = (part: string, key: string) => {
      for (const rel of book.rels(part)) {
        if (rel.external) continue;
        out[`${key}/${relKind(rel)}`] = book.bytes(rel.target)!;
        walk(rel.target, `${key}/${relKind(rel)}`);
      }
    };
    walk(entry.part!, sheet);
    return out;
  };
  const leadParts = partsOf(readFileSync(lead), "No.1");
  expect(Object.keys(leadParts).sort()).toEqual(["No.1/comments", "No.1/vmlDrawing"]);
  expect(leadParts).toEqual(partsOf(masterBytes, "No.1"));
  const cultureParts = partsOf(readFileSync(culture), "No.2");
  expect(Object.keys(cultureParts).sort()).toEqual(["No.2/drawing", "No.2/drawing/image"]);
  expect(cultureParts).toEqual(partsOf(masterBytes, "No.2"));
  // Only the sheets' own parts came along: no macros, no pivot tables, no other sheet's drawing.
  for (const f of readdirSync(out)) {
    const parts = [...readPackage(readFileSync(path.join(out, f))).keys()];
    expect(parts.filter((p) => /vbaProject|pivot|chart/.test(p))).toEqual([]);
  }
  expect([...m.keys()].filter((p) => /chart\d/.test(p)).length).toBeGreaterThan(0);
  if (!hasLibreOffice()) return;
  // LibreOffice reads the comment and the picture: saving the department's workbook again keeps both.
  const profile = libreOfficeProfile();
  try {
    for (const [file, want] of [
      [lead, /^xl\/comments\d*\.xml$/],
      [culture, /^xl\/media\/image\d*\.png$/],
    ] as const) {
      const [again] = convert(file, "xlsx:Calc MS Excel 2007 XML", path.join(work, "lo", path.basename(file, ".xlsx")), profile);
      expect([...readPackage(readFileSync(again)).keys()].filter((p) => want.test(p))).toHaveLength(1);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test("スレッド形式のコメント: メモは写し、返信は写せないと言う", async () => {
  // The 小平 sample with Apache POI's threaded comment (test/fixtures/preserve) grafted onto sheet No.5.
  const poi = Package.open(readFileSync(path.join(ROOT, "test", "fixtures", "preserve", "poi-64759-threaded-comments.xlsx")));
  const pkg = Package.open(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
  const sheet = readSheetEntries(pkg, workbookPart(pkg)).find((e) => e.name === "No.5")!.part!;
  const poiSheet = readSheetEntries(poi, workbookPart(poi))[0].part!;
  let legacy = "";
  for (const rel of poi.rels(poiSheet)) {
    const name = `xl/grafted/${rel.target.split("/").pop()}`;
    pkg.set(name, poi.bytes(rel.target)!);
    pkg.setContentType(name, poi.contentType(rel.target)!);
    const id = pkg.addRel(sheet, rel.type, name);
    if (relKind(rel) === "vmlDrawing") legacy = `<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
  }
  pkg.set(sheet, pkg.text(sheet)!.replace("</worksheet>", `${legacy}</worksheet>`));
  const { master, out, r } = await splitWritten(pkg.toBytes(), "threaded.xlsx", "t");
  expect(r.stdout).toContain("写せなかったもの（マスターには残っています）:\n  [No.5] スレッド形式のコメントの返信（メモは写しました）\n");
  const copy = Package.open(readFileSync(path.join(out, "水と緑と公園課.xlsx")));
  const part = readSheetEntries(copy, workbookPart(copy)).find((e) => e.name === "No.5")!.part!;
  expect(copy.rels(part).map(relKind).sort()).toEqual(["comments", "vmlDrawing"]);
  expect(sheetDifferences(readFileSync(master), readFileSync(path.join(out, "水と緑と公園課.xlsx")), "No.5")).toEqual([]);
});

test("名前付きのリスト（非表示のリスト シート）: 入力規則はその値で、名前は写せるものを写し、たどれない数式は値で、そう言う。回収ではマスターの数式と入力規則が残る", async () => {
  // The 小平 sample as a template is often made: a hidden リスト sheet, 区分 naming its list, a rate by name.
  const wb = await oracle(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
  const list = wb.addWorksheet("リスト", { state: "hidden" });
  ["継続", "完了", "新規"].forEach((v, i) => (list.getCell(i + 1, 1).value = v));
  list.getCell("B1").value = "全庁";
  const ws = wb.getWorksheet("No.15")!;
  ws.getCell("L3").dataValidation = { type: "list", allowBlank: true, formulae: ["区分"] };
  ws.getCell("L4").value = { formula: "税率*100", result: 10 };
  ws.getCell("L5").value = { formula: "リスト!B1", result: "全庁" };
  ws.getCell("L6").value = { formula: "リスト!A2", result: "完了" };
  ws.getCell("L7").value = { formula: "'No.16'!A1", result: wb.getWorksheet("No.16")!.getCell("A1").text };
  wb.definedNames.add("リスト!$A$1:$A$3", "区分");
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const pkg = Package.open(bytes);
  pkg.set("xl/workbook.xml", pkg.text("xl/workbook.xml")!.replace("</definedNames>", `<definedName name="税率">0.1</definedName></definedNames>`));
  const { master, out, r } = await splitWritten(pkg.toBytes(), "named-lists.xlsx", "n");
  expect(r.stdout).toContain("配布しないシート: 評価一覧、リスト");
  // No.16 goes to 財政課 with No.15, so L7 keeps its formula; リスト stays in the master, so L5 and L6 keep their values.
  expect(r.stdout).toContain("写せなかったもの（マスターには残っています）:\n  [No.15] 数式 L5:L6（値で写しました）、入力規則 L3（リストを参照先の値で写しました）\n");
  const dept = path.join(out, "財政課.xlsx");
  const copy = readFileSync(dept);
  const x = await oracle(copy);
  const sheet = x.getWorksheet("No.15")!;
  expect(sheet.getCell("L3").dataValidation.formulae).toEqual(['"継続,完了,新規"']);
  expect(sheet.getCell("L4").formula).toBe("税率*100");
  expect(sheet.getCell("L5").formula).toBeUndefined();
  expect(sheet.getCell("L5").value).toBe("全庁");
  expect(sheet.getCell("L6").value).toBe("完了");
  expect(sheet.getCell("L7").formula).toBe("'No.16'!A1");
  // ExcelJS models only names of ranges: the name is looked for in workbook.xml.
  const namesOf = (b: Uint8Array) => allDefinedNames(Package.open(b).text(workbookPart(Package.open(b)))!);
  expect(namesOf(copy).filter((n) => !n.name.startsWith("_xlnm"))).toEqual([{ name: "税率", value: "0.1" }]);
  expect(x.getWorksheet("リスト")).toBeUndefined();
  // The marker tells 回収 what the copy holds differently; the form is still the master's.
  const marker = await markerOf(dept);
  expect(marker.sheets.find((s) => s.name === "No.15")!.leftInMaster).toEqual(["formula L5:L6", "list L3"]);
  expect(marker.sheets.find((s) => s.name === "No.16")!.leftInMaster).toBeUndefined();
  const own = await formHashes(copy);
  expect(marker.sheets.map((s) => own[s.name])).toEqual(marker.sheets.map((s) => s.formHash));
  // A sheet whose formulas point nowhere else is, as before, the master's part for part.
  expect(sheetDifferences(readFileSync(master), copy, "No.16")).toEqual([]);

  // 財政課 changes one rating and returns the file: no change of the form; No.15 gets that cell written, and keeps
  // the master's formula on リスト and its dropdown on 区分.
  const returned = await XlsxWorkbook.load(copy);
  returned.setCells([{ sheet: "No.15", cell: "F8", value: "B" }]);
  writeFileSync(dept, await returned.toBytes());
  const merged = path.join(work, "merged.xlsx");
  const back = await cli(["collect", master, dept, "-o", merged]);
  expect([back.code, back.stderr]).toEqual([0, ""]);
  expect(back.stdout).not.toContain("様式が変わっている");
  expect(back.stdout).toContain("入力欄だけを書き込むシート: No.15（1 セル）");
  const m = await oracle(readFileSync(merged));
  const no15 = m.getWorksheet("No.15")!;
  expect(no15.getCell("F8").value).toBe("B");
  expect(no15.getCell("L5").formula).toBe("リスト!B1");
  expect(no15.getCell("L6").formula).toBe("リスト!A2");
  expect(no15.getCell("L4").formula).toBe("税率*100");
  expect(no15.getCell("L3").dataValidation.formulae).toEqual(["区分"]);
  expect(namesOf(readFileSync(merged)).filter((n) => !n.name.startsWith("_xlnm")).map((n) => n.name).sort()).toEqual(["区分", "税率"]);
  if (!hasLibreOffice()) return;
  // LibreOffice reads the carried name and the written list: saving the department's workbook again keeps both.
  const profile = libreOfficeProfile();
  try {
    const [again] = convert(path.join(out, "財政課.xlsx"), "xlsx:Calc MS Excel 2007 XML", path.join(work, "lo"), profile);
    const y = await oracle(readFileSync(again));
    expect(y.getWorksheet("No.15")!.getCell("L3").dataValidation.formulae[0]).toBe('"継続,完了,新規"'); // LibreOffice adds a formula2 of 0
    expect(y.getWorksheet("No.15")!.getCell("L4").formula).toBe("税率*100");
    expect(namesOf(readFileSync(again)).find((n) => n.name === "税率")?.value).toBe("0.1");
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test("行ごとに分けるシートでも: 配布しないシートを指す数式は値で写し、そのまま戻れば様式の変更にならず、マスターの数式は残る", async () => {
  const wb = await oracle(readFileSync(path.join(ROOT, "seeds", "musashino-h29.xlsx")));
  const snapshotBook = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", "musashino-h29.xlsx")));
  const rec = validateWorkbook(await snapshotBook.readAll(), { profiles: BUILT_IN_PROFILES }).records.find((x) => x.sheet === "取組状況" && x.departments?.list.departments.some((d) => d.name === "防災課"))!;
  const row = rec.texts.result!.cell.row + 1;
  // Beside 防災課's record, a cell pulling the list sheet (目次), which stays in the master.
  const toc = wb.getWorksheet("目次")!;
  wb.getWorksheet("取組状況")!.getCell(`T${row}`).value = { formula: "目次!A1", result: String(toc.getCell("A1").value ?? "") };
  const { master, out, r } = await splitWritten(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "musashino-formula.xlsx", "mf");
  expect(r.stdout).toContain(`数式 T${row}（値で写しました）`);
  const marker = await markerOf(path.join(out, "防災課.xlsx"));
  expect(marker.sheets[0].leftInMaster).toEqual([`formula T${row}`]);
  const merged = path.join(work, "mf.xlsx");
  const back = await cli(["collect", master, path.join(out, "防災課.xlsx"), "-o", merged]);
  expect([back.code, back.stderr]).toEqual([0, ""]);
  expect(back.stdout).not.toContain("様式が変わっている");
  const m = await oracle(readFileSync(merged));
  expect(m.getWorksheet("取組状況")!.getCell(`T${row}`).formula).toBe("目次!A1");
});

test("Excel 2010 の入力規則（extLst、別シートを直接指すリスト）: 課のブックではリストを値で持ち、そう言う。回収ではシートを置き換えずマスターの extLst を残す", async () => {
  // Excel writes a dropdown whose list is another sheet's range (=リスト!$A$1:$A$3) in the sheet's extLst.
  const pkg = Package.open(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
  const part = readSheetEntries(pkg, workbookPart(pkg)).find((e) => e.name === "No.15")!.part!;
  const ext = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>評価一覧!$B$5:$B$7</xm:f></x14:formula1><xm:sqref>L3</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
  pkg.set(part, pkg.text(part)!.replace("</worksheet>", `${ext}</worksheet>`));
  const { master, out, r } = await splitWritten(pkg.toBytes(), "ext.xlsx", "e");
  expect(r.stdout).toContain("  [No.15] 入力規則 L3（リストを参照先の値で写しました）\n");
  const dept = path.join(out, "財政課.xlsx");
  expect((await markerOf(dept)).sheets.find((s) => s.name === "No.15")!.leftInMaster).toEqual(["list L3"]);
  // The department's dropdown lists 評価一覧's numbers, which it does not get.
  const x = await oracle(readFileSync(dept));
  expect(x.getWorksheet("No.15")!.getCell("L3").dataValidation).toMatchObject({ type: "list", allowBlank: true, formulae: ['"1,2,3"'] });
  // 財政課 writes a rating; 回収 writes it into the master's own No.15, whose extLst stays.
  const returned = await XlsxWorkbook.load(readFileSync(dept));
  returned.setCells([{ sheet: "No.15", cell: "F8", value: "B" }]);
  writeFileSync(dept, await returned.toBytes());
  const merged = path.join(work, "e.xlsx");
  const back = await cli(["collect", master, dept, "-o", merged]);
  expect([back.code, back.stderr]).toEqual([0, ""]);
  expect(back.stdout).toContain("入力欄だけを書き込むシート: No.15（1 セル）");
  const after = Package.open(readFileSync(merged));
  const no15 = after.text(readSheetEntries(after, workbookPart(after)).find((e) => e.name === "No.15")!.part!)!;
  expect(no15).toContain(ext);
  expect((await XlsxWorkbook.load(readFileSync(merged))).sheetGrid("No.15")!.rows.flat()).toContain("B");
});
