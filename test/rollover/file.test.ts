/**
 * @jest-environment node
 *
 * 年度更新 on the file (src/workbook/xlsx/roll.ts): the copy is amended where the plan says and nowhere else. On a
 * 調査票 that holds everything a clerk's workbook can (test/fixtures/preserve/kodaira-full.xlsm: a comment, a chart, an
 * image, a pivot table, macros), every part but the changed sheets comes back byte for byte, and in those sheets only
 * the planned cells differ. Ended items are left out with the parts only they used; bad input is refused with nothing
 * written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { describePlan, describeRefusal } from "../../src/core/rollover/describe";
import { validateWorkbook } from "../../src/core/validate";
import { WorkbookError } from "../../src/workbook/port";
import { rollWorkbook } from "../../src/workbook/xlsx/roll";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { diffPackages, readPackage, sheetChangesBesideCells, sheetParts } from "../helpers/package-diff";

jest.setTimeout(120_000);

const FULL = readFileSync(path.join(ROOT, "test", "fixtures", "preserve", "kodaira-full.xlsm"));
const opts = { profiles: BUILT_IN_PROFILES, aids: false as const };
const text = (bytes: Uint8Array, part: string) => new TextDecoder().decode(readPackage(bytes).get(part));

/** A copy of `bytes` with some cells set (built through the adapter, as a clerk's edit would be). */
async function withCells(bytes: Uint8Array, cells: { sheet: string; cell: string; value: string | null }[]): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(bytes);
  book.setCells(cells);
  return book.toBytes();
}

describe("どのパーツも残る: 変わるのは計画したセルだけ", () => {
  test("kodaira-full.xlsm: 変わるのは値を変えたシートの XML だけで、その中でも計画したセルのほかは同じ", async () => {
    const r = await rollWorkbook(FULL, "kodaira-full.xlsm", opts);
    if (!r.ok) throw new Error(describeRefusal(r.refusal).ja);
    const parts = sheetParts(FULL);
    const touched = new Map<string, string[]>();
    for (const c of r.plan.changes) touched.set(parts.get(c.sheet)!, [...(touched.get(parts.get(c.sheet)!) ?? []), c.cell]);
    const diff = diffPackages(FULL, r.bytes).filter((d) => d.status !== "identical");
    expect(diff.filter((d) => !(d.status === "changed" && touched.has(d.name)))).toEqual([]);
    expect(diff.length).toBe(touched.size);
    for (const [part, cells] of touched) expect([part, sheetChangesBesideCells(text(FULL, part), text(r.bytes, part), cells)]).toEqual([part, []]);
    // The comment, the chart, the image, the pivot and the macros are there, untouched.
    const after = readPackage(r.bytes);
    for (const name of [...readPackage(FULL).keys()].filter((n) => /comments|drawing|chart|media|pivot|vbaProject/.test(n))) expect([name, after.has(name)]).toEqual([name, true]);
  });

  test("数式のセルには書かず、その旨を挙げる", async () => {
    const book = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
    const snap = await book.readAll();
    const rep = validateWorkbook(snap, opts);
    const no1 = rep.records.find((x) => x.sheet === "No.1")!;
    // The 取組実績(D) cell of No.1 made a formula, as a template might hold one.
    const cell = `${String.fromCharCode(65 + no1.texts.result!.cell.col)}${no1.texts.result!.cell.row + 1}`;
    const part = "xl/worksheets/sheet2.xml";
    const pkg = readPackage(await book.toBytes());
    const xml = new TextDecoder().decode(pkg.get(part));
    expect(xml).toContain(`r="${cell}"`);
    const withFormula = xml.replace(new RegExp(`<c r="${cell}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`), (_m, attrs: string) => `<c r="${cell}"${attrs.replace(/\s+t="[^"]*"/, "")} t="str"><f>"実績"</f><v>実績</v></c>`);
    const { zipSync, strToU8 } = await import("fflate");
    const files: Record<string, Uint8Array> = {};
    for (const [k, v] of pkg) files[k] = k === part ? strToU8(withFormula) : v;
    const r = await rollWorkbook(zipSync(files), "f.xlsx", opts);
    if (!r.ok) throw new Error("refused");
    expect(r.formulas).toEqual([`No.1!${cell}`]);
    expect(describePlan(r.plan, r.formulas).map((l) => l.ja).at(-1)).toBe(`数式のセルは変更していません: No.1!${cell}`);
  });
});

