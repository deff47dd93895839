/**
 * @jest-environment jsdom
 *
 * One workbook holding sheets of every built-in format (武蔵野市 取組状況 and 目次, 小平市 調査票 and 推進プログラム,
 * 三鷹市 目標指標 and アクションプラン): the pane lists each sheet with its own profile and checks each with it (the
 * findings are those of each source workbook checked on its own); a per-sheet choice in the シート view makes that
 * sheet read with another profile, changes its findings accordingly, and is stored in the workbook (the CLI then
 * gives the same findings for the saved file).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Finding } from "../../src/core/model/finding";
import type { SheetOverride } from "../../src/core/profile/recognize";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { parseSettings } from "../../src/core/settings";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { MemoryPort } from "./memory-port";
import { findingsOfParts, type MixedWorkbook, mixedWorkbook } from "./mixed-workbook";
import { pane, validateNow } from "./pane";

let mixed: MixedWorkbook;
let dir: string;
beforeAll(async () => {
  mixed = await mixedWorkbook();
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-mixed-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  localStorage.clear();
});



const key = (f: Pick<Finding, "sheet" | "cell" | "ruleId">) => `${f.sheet}|${f.cell}|${f.ruleId}`;

/** Every finding in the 指摘 view, as `sheet|cell|rule` (the counts by severity are checked apart). */
function shownFindings(): string[] {
  fireEvent.click(screen.getByRole("tab", { name: /^指摘/ }));
  return [...document.querySelectorAll<HTMLElement>("button[data-finding-index]")].map((b) => {
    const sheet = b.closest<HTMLElement>("section[data-sheet]")!.dataset.sheet!;
    return `${sheet}|${b.dataset.cell}|${b.dataset.rule}`;
  });
}

function shownCounts(): Record<"error" | "warning" | "info", number> {
  const n = (s: string) => Number(screen.getByTestId(`count-${s}`).dataset.count);
  return { error: n("error"), warning: n("warning"), info: n("info") };
}

const countsOf = (fs: readonly Finding[]) => ({
  error: fs.filter((f) => f.severity === "error").length,
  warning: fs.filter((f) => f.severity === "warning").length,
  info: fs.filter((f) => f.severity === "info").length,
});

/** The sheet's line in the シート view. */
const sheetItem = (name: string) => document.querySelector<HTMLElement>(`li[data-sheet="${name}"]`)!;
const overrideSelect = (name: string) => screen.getByLabelText(`シート「${name}」のプロファイル`) as HTMLSelectElement;

/** The profile (and layout) each sheet should be recognised with, by the names the pane shows. */
const EXPECTED_PROFILES: Readonly<Record<string, readonly [string, string]>> = {
  目次: ["musashino-torikumi", "contents"],
  取組状況: ["musashino-torikumi", "torikumi"],
  "No.1": ["kodaira-chosahyo", "survey"],
  "No.3": ["kodaira-chosahyo", "survey"],
  "No.5": ["kodaira-chosahyo", "survey"],
  推進プログラム: ["kodaira-program", "program"],
  目標指標: ["mitaka-shihyo", "blocks"],
  アクションプラン: ["mitaka-actionplan", "items"],
};

function names(profileId: string, layoutId: string): { profile: string; layout: string } {
  const p = BUILT_IN_PROFILES.find((x) => x.id === profileId)!;
  return { profile: p.name.ja, layout: p.layouts.find((l) => l.id === layoutId)!.name.ja };
}

test("写したシートは元のシートと同じに読める（値・結合セル）", () => {
  const copied = new Map(mixed.snapshot.sheets.map((s) => [s.name, s]));
  const sources = mixed.parts.flatMap((p) => p.sheets);
  expect([...copied.keys()]).toEqual(sources.map((s) => s.name));
  for (const s of sources) {
    const c = copied.get(s.name)!;
    expect({ rows: c.rows, merges: c.merges, top: c.top, left: c.left }).toEqual({ rows: s.rows, merges: s.merges, top: s.top, left: s.left });
  }
});

test("形式の混在したブック: 各シートを自分のプロファイルで認識し、そのプロファイルで確認する", async () => {
  pane(new MemoryPort(mixed.snapshot));
  await validateNow("検証", 20000);
  // Each source workbook checked on its own gives the same findings: no sheet is read with another's profile.
  const expected = findingsOfParts(mixed.parts);
  expect(expected.length).toBeGreaterThan(0);
  expect(shownCounts()).toEqual(countsOf(expected));
  expect(shownFindings().sort()).toEqual(expected.map(key).sort());
  // Every format contributes findings of its own (so the comparison above says something about each).
  const bySheet = new Set(expected.map((f) => f.sheet));
  for (const sheet of ["目次", "取組状況", "No.1", "推進プログラム", "目標指標", "アクションプラン"]) expect(bySheet).toContain(sheet);

  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  expect(screen.getByText(`${mixed.snapshot.sheets.length} シートのうち ${mixed.snapshot.sheets.length} シートを認識しました。認識できないシートは変更しません。`)).toBeTruthy();
  for (const [sheet, [profileId, layoutId]] of Object.entries(EXPECTED_PROFILES)) {
    const { profile, layout } = names(profileId, layoutId);
    const item = sheetItem(sheet);
    expect([sheet, item.dataset.status, item.textContent]).toEqual([sheet, "recognised", expect.stringContaining(`${profile}（${layout}）・一致 100%`)]);
    expect(overrideSelect(sheet).value).toBe(""); // 自動で判定
  }
  // Every layout of every built-in profile can be chosen for a sheet.
  const options = within(overrideSelect("取組状況"))
    .getAllByRole("option")
    .map((o) => o.textContent);
  expect(options).toEqual([
    "自動で判定",
    ...BUILT_IN_PROFILES.flatMap((p) => p.layouts.map((l) => `${p.name.ja}／${l.name.ja}`)),
    "対象外（確認しない）",
  ]);
  expect(options).toHaveLength(2 + 9);
});

