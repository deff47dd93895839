// ESLint rule `layers/boundaries`: the layers of src/ (docs/architecture.md) checked on every relative import, not
// only on package names. The import is resolved against the importing file, so `../taskpane/App` from src/core is
// caught at any depth.
//
//   src/core            imports nothing outside src/core
//   src/workbook        never imports src/taskpane or src/cli
//   src/workbook/xlsx   never imports src/workbook/office, nor the other way round
//   src/cli             never imports src/taskpane
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "src");

/** The layer a path under src/ belongs to, most specific first; undefined outside src/. */
function layerOf(file) {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel[0] === ".." || path.isAbsolute(rel.join("/"))) return undefined;
  if (rel[0] === "workbook" && (rel[1] === "xlsx" || rel[1] === "office")) return `workbook/${rel[1]}`;
  return rel[0];
}

/** Why `from` may not import `to`, or undefined when it may. */
function forbidden(from, to) {
  if (!from || !to || from === to) return undefined;
  if (from === "core") return "src/core imports nothing outside src/core: it is pure TypeScript, shared by every front end.";
  if (from.startsWith("workbook") && (to === "taskpane" || to === "cli")) return "src/workbook never imports a front end (src/taskpane, src/cli).";
  if (from === "workbook/xlsx" && to === "workbook/office") return "The .xlsx adapter never imports the Office adapter.";
  if (from === "workbook/office" && to === "workbook/xlsx") return "The Office adapter never imports the .xlsx adapter.";
  if (from === "cli" && to === "taskpane") return "The CLI never imports the task pane.";
  return undefined;
}

const boundaries = {
  meta: { type: "problem", schema: [], messages: { crossing: "{{source}}: {{why}}" } },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const from = layerOf(path.resolve(filename));
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const to = layerOf(path.resolve(path.dirname(filename), source));
      const why = forbidden(from, to);
      if (why) context.report({ node, messageId: "crossing", data: { source, why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { boundaries } };
