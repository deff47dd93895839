/**
 * @jest-environment node
 *
 * A legacy shared workbook (共有ブック): Excel keeps its change history in revision parts (`xl/revisions/`) and allows
 * no tables in it; it refuses to share a workbook that has one. LibreOffice writes the same parts for a file saved
 * while recording changes (test/fixtures/preserve/lo-kodaira-shared.xlsx). Summaries written into such a workbook
 * give each list a filter on the same cells instead of a table, say so, and carry the revision parts over unchanged.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8 } from "fflate";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec } from "../../src/core/sheet-spec";
import type { WriteSheetResult } from "../../src/workbook/port";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { checkAmendedParts, readPackage, sheetParts } from "../helpers/package-diff";
import { Package } from "../../src/workbook/xlsx/package";
import { readZip } from "../../src/workbook/xlsx/zip";

jest.setTimeout(60_000);

const SHARED = new Uint8Array(readFileSync(path.join(ROOT, "test", "fixtures", "preserve", "lo-kodaira-shared.xlsx")));
const AT = new Date(2026, 10, 22, 9, 30);
const REVISION_PARTS = ["xl/revisions/revisionHeaders.xml", "xl/revisions/revisionLog1.xml", "xl/revisions/userNames.xml", "xl/revisions/_rels/revisionHeaders.xml.rels"];

async function summarise(bytes: Uint8Array) {
  const book = await XlsxWorkbook.load(bytes);
  const rep = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
  const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT });
  const results = await book.writeOwnedSheets(specs);
  return { specs, results, saved: await book.toBytes() };
}

/** The workbook's `_xlnm._FilterDatabase` names: [localSheetId, hidden, value]. */
function filterNames(pkg: Map<string, Uint8Array>): [number, boolean, string][] {
  const wb = strFromU8(pkg.get("xl/workbook.xml")!);
  return [...wb.matchAll(/<definedName name="_xlnm\._FilterDatabase"([^>]*)>([^<]*)<\/definedName>/g)].map((m) => [
    Number(/localSheetId="(\d+)"/.exec(m[1])![1]),
    /hidden="1"/.test(m[1]),
    m[2].replace(/&apos;/g, "'"),
  ]);
}

/** What a written workbook says of each summary with a list: its filter, its table parts, its filter name. */
function listsOf(saved: Uint8Array, specs: readonly SheetSpec[], results: readonly WriteSheetResult[]) {
  const parts = sheetParts(saved);
  const order = [...parts.keys()];
  const names = filterNames(readPackage(saved));
  return specs.flatMap((spec, i) => {
    if (!spec.tables?.length) return [];
    const sheet = results[i].name;
    const xml = strFromU8(readPackage(saved).get(parts.get(sheet)!)!);
    return [{ sheet, range: spec.tables[0].range, filter: /<autoFilter ref="([^"]+)"\/>/.exec(xml)?.[1], tableParts: /<tableParts\b/.test(xml), name: names.filter(([at]) => order[at] === sheet) }];
  });
}

const a1 = (r: { top: number; left: number; bottom: number; right: number }) => {
  const col = (c: number) => String.fromCharCode(65 + c);
  return `${col(r.left)}${r.top + 1}:${col(r.right)}${r.bottom + 1}`;
};
const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

test("共有ブックに書く集計は、一覧をテーブルにせず同じ範囲にフィルターを付け（名前 _FilterDatabase つき）、変更履歴の部品はそのまま残す", async () => {
  const { specs, results, saved } = await summarise(SHARED);
  const lists = listsOf(saved, specs, results);
  expect(lists.length).toBeGreaterThanOrEqual(3);
  for (const l of lists) {
    const ref = a1(l.range);
    expect(l).toEqual({ ...l, filter: ref, tableParts: false, name: [[expect.any(Number), true, `'${l.sheet}'!${absolute(ref)}`]] });
  }
  const pkg = readPackage(saved);
  expect([...pkg.keys()].filter((p) => p.startsWith("xl/tables/"))).toEqual([]);
  expect(strFromU8(pkg.get("[Content_Types].xml")!)).not.toContain("table+xml");
  // The change history, byte for byte; the amended parts hold together (order, names, relationships).
  const before = readPackage(SHARED);
  for (const part of REVISION_PARTS) expect([part, Buffer.compare(Buffer.from(pkg.get(part)!), Buffer.from(before.get(part)!))]).toEqual([part, 0]);
  expect(checkAmendedParts(SHARED, saved)).toEqual([]);
  // Each sheet that would have had a table says why it has none.
  expect(results.filter((r) => r.omitted?.includes("table")).map((r) => r.name)).toEqual(lists.map((l) => l.sheet));
});

