/**
 * An .ods in the browser demo's workbook host (book-host.ts, what its Web Worker runs), every message through
 * structuredClone as a worker's would be: opened for checking only, the pane's check through the demo's port gives
 * the CLI's findings for the same workbook as .xlsx, the grid gets its merged areas, and every change is refused with
 * the message that says to save it as .xlsx.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetGrid } from "../../src/core/model/grid";
import type { BookClient } from "../../src/taskpane/demo/book-client";
import type { Args, Method, Opened, Result } from "../../src/taskpane/demo/book-rpc";
import { DemoPort } from "../../src/taskpane/demo/demo-port";
import { validateInBatches } from "../../src/taskpane/run-validation";
import { structuredHost } from "../helpers/demo-host";
import { ROOT } from "../helpers/grid";
import { validateFindings } from "../helpers/snapshot-diff";

// The demo's built-in sample is a webpack asset; these tests open bytes instead.
jest.mock("../../seeds/kodaira-h29.xlsx", () => "", { virtual: true });
jest.setTimeout(60_000);

const ODS = path.join(ROOT, "test", "fixtures", "ods", "kodaira-h29.ods");
const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");

async function openOds() {
  const call = structuredHost();
  const opened = (await call("open", { bytes: new Uint8Array(readFileSync(ODS)), name: "財政課.ods" })) as Opened;
  const client: BookClient = {
    mode: "main-thread",
    call: <M extends Method>(method: M, args: Args<M>) => call(method, ...args) as Promise<Result<M>>,
    terminate: () => undefined,
  };
  return { call, opened, port: new DemoPort(Promise.resolve({ client, ...opened }), "財政課.ods") };
}

test("an .ods opens for checking only, and the pane's check finds what the CLI finds in the same workbook as .xlsx", async () => {
  const { opened, port } = await openOds();
  expect(opened.checkOnly).toBe("ods");
  expect(opened.sheetNames).toHaveLength(59);
  const report = await validateInBatches(port, { profiles: BUILT_IN_PROFILES }, { yieldToUi: async () => undefined });
  const shown = report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${f.cell}`).sort();
  expect(shown).toEqual(await validateFindings(SEED));
  expect(port.checkOnly).toBe("ods");
});

test("the grid gets each sheet with its merged areas, and a cell is selected only on a sheet that is there", async () => {
  const { call } = await openOds();
  const grid = (await call("sheetGrid", "No.2")) as SheetGrid;
  expect(grid.merges.some((m) => m.top === 4 && m.bottom === 6)).toBe(true);
  expect(await call("sheetGrid", "無いシート")).toBeUndefined();
  await expect(call("selectCell", "No.2", "B5")).resolves.toBeUndefined();
  await expect(call("selectCell", "無いシート", "A1")).rejects.toThrow(/^sheet-missing/);
  expect(await call("ownedSheets")).toEqual([]);
  expect(await call("readSettings")).toEqual({});
});

test("every change to an .ods is refused with the message that says to save it as .xlsx", async () => {
  const { call } = await openOds();
  await expect(call("applyEdits", [{ sheet: "No.1", address: "C5", before: "A", after: "Ａ", ruleId: "CODE-VARIANT" }] as never)).rejects.toThrow(/^ods:/);
  await expect(call("writeOwnedSheets", [])).rejects.toThrow(/^ods:/);
  await expect(call("writeSettings", { stage: "提出前" })).rejects.toThrow(/^ods:/);
  await expect(call("toBytes")).rejects.toThrow(/^ods:/);
  // Still open and readable after the refusals.
  expect(((await call("sheetNames")) as string[]).length).toBe(59);
});
