/**
 * @jest-environment node
 *
 * The layer rules of eslint.config.mjs reject what they say they reject: a core file importing the task pane at any
 * depth, the adapters importing each other, the workbook layer importing a front end, and Office.js globals outside
 * the Office adapter and the pane's host files. Each case is linted as if the file were at that path.
 */
import { spawnSync } from "node:child_process";
import { ROOT } from "./helpers/grid";

/** Lints every case in one child process (ESLint loads its flat config by dynamic import, which jest's VM refuses). */
function lintAll(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const path = require("node:path");
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of JSON.parse(require("node:fs").readFileSync(0, "utf8"))) {
        const [r] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
        out.push(r.messages.filter((m) => m.ruleId === "layers/boundaries" || m.ruleId === "no-restricted-globals").map((m) => m.ruleId + ": " + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

const REJECTED: readonly (readonly [string, string, string])[] = [
  ["src/core/scratch.ts", 'import { App } from "../taskpane/App";\nexport const x = App;\n', "src/core imports nothing outside src/core"],
  ["src/core/rules/scratch.ts", 'import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";\nexport const x = XlsxWorkbook;\n', "src/core imports nothing outside src/core"],
  ["src/core/rules/scratch.ts", 'export { main } from "../../cli/main";\n', "src/core imports nothing outside src/core"],
  ["src/workbook/xlsx/scratch.ts", 'import { OfficeWorkbook } from "../office/office-workbook";\nexport const x = OfficeWorkbook;\n', "never imports the Office adapter"],
  ["src/workbook/office/scratch.ts", 'import { XlsxWorkbook } from "../xlsx/xlsx-workbook";\nexport const x = XlsxWorkbook;\n', "never imports the .xlsx adapter"],
  ["src/workbook/port-scratch.ts", 'import { App } from "../taskpane/App";\nexport const x = App;\n', "never imports a front end"],
  ["src/cli/scratch.ts", 'export const load = () => import("../taskpane/App");\n', "The CLI never imports the task pane"],
  ["src/taskpane/components/Scratch.ts", "export const ready = () => Office.onReady();\n", "Office.js is reached through the workbook port"],
  ["src/core/scratch.ts", "export const ctx = () => new Excel.RequestContext();\n", "no Office globals"],
];

const ALLOWED: readonly (readonly [string, string])[] = [
  ["src/core/rules/scratch.ts", 'import { RULES } from "./index";\nimport { parseValue } from "../values/number/parse-value";\nexport const x = [RULES, parseValue];\n'],
  ["src/taskpane/scratch.ts", 'import { validateWorkbook } from "../core/validate";\nimport type { WorkbookPort } from "../workbook/port";\nexport const x: [typeof validateWorkbook, WorkbookPort?] = [validateWorkbook];\n'],
  ["src/cli/scratch.ts", 'import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";\nexport const x = XlsxWorkbook;\n'],
  ["src/workbook/office/scratch.ts", "export const ready = () => Office.onReady();\n"],
  ["src/taskpane/office-host.ts", "export const ready = () => Office.onReady();\n"],
];

let found: string[][];
beforeAll(() => {
  found = lintAll([...REJECTED.map(([f, c]) => [f, c] as const), ...ALLOWED]);
}, 120_000);

test.each(REJECTED.map((c, i) => [...c, i] as const))("%s: %s is rejected", (_file, _code, why, i) => {
  expect(found[i]).toEqual([expect.stringContaining(why)]);
});

test.each(ALLOWED.map((c, i) => [...c, REJECTED.length + i] as const))("%s: allowed imports and globals pass", (_file, _code, i) => {
  expect(found[i]).toEqual([]);
});
