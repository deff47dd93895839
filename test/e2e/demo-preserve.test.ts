/**
 * @jest-environment node
 *
 * The file layer's acceptance case in the browser demo (dist/demo.html): a user opens a 調査票 that holds a comment,
 * a chart, an image, a pivot table and a macro (test/fixtures/preserve/kodaira-full.xlsm), checks it, applies one
 * fix, makes the summary sheets and downloads the result. The downloaded bytes are compared with the file opened,
 * part by part (test/helpers/package-diff.ts): the user's parts come back byte for byte, the fix and its 変更履歴 row
 * are there.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8 } from "fflate";
import { cellText } from "../../src/core/model/cell";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import {
  type AllowedChanges,
  allowedForEdits,
  allowedForOwnedSheets,
  checkAmendedParts,
  describeDiff,
  diffPackages,
  readPackage,
  sheetChangesBesideCells,
  sheetParts,
  unexpectedDifferences,
  workbookContentType,
} from "../helpers/package-diff";
import { cliFindings, demoSheetNames, gridCell, openPage, ROOT, runs, sevCounts, shownCounts, validate, validateButton, waitForRun, useEnv, WIDE_VIEWPORT } from "./browser";

const FIXTURE = path.join(ROOT, "test", "fixtures", "preserve", "kodaira-full.xlsm");
const NAME = "kodaira-full.xlsm";
const MACRO_ENABLED = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** The user's parts this case is about, by kind. */
const KINDS: Record<string, RegExp> = {
  comment: /^xl\/comments\d*\.xml$|^xl\/drawings\/vmlDrawing\d+\.vml$/,
  chart: /^xl\/charts\/chart\d+\.xml$/,
  image: /^xl\/media\/image\d+\.png$/,
  drawing: /^xl\/drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?$/,
  pivot: /^xl\/pivot(Tables|Cache)\/(_rels\/)?pivot(Table|CacheDefinition|CacheRecords)\d+\.xml(\.rels)?$/,
  macro: /^xl\/vbaProject\.bin$/,
};

const { env } = useEnv("demo-preserve");

/** Both operations at once: the summary sheets and a cell edit with its 変更履歴. */
function union(a: AllowedChanges, b: AllowedChanges): AllowedChanges {
  return { operation: `${a.operation} + ${b.operation}`, mayChange: [...a.mayChange, ...b.mayChange], mayAdd: [...a.mayAdd, ...b.mayAdd], mayRemove: [...a.mayRemove, ...b.mayRemove] };
}

function cellAt(snapshot: WorkbookSnapshot, sheet: string, ref: string): string {
  const g = snapshot.sheets.find((s) => s.name === sheet);
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellText(g?.rows[Number(m[2]) - 1 - g.top]?.[col - g.left]);
}

let suggestedName = "";