test("シートのプロファイルを別のものに指定すると、そのシートはその様式で確認され、指定はブックに保存されて CLI も同じ結果になる", async () => {
  const book = await XlsxWorkbook.load(mixed.bytes, "mixed.xlsx");
  pane(book);
  await validateNow("検証", 20000);
  const before = validateWorkbook(mixed.snapshot, { profiles: BUILT_IN_PROFILES }).findings;
  expect(shownFindings().sort()).toEqual(before.map(key).sort());
  expect(shownCounts()).toEqual(countsOf(before));

  // 取組状況 (武蔵野市) read as a 小平市 調査票.
  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  const select = overrideSelect("取組状況");
  const chosen = within(select).getByRole("option", { name: `${names("kodaira-chosahyo", "survey").profile}／${names("kodaira-chosahyo", "survey").layout}` }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: chosen.value } });
  const override: Record<string, SheetOverride> = { 取組状況: { profileId: "kodaira-chosahyo", layoutId: "survey" } };
  await waitFor(async () => expect(parseSettings(await book.readSettings()).overrides).toEqual(override));
  expect(screen.getByText(/設定が変わりました/)).toBeTruthy();
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toBe("設定をこのブックに保存しました。"));

  await validateNow("検証", 20000);
  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  expect(overrideSelect("取組状況").value).toBe(chosen.value);
  const { profile, layout } = names("kodaira-chosahyo", "survey");
  expect(sheetItem("取組状況").textContent).toMatch(new RegExp(`${profile}（${layout}）・一致 \\d+%`));
  for (const [sheet, [profileId, layoutId]] of Object.entries(EXPECTED_PROFILES)) {
    if (sheet === "取組状況") continue;
    const n = names(profileId, layoutId);
    expect(sheetItem(sheet).textContent).toContain(`${n.profile}（${n.layout}）・一致 100%`);
  }

  // The findings are the core's with that choice: the 調査票 labels are missing on 取組状況 (errors), and what the
  // 取組状況 profile found there (HTML residue, 完了 but still scheduled) is gone; 目次 has no 取組状況 records to list.
  const after = validateWorkbook(mixed.snapshot, { profiles: BUILT_IN_PROFILES, overrides: override }).findings;
  const shown = shownFindings();
  expect(shown.sort()).toEqual(after.map(key).sort());
  expect(shownCounts()).toEqual(countsOf(after));
  const onSheet = (fs: readonly Finding[], sheet: string) => fs.filter((f) => f.sheet === sheet);
  const ruleIds = (fs: readonly Finding[]) => [...new Set(fs.map((f) => f.ruleId))].sort();
  expect(ruleIds(onSheet(before, "取組状況"))).toEqual(expect.arrayContaining(["DONE-BUT-SCHEDULED", "TEXT-HTML"]));
  expect(ruleIds(onSheet(after, "取組状況"))).toEqual(["LABEL-MISSING"]);
  expect(onSheet(after, "取組状況").every((f) => f.severity === "error")).toBe(true);
  const errors = countsOf(before).error + onSheet(after, "取組状況").length;
  expect(screen.getByTestId("count-error").textContent).toBe(`エラー ${errors} 件`);
  const untouched = (fs: readonly Finding[]) => fs.filter((f) => f.sheet !== "取組状況" && f.sheet !== "目次").map(key);
  expect(untouched(after)).toEqual(untouched(before));

  // The choice travels with the file: saved, opened again, and checked by the CLI, which uses it.
  const bytes = await book.toBytes();
  const reopened = await XlsxWorkbook.load(bytes);
  expect(parseSettings(await reopened.readSettings()).overrides).toEqual(override);
  const file = path.join(dir, "mixed.xlsx");
  writeFileSync(file, bytes);
  const run = await cli(["validate", file, "--json"]);
  const doc = JSON.parse(run.stdout) as { files: { sheets: { name: string; profile: string | null }[]; findings: Finding[] }[] };
  expect(run.code).toBe(1); // error findings
  const withSeverity = (f: Finding) => `${key(f)}|${f.severity}`;
  expect(doc.files[0].findings.map(withSeverity).sort()).toEqual(after.map(withSeverity).sort());
  expect(doc.files[0].sheets.find((s) => s.name === "取組状況")?.profile).toBe("kodaira-chosahyo");

  // Back to 自動で判定: the choice is removed from the workbook and the findings are as before.
  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  fireEvent.change(overrideSelect("取組状況"), { target: { value: "" } });
  await waitFor(async () => expect(parseSettings(await book.readSettings()).overrides).toEqual({}));
  await validateNow("検証", 20000);
  expect(shownFindings().sort()).toEqual(before.map(key).sort());
});
