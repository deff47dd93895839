/**
 * @jest-environment node
 *
 * REASON-REQUIRED (reason-required.ts) on a 武蔵野 取組状況: a 実施状況 of △ (未着手) or × (中止) with an empty
 * 未着手・中止の理由 (or only `—`) is an error at the reason cell (B9 for a project with one 年次計画 row), once per
 * project, naming the statuses. ◎ and ○ need no reason.
 */
import { check, type MusashinoProject, musashinoSheet } from "./harness";

const RULE = "REASON-REQUIRED";

const project = (status: string, reason: string | null = null): MusashinoProject => ({ plans: [{ cells: ["検討", "→", "→", "→"], status }], reason });

describe("指摘しない", () => {
  test("◎ と ○ は理由がなくてよい", () => {
    expect(check("musashino-torikumi", musashinoSheet([project("◎"), project("○")])).of(RULE)).toEqual([]);
  });

  test("△ と × に理由があれば指摘しない", () => {
    expect(check("musashino-torikumi", musashinoSheet([project("△", "調整中のため"), project("×", "制度の廃止のため")])).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("△ で理由が空なら、理由の欄 B9 にエラー、実施状況の意味を示す", () => {
    const r = check("musashino-torikumi", musashinoSheet([project("△")]));
    expect(r.of(RULE)).toEqual([expect.objectContaining({ severity: "error", cell: "B9" })]);
    expect(r.of(RULE)[0].ja).toMatch(/^実施状況が △（未着手） ですが、「未着手・中止の理由」が記入されていません。/);
  });

  test("× で理由が「—」だけなら空欄と同じ。2つ目の事業（10行目から）なら B18", () => {
    const r = check("musashino-torikumi", musashinoSheet([project("○"), project("×", "—")]));
    expect(r.cells(RULE)).toEqual(["B18"]);
    expect(r.of(RULE)[0].ja).toContain("×（中止）");
  });

  test("表記ゆれの x も × として理由を求める", () => {
    expect(check("musashino-torikumi", musashinoSheet([project("x")])).cells(RULE)).toEqual(["B9"]);
  });

  test("年次計画が2つで △ と × なら、1件に両方を示す（B12）", () => {
    const r = check(
      "musashino-torikumi",
      musashinoSheet([
        {
          plans: [
            { cells: ["検討", "→", "→", "→"], status: "△" },
            { cells: ["実施", "→", "—", "—"], status: "×" },
          ],
        },
      ]),
    );
    expect(r.cells(RULE)).toEqual(["B12"]);
    expect(r.of(RULE)[0].ja).toContain("△（未着手）");
    expect(r.of(RULE)[0].ja).toContain("×（中止）");
  });
});
