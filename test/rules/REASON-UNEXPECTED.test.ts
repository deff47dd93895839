/**
 * @jest-environment node
 *
 * REASON-UNEXPECTED (reason-unexpected.ts) on a 武蔵野 取組状況: a 未着手・中止の理由 given while every 実施状況 is ◎ or
 * ○ is a warning at the reason cell (B9 for one 年次計画 row). Silent when any status is △/×, missing or unreadable
 * (other rules report those), and when the reason is empty or only `—`.
 */
import { check, type MusashinoPlan, musashinoSheet } from "./harness";

const RULE = "REASON-UNEXPECTED";

const plan = (status: string | null): MusashinoPlan => ({ cells: ["検討", "→", "→", "→"], status });

describe("指摘しない", () => {
  test("○ で理由が空、または「—」", () => {
    expect(check("musashino-torikumi", musashinoSheet([{ plans: [plan("○")] }, { plans: [plan("◎")], reason: "—" }])).of(RULE)).toEqual([]);
  });

  test("△ があれば理由は要る", () => {
    expect(check("musashino-torikumi", musashinoSheet([{ plans: [plan("○"), plan("△")], reason: "予算の都合" }])).of(RULE)).toEqual([]);
  });

  test("実施状況に空欄や読めない記号があれば出さない", () => {
    const empty = check("musashino-torikumi", musashinoSheet([{ plans: [plan("○"), plan(null)], reason: "予算の都合" }]));
    expect(empty.of(RULE)).toEqual([]);
    expect(empty.cells("REQUIRED-MISSING")).toEqual(["B10"]);
    expect(check("musashino-torikumi", musashinoSheet([{ plans: [plan("○"), plan("済")], reason: "予算の都合" }])).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("○ だけで理由があれば、理由の欄 B9 に警告", () => {
    const r = check("musashino-torikumi", musashinoSheet([{ plans: [plan("○")], reason: "予算の都合" }]));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "B9",
        ja: "「未着手・中止の理由」が記入されていますが、実施状況はすべて ◎（完了）か ○（実施中）です。実施状況が正しいか確認し、正しければ理由の欄を空欄にしてください。",
      }),
    ]);
  });

  test("○ と ◎ の2行なら B12 に1件", () => {
    expect(check("musashino-torikumi", musashinoSheet([{ plans: [plan("○"), plan("◎")], reason: "予算の都合" }])).cells(RULE)).toEqual(["B12"]);
  });
});
