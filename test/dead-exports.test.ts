/**
 * @jest-environment node
 *
 * No dead exports in src/: an exported function, constant, class, type or interface that nothing uses (no other file
 * names it, and its own file names it only where it is declared) is code nobody runs or reads. Remove it, or use it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./helpers/grid";

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mjs|cjs|js)$/.test(e.name)) out.push(p);
  }
  return out;
}

test("src/ にどこからも使われていない export はない", () => {
  const files = ["src", "test", "scripts"].flatMap((d) => walk(path.join(ROOT, d)));
  const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")] as const));
  const declared = /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
  const dead: string[] = [];
  for (const [file, src] of text) {
    if (!file.startsWith(path.join(ROOT, "src") + path.sep)) continue;
    for (const m of src.matchAll(declared)) {
      const name = m[1];
      const source = `(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`;
      if ((src.match(new RegExp(source, "g")) ?? []).length > 1) continue;
      const word = new RegExp(source);
      if ([...text].some(([other, t]) => other !== file && word.test(t))) continue;
      dead.push(`${path.relative(ROOT, file)}: ${name}`);
    }
  }
  expect(dead).toEqual([]);
});
