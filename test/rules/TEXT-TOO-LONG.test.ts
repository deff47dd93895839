/**
 * @jest-environment node
 *
 * TEXT-TOO-LONG (text-too-long.ts): a text over Excel's 32,767 characters (counted as characters, so a character
 * outside the BMP counts once), or over a form field's `maxLength` in the profile, is an error at its cell, with the
 * length and the limit.
 */
import type { Profile } from "../../src/core/profile/types";
import { builtInProfile } from "../../src/core/profiles";
import { check, kodairaSurvey, mitakaActions } from "./harness";

const RULE = "TEXT-TOO-LONG";

describe("Excel の上限 32,767 文字", () => {
  test("ちょうど 32,767 文字は指摘しない", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey({ result: "あ".repeat(32767) })).of(RULE)).toEqual([]);
  });

  test("サロゲートペアの文字は1文字と数える: 20,000 文字（40,000 符号単位）は上限内", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey({ result: "𠮷".repeat(20000) })).of(RULE)).toEqual([]);
  });

  test("32,768 文字の取組実績 D8 は D8 にエラー、文字数と上限を示す", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ result: "あ".repeat(32768) }));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "error", cell: "D8", ja: "取組実績(D)が32768文字あり、上限の32767文字を超えています。内容を短くしてください。" }),
    ]);
  });

  test("三鷹 アクションプランの取組状況等 B7 も", () => {
    const r = check("mitaka-actionplan", mitakaActions([{ progress: "い".repeat(40000) }]));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("40000文字");
  });
});

describe("プロファイルの maxLength", () => {
  // The built-in 調査票 sets no maxLength: a profile that limits 取組実績 to 20 characters.
  const limited = (): Profile => {
    const p = builtInProfile("kodaira-chosahyo")!;
    return {
      ...p,
      layouts: p.layouts.map((l) => (l.shape === "form" ? { ...l, fields: l.fields.map((f) => (f.id === "result" ? { ...f, maxLength: 20 } : f)) } : l)),
    };
  };

  test("20 文字までは指摘しない", () => {
    expect(check(limited(), kodairaSurvey({ result: "あ".repeat(20) })).of(RULE)).toEqual([]);
  });

  test("21 文字は D8 に、上限 20 を示す", () => {
    const r = check(limited(), kodairaSurvey({ result: "あ".repeat(21) }));
    expect(r.cells(RULE)).toEqual(["D8"]);
    expect(r.of(RULE)[0].ja).toContain("21文字あり、上限の20文字を超えています");
  });
});
