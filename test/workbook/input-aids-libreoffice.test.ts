/**
 * @jest-environment node
 *
 * The input aids in LibreOffice Calc: a workbook with aids is opened and saved again by LibreOffice headless (xlsx to
 * xlsx), an application independent of the code that wrote them, and the aids are still there as a user would meet
 * them: the drop-down list with its warning-style alert and input message, the message-only validations, the
 * highlight of an empty required cell with its fill, the protection with the input cells unlocked, and the values.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { planInputAids } from "../../src/core/input-aids/plan";
import { cellText } from "../../src/core/model/cell";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { readSheetAids } from "../helpers/input-aids-read";
import { convert, libreOfficeAvailable, libreOfficeProfile } from "../helpers/libreoffice";

jest.setTimeout(240_000);

const available = libreOfficeAvailable();
const suite = available ? describe : describe.skip;

async function withAids(seed: string): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(new Uint8Array(readFileSync(path.join(ROOT, "seeds", seed))));
  const snap = await book.readAll();
  const { aids } = planInputAids(snap, validateWorkbook(snap, { profiles: BUILT_IN_PROFILES }), BUILT_IN_PROFILES, { protect: true });
  await book.applyInputAids(aids, new Date(2026, 0, 15, 9, 30));
  return book.toBytes();
}

async function valuesOf(bytes: Uint8Array, sheet: string): Promise<string[][]> {
  const g = (await (await XlsxWorkbook.load(bytes)).readAll()).sheets.find((s) => s.name === sheet)!;
  return g.rows.map((r) => r.map((v) => cellText(v)));
}

suite("LibreOffice で開いて保存し直しても入力支援が残る", () => {
  let work: string;
  let profile: string;
  const out: Record<string, { mine: Uint8Array; lo: Uint8Array }> = {};

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-aids-lo-"));
    profile = libreOfficeProfile();
    for (const seed of ["kodaira-h29.xlsx", "musashino-h29.xlsx"]) {
      const mine = await withAids(seed);
      const file = path.join(work, seed);
      writeFileSync(file, mine);
      const [saved] = convert(file, "xlsx", path.join(work, "saved"), profile);
      out[seed] = { mine, lo: new Uint8Array(readFileSync(saved)) };
    }
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  test("No.1: F12 のリスト（S,A,B・警告スタイル・入力メッセージ）と F13 の入力メッセージ", () => {
    const r = readSheetAids(out["kodaira-h29.xlsx"].lo, "No.1");
    const f12 = r.validations.find((v) => v.sqref === "F12")!;
    const mine = readSheetAids(out["kodaira-h29.xlsx"].mine, "No.1").validations.find((v) => v.sqref === "F12")!;
    expect(f12).toMatchObject({ type: "list", errorStyle: "warning", formula1: '"S,A,B"', showInputMessage: true, showErrorMessage: true });
    expect([f12.promptTitle, f12.prompt, f12.errorTitle, f12.error]).toEqual([mine.promptTitle, mine.prompt, mine.errorTitle, mine.error]);
    const f13 = r.validations.find((v) => v.sqref === "F13")!;
    expect(f13).toMatchObject({ showInputMessage: true, promptTitle: "1次評価のコメント", prompt: "1次評価が S・B のときは、その理由を記入してください。" });
    expect(["none", ""]).toContain(f13.type);
  });

  test("No.2-1: 空の F8 の強調（LEN(TRIM(F8))=0 で淡い黄色）", () => {
    const cf = readSheetAids(out["kodaira-h29.xlsx"].lo, "No.2-1").conditionals;
    expect(cf).toHaveLength(1);
    expect(cf[0]).toMatchObject({ sqref: "F8", formula: "LEN(TRIM(F8))=0", fill: "FFF2CC" });
    expect(["containsBlanks", "expression"]).toContain(cf[0].type);
  });

  test("保護はパスワードなしのまま。入力セルだけロックが外れている", () => {
    const r = readSheetAids(out["kodaira-h29.xlsx"].lo, "No.1");
    expect(["1", "true"]).toContain(r.protection?.sheet);
    expect(Object.keys(r.protection ?? {}).filter((k) => /password|hash|salt/i.test(k))).toEqual([]);
    for (const ref of ["F12", "G12", "F13", "D12", "H12", "E5"]) expect([ref, r.locked(ref)]).toEqual([ref, false]);
    for (const ref of ["A1", "A5", "C12", "F11"]) expect([ref, r.locked(ref)]).toEqual([ref, true]);
  });

  test("武蔵野: 実施状況のリスト ◎,○,△,× が残る", () => {
    const r = readSheetAids(out["musashino-h29.xlsx"].lo, "取組状況");
    const b14 = r.validations.find((v) => v.sqref.split(" ").includes("B14"))!;
    expect(b14).toMatchObject({ type: "list", errorStyle: "warning", formula1: '"◎,○,△,×"', promptTitle: "実施状況" });
    expect(r.validations.filter((v) => v.type === "list").flatMap((v) => v.sqref.split(" "))).toHaveLength(84);
  });

  test("値は LibreOffice を通っても同じ", async () => {
    for (const sheet of ["No.1", "No.2-1", "評価一覧"]) {
      expect([sheet, await valuesOf(out["kodaira-h29.xlsx"].lo, sheet)]).toEqual([sheet, await valuesOf(out["kodaira-h29.xlsx"].mine, sheet)]);
    }
  });
});