test("作り直しても _FilterDatabase はシートごとに1つ（前回の分を置き換える）", async () => {
  const first = await summarise(SHARED);
  const again = await summarise(first.saved);
  expect(again.results.every((r) => r.replaced)).toBe(true);
  const names = filterNames(readPackage(again.saved));
  expect(names.length).toBe(listsOf(again.saved, again.specs, again.results).length);
  expect(new Set(names.map(([at]) => at)).size).toBe(names.length);
  expect(checkAmendedParts(first.saved, again.saved)).toEqual([]);
});

test("共有しない印（shared=\"0\"）の変更履歴や、変更履歴のないブックには、これまでどおりテーブルを作る", async () => {
  const pkg = Package.open(SHARED);
  pkg.set("xl/revisions/revisionHeaders.xml", pkg.text("xl/revisions/revisionHeaders.xml")!.replace(/<headers /, '<headers shared="0" '));
  const unshared = pkg.toBytes();
  for (const bytes of [unshared, new Uint8Array(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")))]) {
    const { specs, results, saved } = await summarise(bytes);
    const lists = listsOf(saved, specs, results);
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(lists.every((l) => l.tableParts && l.filter === undefined && l.name.length === 0)).toBe(true);
    expect(results.some((r) => r.omitted?.includes("table"))).toBe(false);
  }
});

test("CLI の集計は、共有ブックであることと、一覧にフィルターを付けたことを伝える", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-shared-"));
  try {
    const input = path.join(ROOT, "test", "fixtures", "preserve", "lo-kodaira-shared.xlsx");
    const ja = await cli(["summarize", input, "-o", path.join(dir, "ja.xlsx")]);
    expect([ja.code, ja.stderr]).toEqual([0, ""]);
    expect(ja.stdout).toContain("このブックは共有ブック（従来の共有機能）です。共有ブックにはテーブルを置けないため、一覧は見出しにフィルターを付けました。");
    const en = await cli(["summarize", input, "-o", path.join(dir, "en.xlsx"), "--lang", "en"]);
    expect(en.stdout).toContain("This is a legacy shared workbook, which cannot hold tables");
    expect([...readPackage(new Uint8Array(readFileSync(path.join(dir, "ja.xlsx")))).keys()].some((p) => p.startsWith("xl/tables/"))).toBe(false);
    const plain = await cli(["summarize", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", path.join(dir, "plain.xlsx")]);
    expect(plain.stdout).not.toContain("共有ブック");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The package with the CRC of `part` changed in the central directory: inflating that part fails its check. */
function damagedEntry(bytes: Uint8Array, part: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  const name = Buffer.from(part);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const length = view.getUint16(i + 28, true);
    if (length === name.length && Buffer.from(out.subarray(i + 46, i + 46 + length)).equals(name)) {
      view.setUint32(i + 16, view.getUint32(i + 16, true) ^ 0xffff, true);
      return out;
    }
  }
  throw new Error(`${part} not in the central directory`);
}

test("変更履歴の見出し部品が壊れていても集計は書ける：共有ブックとみなしてフィルターを付け、その部品はそのまま残す", async () => {
  const bytes = damagedEntry(SHARED, "xl/revisions/revisionHeaders.xml");
  expect(() => Package.open(bytes).text("xl/revisions/revisionHeaders.xml")).toThrow(expect.objectContaining({ code: "corrupt-part" }));
  const { specs, results, saved } = await summarise(bytes);
  const lists = listsOf(saved, specs, results);
  expect(lists.length).toBeGreaterThanOrEqual(3);
  expect(lists.every((l) => !l.tableParts && l.filter === a1(l.range))).toBe(true);
  // Carried over as it came, damage and all: the stored entry is the input's.
  const entry = (b: Uint8Array) => readZip(b).find((e) => e.name === "xl/revisions/revisionHeaders.xml")!;
  expect([entry(saved).crc, Buffer.from(entry(saved).raw).equals(Buffer.from(entry(bytes).raw))]).toEqual([entry(bytes).crc, true]);
});
