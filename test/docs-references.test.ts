/**
 * @jest-environment node
 *
 * Every document the repository's comments, tests, scripts and docs name is in the repository. A `*.md` named in a
 * source file is a path from the repository root (`docs/values.md`) or from the file; a relative link in a document
 * resolves from the document, and its `#anchor` is a heading there. Citations of notes that live elsewhere (an
 * analysis by line or section, the shared specification outside the clone) are refused: write the fact, or link to
 * docs/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./helpers/grid";

const TEXT = /\.(?:ts|tsx|js|mjs|cjs|py|sh|html|md)$/;
const SKIP_DIRS = new Set(["node_modules", "fixtures", ".out", "screenshots"]);
const SELF = path.relative(ROOT, __filename);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (TEXT.test(e.name)) out.push(p);
  }
  return out;
}

/** The files a reader of the project reads: sources, tests, scripts, docs, README and the top-level configs. */
function scanned(): string[] {
  const top = readdirSync(ROOT).filter((f) => /\.(?:js|mjs|cjs|md)$/.test(f) && statSync(path.join(ROOT, f)).isFile());
  const ci = existsSync(path.join(ROOT, ".ci")) ? readdirSync(path.join(ROOT, ".ci")).map((f) => path.join(ROOT, ".ci", f)) : [];
  return [...["src", "test", "scripts", "docs"].flatMap((d) => walk(path.join(ROOT, d))), ...top.map((f) => path.join(ROOT, f)), ...ci]
    .filter((f) => statSync(f).isFile())
    .filter((f) => path.relative(ROOT, f) !== SELF);
}

const FILES = scanned().map((f) => ({ rel: path.relative(ROOT, f).split(path.sep).join("/"), text: readFileSync(f, "utf8") }));

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** Text with URLs removed: a page on the web may well end in `.md`. */
function withoutUrls(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)>"'`\]]+/gi, (m) => " ".repeat(m.length));
}

const MD_NAME = /(?<![\w./-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w-][\w.-]*\.md)(?![\w/])/g;

function resolves(fromFile: string, target: string): boolean {
  return existsSync(path.join(ROOT, path.dirname(fromFile), target)) || existsSync(path.join(ROOT, target));
}

test("文書名（*.md）はどれもリポジトリにあるファイルを指す", () => {
  const missing: string[] = [];
  for (const { rel, text } of FILES) {
    const plain = withoutUrls(text);
    for (const m of plain.matchAll(MD_NAME)) {
      // In a document, a name is read from the document's folder or the root; in code, from the file's folder or the root.
      if (!resolves(rel, m[1])) missing.push(`${rel}:${lineOf(plain, m.index!)}: ${m[1]}`);
    }
  }
  expect(missing).toEqual([]);
});

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, blanks to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(doc: string): Set<string> {
  const text = readFileSync(path.join(ROOT, doc), "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));
}

test("文書の相対リンクは文書の場所から開け、#見出し はその文書にある", () => {
  const broken: string[] = [];
  for (const { rel, text } of FILES.filter((f) => f.rel.endsWith(".md"))) {
    const body = text.replace(/```[\s\S]*?```/g, (m) => m.replace(/[^\n]/g, " "));
    for (const m of body.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [file, anchor] = target.split("#");
      const doc = file ? path.posix.normalize(path.posix.join(path.posix.dirname(rel), file)) : rel;
      const where = `${rel}:${lineOf(body, m.index!)}: ${target}`;
      if (!existsSync(path.join(ROOT, doc))) broken.push(`${where} (no such file)`);
      else if (anchor !== undefined && doc.endsWith(".md") && !anchorsOf(doc).has(decodeURIComponent(anchor))) broken.push(`${where} (no such heading)`);
    }
  }
  expect(broken).toEqual([]);
});

/** Ways the code once cited notes kept outside the repository: by line, by section, or by path. */
const OUTSIDE_CITATIONS: readonly RegExp[] = [
  /\banalysis\s*:\s*\d/i, // analysis:340
  /\banalysis\s*\(\s*[a-z0-9]/i, // analysis (c), analysis (f1)
  /\banalysis\s+(?:[a-f]\.?\d|e\d|[A-Z]\d+|\d+\.\d)/, // analysis a6, analysis e4, analysis F3, analysis 0.2
  /\b(?:the|of the|in the) analysis\b/i,
  /\b(?:kodaira|musashino|mitaka)\s+(?:analysis|\([a-f](?:\.\d)?\)|[a-f]\d\b|R\d+\b)/i, // kodaira (c.3), musashino R5
  /\bAppendix [A-Z]\b/,
  /(?:\.\.\/)+shared\b|\bshared\/(?:spec|seeds|data)\b/,
];

test("リポジトリの外のメモ（分析の行番号・節、リポジトリの外にある仕様）を出典にしない", () => {
  const cited: string[] = [];
  for (const { rel, text } of FILES) {
    text.split("\n").forEach((line, i) => {
      for (const re of OUTSIDE_CITATIONS) if (re.test(line)) cited.push(`${rel}:${i + 1}: ${line.trim().slice(0, 100)}`);
    });
  }
  expect(cited).toEqual([]);
});

test("検査は見落とさない: 存在しない文書名、壊れたリンク、分析の行番号を見つける", () => {
  const name = ["formats", "md"].join(".");
  expect([...` see ${name} §1`.matchAll(MD_NAME)].map((m) => resolves("src/core/x.ts", m[1]))).toEqual([false]);
  expect([...` see docs/${name} and ../README.md`.matchAll(MD_NAME)].map((m) => resolves("docs/x.md", m[1]))).toEqual([true, true]);
  expect(withoutUrls("https://github.com/o/r/blob/main/x.md")).not.toMatch(MD_NAME);
  expect(anchorsOf("docs/values.md").has(slug("Achievement (達成率)"))).toBe(true);
  const line = ["// ", "analysis", ":", "340 (c.2)"].join("");
  expect(OUTSIDE_CITATIONS.some((re) => re.test(line))).toBe(true);
  expect(OUTSIDE_CITATIONS.some((re) => re.test("// No.2-1…2-4 carry no rating letter"))).toBe(false);
});
