/**
 * Issue 11, metamorphic: the 小平 評価一覧 in either layout, the seed's (No. in a column of its own) and the one the
 * source document prints (the No. at the head of the title cell, groups merged down their rows, the header repeated
 * on the second page), gives the same LIST-MISMATCH findings: the same records, the same messages, each at the cell
 * of its own layout that holds the value it quotes.
 */
import type { Finding } from "../../src/core/model/finding";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import { parseA1 } from "../../src/core/model/address";
import { cellText } from "../../src/core/model/cell";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { multisetDiff, sample, sampleFiles } from "../helpers/metamorphic";

const SEED = "kodaira-h29.xlsx";
/** The other layouts of the same workbook: seeds/kodaira-h29-*.xlsx. */
const OTHER_LAYOUTS = sampleFiles().filter((f) => /^kodaira-h29-.+\.xlsx$/.test(f));

const validate = (s: WorkbookSnapshot) => validateWorkbook(s, { profiles: BUILT_IN_PROFILES });
const listMismatches = (s: WorkbookSnapshot) => validate(s).findings.filter((f) => f.ruleId === "LIST-MISMATCH");
const said = (f: Finding) => `${f.sheet} No.${f.recordId} ${f.message.ja} | ${f.message.en}`;

function textAt(grid: SheetGrid, row: number, col: number): string {
  return cellText(grid.rows[row - grid.top]?.[col - grid.left]).normalize("NFKC").replace(/\s+/g, "");
}

/** The finding's cell holds what its message quotes from the list, on the row of its record's No. */
function pointsAtItsValue(snapshot: WorkbookSnapshot, f: Finding): boolean {
  const grid = snapshot.sheets.find((s) => s.name === f.sheet)!;
  const at = parseA1(f.cell.split(":")[0])!;
  const quoted = /「(.+?)」が/.exec(f.message.ja)?.[1] ?? "";
  const names = quoted.split("、").map((n) => n.normalize("NFKC").replace(/\s+/g, ""));
  const here = textAt(grid, at.row, at.col);
  const row = [...Array(grid.rows[at.row - grid.top]?.length ?? 0).keys()].map((j) => textAt(grid, at.row, grid.left + j));
  const no = String(f.recordId);
  return names.every((n) => here.includes(n)) && row.some((t) => t === no || t.startsWith(`${no}【`) || new RegExp(`^${no}(?!\\d)`).test(t));
}

test("the seed's 評価一覧 has LIST-MISMATCH findings, each at the cell of the value it quotes", async () => {
  const seed = await sample(SEED);
  const found = listMismatches(seed);
  expect(found.length).toBeGreaterThan(0);
  for (const f of found) expect([f.cell, pointsAtItsValue(seed, f)]).toEqual([f.cell, true]);
});

/**
 * The seed with its 評価一覧 in the printed layout, made in memory: each No. written at the head of its title cell
 * (`9 【新規】 市民参加の…`) and the No. column removed.
 */
function noInTitleCell(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((g) => {
      if (g.name !== "評価一覧") return g;
      const find = (label: string) => {
        for (let i = 0; i < g.rows.length; i++) for (let j = 0; j < g.rows[i].length; j++) if (textAt(g, g.top + i, g.left + j) === label) return { row: g.top + i, col: g.left + j };
        throw new Error(`no ${label}`);
      };
      const no = find("No.");
      const title = find("取組項目");
      const rows = g.rows.map((r, i) => {
        const row = [...r];
        const id = row[no.col - g.left];
        if (g.top + i > no.row && id !== null && row[title.col - g.left] !== null) row[title.col - g.left] = `${cellText(id)} ${cellText(row[title.col - g.left])}`;
        row.splice(no.col - g.left, 1);
        return row;
      });
      const merges = g.merges
        .filter((m) => !(m.left === no.col && m.right === no.col))
        .map((m) => ({ ...m, left: m.left > no.col ? m.left - 1 : m.left, right: m.right >= no.col ? m.right - 1 : m.right }));
      return { ...g, rows, merges, numberFormats: undefined };
    }),
  };
}

test("the seed's 評価一覧 with each No. moved into its title cell, in memory: the same LIST-MISMATCH findings", async () => {
  const seed = await sample(SEED);
  const moved = noInTitleCell(seed);
  expect(textAt(moved.sheets[0], 12, 1)).toBe("9【新規】市民参加の更なる推進に係る検討");
  const expected = listMismatches(seed);
  const actual = listMismatches(moved);
  expect(multisetDiff(expected.map(said), actual.map(said))).toEqual({ missing: [], extra: [] });
  for (const f of actual) expect([f.cell, pointsAtItsValue(moved, f)]).toEqual([f.cell, true]);
});

describe.each(OTHER_LAYOUTS)("%s", (file) => {
  test("the same LIST-MISMATCH findings as the seed's layout, each at its own layout's cell", async () => {
    const seed = await sample(SEED);
    const other = await sample(file);
    const expected = listMismatches(seed);
    const actual = listMismatches(other);
    expect(multisetDiff(expected.map(said), actual.map(said))).toEqual({ missing: [], extra: [] });
    for (const f of actual) expect([f.cell, pointsAtItsValue(other, f)]).toEqual([f.cell, true]);
  });
});
