/**
 * @jest-environment node
 *
 * Settings the task pane stores in a workbook (stage, per-sheet choices) travel with the file: the CLI uses them
 * unless the command line says otherwise.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serializeSettings } from "../src/core/settings";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import { cli } from "./helpers/cli";
import { ROOT } from "./helpers/grid";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-settings-"));
  const book = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
  await book.writeSettings(serializeSettings({ stage: "本部評価後", overrides: { "No.43": "none" } }));
  file = path.join(dir, "本部評価後.xlsx");
  writeFileSync(file, await book.toBytes());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const missing = (json: string) =>
  (JSON.parse(json) as { files: { findings: { ruleId: string; sheet: string; cell: string }[] }[] }).files[0].findings.filter((f) => f.ruleId === "REQUIRED-MISSING").length;

test("ブックに保存された段階（本部評価後）と対象外の指定で検証する", async () => {
  const run = await cli(["validate", file, "--json"]);
  expect(missing(run.stdout)).toBe(8); // 1次 and 2次 on No.2-1 … No.2-4
  const sheets = (JSON.parse(run.stdout) as { files: { sheets: { name: string; profile: string | null }[] }[] }).files[0].sheets;
  expect(sheets.find((s) => s.name === "No.43")?.profile).toBeNull();
});

test("--stage を指定すればそれが優先する", async () => {
  const run = await cli(["validate", file, "--json", "--stage", "提出前"]);
  expect(missing(run.stdout)).toBe(4);
});
