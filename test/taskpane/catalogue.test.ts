/**
 * @jest-environment node
 *
 * Every string of the pane comes from the message catalogue, in both languages: none is hard-coded in a component.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { en } from "../../src/core/i18n/en";
import { ja } from "../../src/core/i18n/ja";
import { cliJa } from "../../src/cli/messages-ja";
import { RULE_IDS } from "../../src/core/model/finding";
import { errorMessage, fiscalYearLabel } from "../../src/taskpane/format";
import { initialLang } from "../../src/taskpane/i18n";
import { WorkbookError, type WorkbookErrorCode } from "../../src/workbook/port";

const PANE = path.join(__dirname, "..", "..", "src", "taskpane");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && !n.endsWith(".d.ts") ? [p] : [];
  });
}

test("every rule has a short name in Japanese and English, for the rule filter", () => {
  for (const id of RULE_IDS) {
    const key = `ruleName.${id}` as keyof typeof ja;
    expect(ja[key]).toBeTruthy();
    expect(en[key]).toBeTruthy();
  }
});

test("the pane's keys have the same placeholders in both languages", () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(ja).filter((k) => /^(pane|demo|page|ruleName)\./.test(k)) as (keyof typeof ja)[]) {
    expect([key, names(en[key])]).toEqual([key, names(ja[key])]);
  }
});

/** Text a person would read, hard-coded in JSX: letters or kana/kanji in JSX text or in a labelling attribute. */
test("no component hard-codes text (everything comes from the catalogue)", () => {
  const WORDY = /[\p{L}]/u;
  const LABELS = new Set(["aria-label", "title", "placeholder", "label", "alt", "aria-description"]);
  const found: string[] = [];
  for (const file of files(PANE)) {
    const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && WORDY.test(node.text)) found.push(`${path.relative(PANE, file)}: ${node.text.trim()}`);
      if (ts.isJsxAttribute(node) && LABELS.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && WORDY.test(node.initializer.text)) {
        found.push(`${path.relative(PANE, file)}: ${node.name.getText()}="${node.initializer.text}"`);
      }
      if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && WORDY.test(node.expression.text)) {
        found.push(`${path.relative(PANE, file)}: {"${node.expression.text}"}`);
      }
      // Japanese anywhere outside comments: it can only be hard-coded UI text.
      if (ts.isStringLiteralLike(node) && /[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff5e]/.test(node.text)) found.push(`${path.relative(PANE, file)}: "${node.text}"`);
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  expect(found).toEqual([]);
});

test("workbook errors are worded from the catalogue, never a stack trace", () => {
  const codes: WorkbookErrorCode[] = ["empty-file", "not-a-workbook", "legacy-xls", "encrypted", "corrupt", "too-large", "no-worksheets", "protected-sheet", "protected-workbook", "write-interrupted", "write-unconfirmed", "cell-edit-mode", "sheet-missing", "unsupported-host", "cancelled"];
  for (const code of codes) {
    for (const lang of ["ja", "en"] as const) {
      const m = errorMessage(lang, new WorkbookError(code, "detail", "No.5"));
      expect(m).not.toMatch(/\{\w+\}|WorkbookError|at /);
    }
  }
  expect(errorMessage("ja", new WorkbookError("protected-sheet", undefined, "No.5"))).toBe(
    "シート「No.5」は保護されているため変更できません。[校閲] タブの [シート保護の解除] で保護を解除してから、もう一度実行してください。",
  );
  expect(errorMessage("ja", new WorkbookError("not-a-workbook", "csv"))).toContain("CSV");
  expect(errorMessage("en", new Error("boom\n    at x"))).toBe("An unexpected error occurred (boom).");
});

test("対象年度は西暦と和暦で示す（令和元年度）", () => {
  expect(fiscalYearLabel("ja", 2017)).toBe("2017年度（平成29年度）");
  expect(fiscalYearLabel("ja", 2019)).toBe("2019年度（令和元年度）");
  expect(fiscalYearLabel("ja", 2024)).toBe("2024年度（令和6年度）");
  expect(fiscalYearLabel("en", 2019)).toBe("FY2019 (Reiwa 1)");
  // A year the workbook names before 平成 is not 平成0.
  expect(fiscalYearLabel("ja", 1988)).toBe("1988年度（昭和63年度）");
  expect(fiscalYearLabel("en", 1988)).toBe("FY1988 (Showa 63)");
});

test("日本語が既定、Office の表示言語が英語なら英語、切り替えの記憶がそれに優先する", () => {
  expect(initialLang(undefined, null)).toBe("ja");
  expect(initialLang("ja-JP", null)).toBe("ja");
  expect(initialLang("en-US", null)).toBe("en");
  expect(initialLang("EN-gb", null)).toBe("en");
  expect(initialLang("zh-CN", null)).toBe("ja");
  expect(initialLang("en-US", "ja")).toBe("ja");
  expect(initialLang("ja-JP", "en")).toBe("en");
});

/**
 * Katakana loanwords are spelt one way, with the long vowel, as Windows and Excel spell them for a Japanese user
 * (フォルダー, not フォルダ): a clerk who meets both wonders whether they are two things.
 */
test("日本語のカタカナ語と括弧は一つの書き方にそろえる（フォルダー、ブラウザー、サーバー、[検証]）", () => {
  const texts = [...Object.values(ja), ...Object.values(cliJa)].filter((v): v is string => typeof v === "string");
  const short = /(フォルダ|ブラウザ|サーバ|ユーザ|フィルタ|パラメータ|ヘッダ|フッタ|コンピュータ|プリンタ|マスタ)(?!ー)/u;
  expect(texts.filter((s) => short.test(s))).toEqual([]);
  expect(texts.some((s) => s.includes("フォルダー"))).toBe(true);
  // Buttons and tabs are named in half-width brackets, as Microsoft's Japanese help names them ([校閲] タブ).
  expect(texts.filter((s) => /[［］]/.test(s))).toEqual([]);
  // …and never in the corner brackets that quote a sheet or a value (「検証」 read as a word, not a button).
  const controls = Object.entries(ja).filter(([k]) => k === "pane.validate" || /^pane\.tab\.[a-z]+$/.test(k)).map(([, v]) => v);
  expect(controls).toEqual(expect.arrayContaining(["検証", "シート", "集計", "年度", "設定"]));
  expect(texts.filter((s) => controls.some((c) => s.includes(`「${c}」`)))).toEqual([]);
});
