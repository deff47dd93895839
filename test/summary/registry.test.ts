/**
 * @jest-environment node
 *
 * SUMMARY_KINDS is the one list of summary sheets, generated from the summary files (npm run generate): each kind
 * has its own id and sheet name, its title and the pane's description in both languages from the messages file
 * beside it, and what availableSummaries offers and buildSummaries writes comes from it, in its order. Each kind's
 * tests are where a contributor looks for them: test/summary/<id>.test.ts.
 */
import { t } from "../../src/core/i18n";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { availableSummaries, buildSummaries, SUMMARY_KINDS, SUMMARY_SHEETS } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  SUMMARY_IDS_FILE,
  SUMMARY_KINDS_FILE,
  SUMMARY_MESSAGES_FILE,
  summaryFiles,
  summaryIdsSource,
  summaryKindsSource,
  summaryMessagesFiles,
  summaryMessagesSource,
} from "../../scripts/lib/summary-registry";
import { kodairaSeed } from "../helpers/grid";

test("種類ごとに id とシート名は一つずつで、作業ウィンドウの説明が日本語と英語にある", () => {
  expect(new Set(SUMMARY_KINDS.map((k) => k.id)).size).toBe(SUMMARY_KINDS.length);
  expect(SUMMARY_SHEETS).toEqual(["評価一覧", "評価集計", "指標達成状況", "未着手・中止一覧", "前年度比較", "検証結果", "提出状況"]);
  for (const k of SUMMARY_KINDS) {
    for (const lang of ["ja", "en"] as const) {
      expect(t(lang, `pane.summaries.sheet.${k.id}`)).not.toBe(`pane.summaries.sheet.${k.id}`);
      expect(t(lang, `summary.title.${k.id}`)).not.toBe(`summary.title.${k.id}`);
    }
  }
});

test("生成した 3 つのファイルは集計シートのファイルから今作るものと同じ（違うときは npm run generate）", () => {
  expect(readFileSync(SUMMARY_KINDS_FILE, "utf8")).toBe(summaryKindsSource());
  expect(readFileSync(SUMMARY_IDS_FILE, "utf8")).toBe(summaryIdsSource());
  expect(readFileSync(SUMMARY_MESSAGES_FILE, "utf8")).toBe(summaryMessagesSource());
});

describe("生成器は集計シートのファイルの決まりを守らせる", () => {
  const kind = (name: string, id: string, order: number) =>
    `import type { SummarySheetKind } from "./context";\nexport const ${name}: SummarySheetKind = {\n  id: "${id}",\n  order: ${order},\n  sheetName: "x",\n  isAvailable: () => true,\n  build: spec,\n};\n`;
  const messages = (id: string, keys: string[]) => `/** ${id}'s messages: x. */\nexport default bilingual({\n  ja: {\n${keys.map((k) => `    "${k}": "x",\n`).join("")}  },\n});\n`;
  const scan = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summary-"));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
      return { kinds: summaryFiles(dir).map((k) => k.id), messages: summaryMessagesFiles(dir).map((m) => m.id) };
    } finally {
      rmSync(dir, { recursive: true });
    }
  };
  const own = (id: string) => [`summary.title.${id}`, `pane.summaries.sheet.${id}`];

  test("order の順に並べる", () => {
    const files = { "a.ts": kind("a", "later", 20), "a.messages.ts": messages("later", own("later")), "b.ts": kind("b", "first", 10), "b.messages.ts": messages("first", [...own("first"), "summary.first.note"]) };
    expect(scan(files)).toEqual({ kinds: ["first", "later"], messages: ["first", "later"] });
  });

  test("order のない種類、同じ order、文言のない種類、ほかの鍵、題のない文言は止める", () => {
    expect(() => scan({ "a.ts": kind("a", "x", 10).replace("  order: 10,\n", "") })).toThrow("needs an `id");
    expect(() => scan({ "a.ts": kind("a", "x", 10), "b.ts": kind("b", "y", 10) })).toThrow("two summary kinds with the order 10");
    expect(() => scan({ "a.ts": kind("a", "x", 10) })).toThrow("the summary sheet x has no messages: write src/core/summary/a.messages.ts");
    expect(() => scan({ "a.ts": kind("a", "x", 10), "a.messages.ts": messages("x", [...own("x"), "summary.col.no"]) })).toThrow("summary.col.no is not x's");
    expect(() => scan({ "a.ts": kind("a", "x", 10), "a.messages.ts": messages("x", ["pane.summaries.sheet.x"]) })).toThrow("summary.title.x (the sheet's title) is missing");
  });
});

test("作れるシートは各種類の isAvailable で決まり、書くのはその順", async () => {
  const rep = validateWorkbook(await kodairaSeed(), { profiles: BUILT_IN_PROFILES });
  const input = { records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: new Date(2026, 0, 1) };
  // The 小平 調査票 has codes and indicators but no 実施状況: every sheet but 未着手・中止一覧.
  expect(availableSummaries(input)).toEqual(["評価一覧", "評価集計", "指標達成状況", "検証結果"]);
  expect(buildSummaries(input, ["検証結果", "評価一覧"]).map((s) => s.name)).toEqual(["評価一覧", "検証結果"]);
});

test("種類ごとに test/summary/<id>.test.ts がある", () => {
  const missing = SUMMARY_KINDS.map((k) => `${k.id}.test.ts`).filter((f) => !existsSync(path.join(__dirname, f)));
  expect(missing).toEqual([]);
});
