/**
 * @jest-environment node
 *
 * 年度更新 of the 武蔵野 sample (seeds/musashino-h29.xlsx, 取組状況 平成29年度末時点): the title's 年度末時点 moves on
 * (the plan period in the same title stays), every 実施状況, its reason and the year's 取組状況 text are cleared, the
 * 年次計画 stays.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { cellText } from "../../src/core/model/cell";
import { toA1 } from "../../src/core/model/address";
import type { SheetGrid } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { rollWorkbook } from "../../src/workbook/xlsx/roll";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";

jest.setTimeout(60_000);

const SAMPLE = readFileSync(path.join(ROOT, "seeds", "musashino-h29.xlsx"));
const opts = { profiles: BUILT_IN_PROFILES, aids: false as const };
const at = (g: SheetGrid, a1: string) => {
  for (let r = 0; r < g.rows.length; r++) for (let c = 0; c < g.rows[r].length; c++) if (toA1(g.top + r, g.left + c) === a1) return cellText(g.rows[r][c]);
  return "";
};

test("表題は平成30年度末時点へ、計画期間（平成 29～32 年度）はそのまま", async () => {
  const r = await rollWorkbook(SAMPLE, "m.xlsx", opts);
  if (!r.ok) throw new Error("refused");
  const after = (await (await XlsxWorkbook.load(r.bytes)).readAll()).sheets.find((s) => s.name === "取組状況")!;
  expect(at(after, "A1")).toBe("武蔵野市行財政改革アクションプラン（平成 29～32 年度） 取組状況（平成 30 年度末時点）");
});

test("実施状況・理由・取組状況の文は空になり、年次計画・事業名・担当課は残る", async () => {
  const before = validateWorkbook(await (await XlsxWorkbook.load(SAMPLE)).readAll(), opts);
  const r = await rollWorkbook(SAMPLE, "m.xlsx", opts);
  if (!r.ok) throw new Error("refused");
  const after = validateWorkbook(await (await XlsxWorkbook.load(r.bytes)).readAll(), opts);
  const records = (rep: typeof before) => rep.records.filter((x) => x.layoutId === "torikumi");
  expect(records(after).length).toBe(records(before).length);
  expect(after.fiscalYear).toBe(2018);
  for (const rec of records(after)) {
    expect([rec.title?.text, rec.codes.status?.raw ?? null, rec.texts.result?.text ?? null, rec.texts.reason?.text ?? null]).toEqual([rec.title?.text, null, null, null]);
    for (const p of rec.plans ?? []) expect(p.status?.raw ?? null).toBeNull();
  }
  // The 年次計画 cells are as they were, cell for cell.
  const plans = (rep: typeof before) => records(rep).flatMap((x) => (x.plans ?? []).flatMap((p) => p.cells.map((c) => `${x.title?.text}|${c.fiscalYear}|${c.text}`)));
  expect(plans(after)).toEqual(plans(before));
  expect(plans(before).length).toBeGreaterThan(200);
  // What was cleared: one change per filled status, reason and text cell, plus the title.
  const kinds = new Map<string, number>();
  for (const c of r.plan.changes) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  expect(kinds.get("year")).toBe(1);
  expect(r.plan.changes.filter((c) => c.kind !== "year").every((c) => c.after === null && c.before !== "")).toBe(true);
});
