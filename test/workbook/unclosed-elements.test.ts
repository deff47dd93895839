/**
 * @jest-environment node
 *
 * Parts cut short inside an element the amending code walks over: a defined name in workbook.xml opened and never
 * closed (`…$3:$3</definedName`), a cell or a row in a worksheet with no end tag. Each change is refused as that part
 * damaged, and never loops: found by damaging the samples and running every command on them, `chosahyo summarize`
 * on a 武蔵野 workbook whose workbook.xml ended in `</definedName` ran at full CPU until it was killed (the search
 * for the end tag gave -1 and the walk went back to the start of the part).
 *
 * Each call runs under a watchdog (vm's timeout stops the thread's JavaScript; the command runs as a child process
 * with a time limit), so a loop fails the test in seconds instead of holding the run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { holdsFormula, locateCell, setCell } from "../../src/workbook/xlsx/edit-cell";
import { Package } from "../../src/workbook/xlsx/package";
import { setDefinedName } from "../../src/workbook/xlsx/workbook-xml";
import { ROOT } from "../helpers/grid";

/** Runs `fn`, stopping it after `ms` (a loop throws ERR_SCRIPT_EXECUTION_TIMEOUT). */
function bounded<T>(fn: () => T, ms = 5000): T {
  return vm.runInNewContext("fn()", { fn }, { timeout: ms }) as T;
}

const WB_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="目次" sheetId="1" r:id="rId1"/><sheet name="取組状況" sheetId="2" r:id="rId2"/></sheets>';

test("a defined name never closed: setting another name is refused as workbook.xml damaged", () => {
  const cut = WB_HEAD + "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'目次'!$3:$3</definedName";
  expect(() => bounded(() => setDefinedName(cut, "_xlnm.Print_Titles", 2, "'検証結果'!$1:$3"))).toThrow(expect.objectContaining({ code: "corrupt-part", detail: "workbook.xml" }));
  // Closed, the same part takes the name after the user's.
  const whole = cut + "></definedNames></workbook>";
  const out = bounded(() => setDefinedName(whole, "_xlnm.Print_Titles", 2, "'検証結果'!$1:$3"));
  expect(out).toContain(`'目次'!$3:$3</definedName><definedName name="_xlnm.Print_Titles" localSheetId="2">'検証結果'!$1:$3</definedName></definedNames>`);
});

const SHEET = (rows: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

test("a cell or a row never closed: finding a cell after it is refused as malformed, not walked again", () => {
  const openCell = SHEET('<row r="1"><c r="A1"><v>1</v></row>');
  for (const f of [() => locateCell(openCell, 0, 1), () => setCell(openCell, 0, 1, "x"), () => holdsFormula(openCell, 0, 1)] as (() => unknown)[]) {
    expect(() => bounded(f)).toThrow(expect.objectContaining({ name: "MalformedXml" }));
  }
  const openRow = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></sheetData></worksheet>';
  expect(() => bounded(() => locateCell(openRow, 0, 1))).toThrow(expect.objectContaining({ name: "MalformedXml" }));
  const openData = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>';
  expect(() => bounded(() => locateCell(openData, 0, 1))).toThrow(expect.objectContaining({ name: "MalformedXml" }));
  // The same cells closed are found as before.
  const closed = SHEET('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>');
  expect(bounded(() => locateCell(closed, 0, 2)).tag).toBe('<c r="C1">');
  expect(bounded(() => setCell(closed, 0, 1, 2))).toContain('<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1">');
});

test("chosahyo summarize on a workbook whose workbook.xml ends inside a defined name: exit 2, workbook.xml named, nothing written", async () => {
  const pkg = Package.open(new Uint8Array(readFileSync(path.join(ROOT, "seeds", "musashino-h29.xlsx"))));
  const wb = pkg.text("xl/workbook.xml")!;
  const end = wb.indexOf("</definedName>");
  expect(end).toBeGreaterThan(0);
  pkg.set("xl/workbook.xml", wb.slice(0, end + "</definedName".length));
  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-unclosed-"));
  try {
    const input = path.join(dir, "musashino.xlsx");
    writeFileSync(input, pkg.toBytes());
    const out = path.join(dir, "summary.xlsx");
    // From the sources, so that the test never runs a stale bundle.
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", path.join(ROOT, "src", "cli", "entry.ts"), "summarize", input, "-o", out], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`${input}: ファイルの一部（workbook.xml）が壊れていて読めません。Excel で開いて保存し直すか、元のファイルを確認してください。`);
    expect(existsSync(out)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