test("検証・修正・集計シート作成・ダウンロードのあとも、コメント・グラフ・画像・ピボット・マクロはそのまま残る", async () => {
  const input = readFileSync(FIXTURE);
  const cli = cliFindings(FIXTURE);
  const variant = cli.filter((f) => f.ruleId === "CODE-VARIANT");
  expect(variant).toEqual([expect.objectContaining({ sheet: "評価一覧", cell: "F6" })]);

  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  // As the browser hands over an .xlsm: its own name and the macro-enabled MIME type.
  await page.getByTestId("file-input").setInputFiles({ name: NAME, mimeType: "application/vnd.ms-excel.sheet.macroEnabled.12", buffer: input });
  await page.getByTestId("file-name").filter({ hasText: NAME }).waitFor({ timeout: 90_000 });
  await validateButton(page);
  expect(await demoSheetNames(page)).toEqual(expect.arrayContaining(["評価一覧", "No.1", "No.2", "評価の内訳"]));

  // 検証: the same counts as the CLI.
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));

  // One fix: the full-width Ａ in 評価一覧!F6.
  await page.getByLabel("規則で絞り込む").selectOption("CODE-VARIANT");
  await page.locator("button[data-rule='CODE-VARIANT']").click();
  expect(await page.getByTestId("edit").innerText()).toBe("F6: Ａ → A");
  let before = await runs(page);
  await page.getByRole("button", { name: "この修正を適用" }).click();
  await waitForRun(page, before);
  expect(await gridCell(page, "F6", "評価一覧").innerText()).toBe("A");
  expect(await page.locator("button[data-rule='CODE-VARIANT']").count()).toBe(0);

  // 集計シート作成 (the sample has error findings, so the pane asks first).
  await page.getByRole("tab", { name: "集計" }).click();
  const view = page.getByTestId("summaries");
  await view.waitFor();
  before = await runs(page);
  await view.getByRole("button", { name: "集計シート作成" }).click();
  const confirm = page.getByTestId("summaries-confirm");
  await confirm.waitFor();
  await confirm.getByRole("button", { name: "このまま作成する" }).click();
  const results = page.getByTestId("summaries-results");
  await results.waitFor({ timeout: 90_000 });
  const written = await results.getByRole("listitem").evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.sheet ?? ""));
  expect(written).toEqual(expect.arrayContaining(["評価集計"]));

  // ダウンロード: the bytes the browser saves.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "ダウンロード" }).click()]);
  suggestedName = download.suggestedFilename();
  const out = new Uint8Array(readFileSync((await download.path())!));
  expect(problems).toEqual([]);
  await context.close();

  // Node side: every difference is one the summaries or the edit may make; the user's parts are byte for byte.
  const editedPart = sheetParts(input).get("評価一覧")!;
  const diff = diffPackages(input, out);
  console.log(`downloaded ${suggestedName}: ${describeDiff(diff)}`);
  const found = [
    ...unexpectedDifferences(diff, union(allowedForOwnedSheets(), allowedForEdits([editedPart]))),
    ...checkAmendedParts(input, out),
    ...sheetChangesBesideCells(strFromU8(readPackage(input).get(editedPart)!), strFromU8(readPackage(out).get(editedPart)!), ["F6"]).map((p) => `${editedPart}: ${p}`),
  ];
  expect({ problems: found, diff: found.length ? describeDiff(diff) : "" }).toEqual({ problems: [], diff: "" });

  const status = new Map(diff.map((d) => [d.name, d.status]));
  const names = [...readPackage(input).keys()];
  const byKind = Object.fromEntries(Object.entries(KINDS).map(([kind, re]) => [kind, names.filter((n) => re.test(n))]));
  for (const [kind, parts] of Object.entries(byKind)) expect({ kind, present: parts.length > 0 }).toEqual({ kind, present: true });
  expect(Object.fromEntries(Object.entries(byKind).map(([kind, parts]) => [kind, parts.filter((n) => status.get(n) !== "identical").map((n) => `${status.get(n)} ${n}`)]))).toEqual(
    Object.fromEntries(Object.keys(KINDS).map((k) => [k, []])),
  );
  expect(workbookContentType(out)).toBe(MACRO_ENABLED);

  // Read back: the fix, its 変更履歴 row, and the summary sheets.
  const snap = await (await XlsxWorkbook.load(out, suggestedName)).readAll();
  expect(cellAt(snap, "評価一覧", "F6")).toBe("A");
  const log = snap.sheets.find((s) => s.name === "変更履歴");
  expect(log?.rows.flat().map((v) => cellText(v))).toEqual(expect.arrayContaining(["評価一覧", "F6", "Ａ", "A", "CODE-VARIANT"]));
  expect(snap.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...sheetParts(input).keys(), ...written]));
});

// Excel refuses a macro-enabled package under an .xlsx name: the download keeps the opened file's extension.
test("ダウンロードしたファイル名は .xlsm のまま（kodaira-full_確認済み.xlsm）", () => {
  expect(suggestedName).toBe("kodaira-full_確認済み.xlsm");
});
