// ESLint flat config. `npx eslint .` (part of `npm run lint`, after tsc).
//
// - typescript-eslint's recommended rules everywhere we write code;
// - the Office add-in load/sync rules where the code talks to Excel (src/workbook/office);
// - layering: the core is pure TypeScript (no Node, ExcelJS, React or Office), and the task pane reaches ExcelJS
//   only through src/workbook; relative imports across layers (scripts/eslint-boundaries.mjs); Office.js globals
//   only in the Office adapter and the pane's host files;
// - security: no dangerouslySetInnerHTML in the task pane (cell text is rendered as text), no eval or new Function in src.
import { builtinModules } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import { layersPlugin } from "./scripts/eslint-boundaries.mjs";

const CODE = ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx,js,mjs,cjs}", "scripts/**/*.{ts,mts,cts,js,mjs,cjs}", "*.{js,mjs,cjs}"];
const COMMONJS = ["**/*.cjs", "webpack.config.js", "jest.config.js", "test/stubs/**/*.js", "test/setup-env.js"];

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith("_"));

export default defineConfig([
  globalIgnores(["dist/", "dist-lgwan/", "build/", "node_modules/", "coverage/", ".tmp/", "test/.out/"]),

  { files: CODE, extends: [tseslint.configs.recommended] },

  {
    files: COMMONJS,
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },

  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-eval": "error", "no-implied-eval": "error", "no-new-func": "error" },
  },

  // The layers, on relative paths (docs/architecture.md): core → nothing outside; workbook → no front end; the two
  // adapters never import each other; the CLI never imports the pane.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { layers: layersPlugin },
    rules: { "layers/boundaries": "error" },
  },

  // Office.js globals live in the Office adapter and the pane's host files; everything else goes through the port.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/workbook/office/**", "src/taskpane/host.ts", "src/taskpane/office-host.ts", "src/taskpane/office-loader.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension"].map((name) => ({
          name,
          message: "Office.js is reached through the workbook port (src/workbook/office) and the pane's host files only.",
        })),
      ],
    },
  },

  // Excel load/sync discipline: the same rules as the `yo office` template, as errors.
  {
    files: ["src/workbook/office/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },

  // The core is pure TypeScript: it runs unchanged in the CLI, the task pane and the tests.
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["exceljs", "react", "react-dom", "office-js", "@microsoft/office-js"].map((name) => ({
              name,
              message: "src/core is pure TypeScript: no ExcelJS, React or Office. Go through a port instead.",
            })),
            ...nodeBuiltins.map((name) => ({ name, message: "src/core is pure TypeScript: no Node built-ins." })),
          ],
          patterns: [
            { group: ["node:*"], message: "src/core is pure TypeScript: no Node built-ins." },
            {
              group: ["exceljs/*", "react/*", "react-dom/*", "@fluentui/*", "@microsoft/office-js/*"],
              message: "src/core is pure TypeScript: no ExcelJS, React, Fluent or Office.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension"].map((name) => ({
          name,
          message: "src/core has no Office globals; the workbook port is the only door to Excel.",
        })),
      ],
    },
  },

  // The task pane: cell text is React text, never HTML; ExcelJS only through src/workbook.
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Render cell text as React text, never with dangerouslySetInnerHTML: cells hold HTML residue such as <p> and <ul style=…>.",
        },
        {
          selector: "Property[key.name='dangerouslySetInnerHTML']",
          message: "Render cell text as React text, never with dangerouslySetInnerHTML: cells hold HTML residue such as <p> and <ul style=…>.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "exceljs", message: "The task pane reaches workbooks only through src/workbook." }],
          patterns: [{ group: ["exceljs/*"], message: "The task pane reaches workbooks only through src/workbook." }],
        },
      ],
    },
  },
]);
