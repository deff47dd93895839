import { RATING_SAB, STATUS_SYMBOLS, parseCode } from "../../../src/core/values/codes";
import type { CodeSet } from "../../../src/core/values/types";

describe("RATING_SAB", () => {
  test("S A B はそのまま ok", () => {
    for (const c of ["S", "A", "B"]) expect(parseCode(c, RATING_SAB)).toEqual({ raw: c, status: "ok", code: c });
  });

  test("意味は凡例(001:7-11)のとおり", () => {
    expect(RATING_SAB.codes.map((c) => [c.code, c.meaning.ja])).toEqual([
      ["S", "年度当初の予定以上に進捗"],
      ["A", "年度当初の予定どおりに進捗"],
      ["B", "年度当初の予定よりも遅れている"],
    ]);
  });

  test("全角のＡは修正候補付きの変種として読む", () => {
    expect(parseCode("Ａ", RATING_SAB)).toEqual({ raw: "Ａ", status: "variant", code: "A", fixedText: "A" });
    expect(parseCode("Ｓ", RATING_SAB).code).toBe("S");
    expect(parseCode("Ｂ", RATING_SAB).status).toBe("variant");
  });

  test("小文字・A評価・前後の空白(全角空白・ゼロ幅を含む)も変種", () => {
    expect(parseCode("s", RATING_SAB)).toMatchObject({ status: "variant", code: "S", fixedText: "S" });
    expect(parseCode("A評価", RATING_SAB)).toMatchObject({ status: "variant", code: "A", fixedText: "A" });
    expect(parseCode(" B ", RATING_SAB)).toMatchObject({ status: "variant", code: "B", fixedText: "B" });
    expect(parseCode("A\u3000", RATING_SAB)).toMatchObject({ status: "variant", fixedText: "A" });
    expect(parseCode("A\u200B", RATING_SAB)).toMatchObject({ status: "variant", fixedText: "A" });
  });

  test("評価のあとの空白とコメントは comment に分ける(001:100)", () => {
    expect(parseCode("A No.2-7については目標に達しなかったが、No.2-1～6の取組みについては、目標を達成した。", RATING_SAB)).toEqual({
      raw: "A No.2-7については目標に達しなかったが、No.2-1～6の取組みについては、目標を達成した。",
      status: "ok",
      code: "A",
      comment: "No.2-7については目標に達しなかったが、No.2-1～6の取組みについては、目標を達成した。",
    });
    expect(parseCode("A\n予定どおり実施した。", RATING_SAB)).toMatchObject({ status: "ok", code: "A", comment: "予定どおり実施した。" });
  });

  test("変種の評価 + コメントは、元の区切りを保った修正文をもつ", () => {
    expect(parseCode("Ａ\u3000予定どおり", RATING_SAB)).toEqual({
      raw: "Ａ\u3000予定どおり",
      status: "variant",
      code: "A",
      comment: "予定どおり",
      fixedText: "A\u3000予定どおり",
    });
  });

  test("C・AA・済・記号は invalid、空白だけは empty", () => {
    for (const c of ["C", "AA", "済", "○", "A予定どおり", "1"]) expect(parseCode(c, RATING_SAB).status).toBe("invalid");
    for (const c of ["", "  ", "\u3000", null, undefined]) expect(parseCode(c, RATING_SAB).status).toBe("empty");
  });

  test("数値や Date やエラー値でも落ちない", () => {
    expect(parseCode(3, RATING_SAB)).toEqual({ raw: "3", status: "invalid" });
    expect(parseCode({ error: "#N/A" }, RATING_SAB)).toEqual({ raw: "#N/A", status: "invalid" });
    expect(parseCode(new Date(0), RATING_SAB).status).toBe("invalid");
  });
});

describe("STATUS_SYMBOLS", () => {
  test("◎ ○ △ × はそのまま ok、意味は 完了/実施中/未着手/中止", () => {
    for (const c of ["◎", "○", "△", "×"]) expect(parseCode(c, STATUS_SYMBOLS)).toEqual({ raw: c, status: "ok", code: c });
    expect(STATUS_SYMBOLS.codes.map((c) => c.meaning.ja)).toEqual(["完了", "実施中", "未着手", "中止"]);
  });

  test("〇(U+3007) ◯(U+25EF) は ○ の変種", () => {
    expect(parseCode("〇", STATUS_SYMBOLS)).toEqual({ raw: "〇", status: "variant", code: "○", fixedText: "○" });
    expect(parseCode("◯", STATUS_SYMBOLS).code).toBe("○");
  });

  test("✕ ✖ X x は × の変種", () => {
    for (const c of ["✕", "✖", "X", "x"]) expect(parseCode(c, STATUS_SYMBOLS)).toMatchObject({ status: "variant", code: "×", fixedText: "×" });
  });

  test("▲ は設定で許したときだけ △ の変種", () => {
    expect(parseCode("▲", STATUS_SYMBOLS).status).toBe("invalid");
    const withTriangle: CodeSet = { ...STATUS_SYMBOLS, acceptBlackTriangle: true };
    expect(parseCode("▲", withTriangle)).toMatchObject({ status: "variant", code: "△", fixedText: "△" });
  });

  test("値を NFKC しない: ① や ● は invalid", () => {
    expect(parseCode("①", STATUS_SYMBOLS).status).toBe("invalid");
    expect(parseCode("●", STATUS_SYMBOLS).status).toBe("invalid");
  });

  test("プロファイルの追加変種を使える", () => {
    const set: CodeSet = { ...STATUS_SYMBOLS, variants: { 済: "◎" } };
    expect(parseCode("済", set)).toMatchObject({ status: "variant", code: "◎", fixedText: "◎" });
  });

  test("X は評価の集合では変種にならない", () => {
    expect(parseCode("X", RATING_SAB).status).toBe("invalid");
  });
});
