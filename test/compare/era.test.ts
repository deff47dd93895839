/**
 * @jest-environment node
 *
 * 平成 → 令和 between the two years: 小平's sample rolled on once (平成30年度) and twice (令和元年度, 2019). Every label
 * and title changes its era (`平成30年度 当初予定(P)` → `令和元年度 当初予定(P)`); the items still pair by their No.,
 * the years read as 2018 and 2019, and the CLI names them 平成30年度 → 令和元年度.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { compareYears } from "../../src/core/compare/compare";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { cli } from "../helpers/cli";
import { rolled, seed, validated } from "./next-year";

jest.setTimeout(120_000);

test("平成30年度と令和元年度: 58件すべてが番号で対になり、年度は 2018 → 2019", async () => {
  const h29 = seed("kodaira-h29.xlsx");
  const h30 = await validated(await rolled(h29, 1));
  const r1 = await validated(await rolled(h29, 2));
  expect(r1.report.records.find((r) => r.sheet === "No.1")?.labelsRead?.plan).toBe("令和元年度 当初予定(P)");
  const r = compareYears(h30.report, r1.report, BUILT_IN_PROFILES);
  if (!r.ok) throw new Error(r.refusal.kind);
  expect([r.comparison.lastYear, r.comparison.thisYear]).toEqual([2018, 2019]);
  expect(r.comparison.totals.items.continued).toBe(58);
  expect(new Set(r.comparison.items.map((x) => x.matchedBy))).toEqual(new Set(["id"]));
  // The rolled (P) is last year's (P) again: both rolls carried the sample's (A), so it is reflected.
  expect(r.comparison.items.flatMap((x) => x.carry).filter((c) => !c.reflected)).toEqual([]);

  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-era-"));
  try {
    writeFileSync(path.join(dir, "h30.xlsx"), h30.bytes);
    writeFileSync(path.join(dir, "r1.xlsx"), r1.bytes);
    const out = await cli(["compare", path.join(dir, "h30.xlsx"), path.join(dir, "r1.xlsx")]);
    expect(out.stdout.split("\n")[0]).toBe("■ 前年度比較: 平成30年度 → 令和元年度");
    expect((await cli(["compare", path.join(dir, "h30.xlsx"), path.join(dir, "r1.xlsx"), "--lang", "en"])).stdout.split("\n")[0]).toBe("■ Year over year: FY2018 → FY2019");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