describe("終了した取組", () => {
  test("(A) が「完了」の No.1 は、--drop-ended でシートごと除き、そのシートだけが使うコメントも除く。評価一覧の行は残して挙げる", async () => {
    const src = await withCells(FULL, [{ sheet: "No.1", cell: "H12", value: "完了" }]);
    const kept = await rollWorkbook(src, "x.xlsm", opts);
    if (!kept.ok) throw new Error("refused");
    expect(kept.plan.ended).toEqual([expect.objectContaining({ sheet: "No.1", id: "1", droppedSheet: false })]);
    expect(kept.plan.dropSheets).toEqual([]);

    const r = await rollWorkbook(src, "x.xlsm", { ...opts, dropEnded: true });
    if (!r.ok) throw new Error("refused");
    expect(r.plan.dropSheets).toEqual(["No.1"]);
    const book = await XlsxWorkbook.load(r.bytes);
    const names = (await book.readAll()).sheets.map((s) => s.name);
    expect(names).not.toContain("No.1");
    expect(names.length).toBe((await (await XlsxWorkbook.load(FULL)).readAll()).sheets.length - 1);
    expect(r.plan.listRows).toEqual([{ sheet: "評価一覧", cell: "B5", id: "1" }]);
    expect(describePlan(r.plan).map((l) => l.ja)).toEqual(
      expect.arrayContaining(["次年度のブックから除いたシート: No.1", "終了した取組の行は残しています。不要なら行を削除してください: 評価一覧!B5"]),
    );
    // No.1's comment (課長のメモ) went with it; the chart on 評価一覧 and the image on No.2 stay.
    const before = [...readPackage(FULL).keys()];
    const after = readPackage(r.bytes);
    const gone = before.filter((n) => !after.has(n));
    expect(gone.some((n) => /comments/.test(n))).toBe(true);
    expect(gone.every((n) => /comments|vmlDrawing|worksheets\/(_rels\/)?sheet\d+\.xml|calcChain|printerSettings/.test(n))).toBe(true);
    expect(before.filter((n) => /chart|media|pivot|vbaProject/.test(n)).every((n) => after.has(n))).toBe(true);
    // Names scoped to sheets after No.1 follow their sheet.
    expect(text(r.bytes, "xl/workbook.xml")).not.toMatch(/localSheetId="58"/);
    const rep = validateWorkbook(await book.readAll(), opts);
    expect(rep.fiscalYear).toBe(2018);
  });

  test("文中の「完了させる予定」は終了ではない", async () => {
    const src = await withCells(FULL, [{ sheet: "No.1", cell: "H12", value: "調査を完了させる予定である。" }]);
    const r = await rollWorkbook(src, "x.xlsm", { ...opts, dropEnded: true });
    expect(r.ok && r.plan.ended).toEqual([]);
  });
});

/** FULL with `protection` on No.2. */
async function withProtection(protection: string): Promise<Uint8Array> {
  const pkg = readPackage(FULL);
  const part = sheetParts(FULL).get("No.2")!;
  const xml = new TextDecoder().decode(pkg.get(part)).replace(/(<\/sheetData>)/, `$1${protection}`);
  const { zipSync, strToU8 } = await import("fflate");
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of pkg) files[k] = k === part ? strToU8(xml) : v;
  return zipSync(files);
}

describe("年度更新できない入力は、何も書かずに断る", () => {
  test("調査票として読めるシートがない", async () => {
    const r = await rollWorkbook(readFileSync(path.join(ROOT, "seeds", "mitaka-2021.xlsx")), "m.xlsx", opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeRefusal(r.refusal).ja).toContain("年度更新の設定がありません");
  });

  test("パスワード付きで保護されたシートがあると protected-sheet", async () => {
    const src = await withProtection(`<sheetProtection password="CC3D" sheet="1" objects="1"/>`);
    await expect(rollWorkbook(src, "p.xlsm", { ...opts, aids: false })).rejects.toEqual(new WorkbookError("protected-sheet", "No.2", "No.2"));
  });
});

describe("パスワードのないシート保護（入力補助の保護など）", () => {
  test("年度更新でき、保護されていないときと同じセルが変わり、シートは元と同じ保護のまま", async () => {
    const element = `<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0"/>`;
    const guarded = await rollWorkbook(await withProtection(element), "p.xlsm", { ...opts, aids: false });
    const open = await rollWorkbook(FULL, "f.xlsm", { ...opts, aids: false });
    if (!guarded.ok || !open.ok) throw new Error("refused");
    expect(guarded.plan.changes.filter((c) => c.sheet === "No.2").length).toBeGreaterThan(0);
    const cells = async (bytes: Uint8Array) => (await (await XlsxWorkbook.load(bytes)).readAll()).sheets.find((g) => g.name === "No.2")!.rows;
    expect(await cells(guarded.bytes)).toEqual(await cells(open.bytes));
    const xml = new TextDecoder().decode(readPackage(guarded.bytes).get(sheetParts(guarded.bytes).get("No.2")!));
    expect(xml.match(/<sheetProtection[^>]*>/g)).toEqual([element]);
  });
});
