/**
 * @jest-environment node
 *
 * TEXT-HTML (text-html.ts): HTML residue left in a text (`<p>`, `<br>`, `<ul style=…>`) is a warning at its cell,
 * naming the field and the tags, with a fix that strips them and keeps the paragraphs as line breaks. A `<` that opens
 * no tag (「5<10」, 「<目的・ねらい>」) is text.
 */
import { check, kodairaSurvey, programSheet } from "./harness";

const RULE = "TEXT-HTML";

describe("小平 調査票", () => {
  test("タグのない文章、不等号、<目的・ねらい> の見出しは指摘しない", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey()).of(RULE)).toEqual([]);
    expect(check("kodaira-chosahyo", kodairaSurvey({ result: "件数が 5<10 の課は見直した。" })).of(RULE)).toEqual([]);
  });

  test("取組実績 D8 の <p>…</p> は D8 に警告、欄とタグを示す", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ result: "<p>12件を見直した。</p><p>残りは来年度。</p>" }));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "warning", cell: "D8", ja: "取組実績(D)にHTMLのタグ（<p>）が残っています。タグを取り除き、改行に置き換えられます。" }),
    ]);
    const f = r.report.findings.find((x) => x.ruleId === RULE)!;
    expect(f.fix?.edits).toEqual([{ sheet: "No.1", cell: "D8", before: "<p>12件を見直した。</p><p>残りは来年度。</p>", after: "12件を見直した。\n残りは来年度。" }]);
  });

  test("当初予定 A8 の <ul><li> はタグの名前を3つまで示す", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ plan: '<ul style="list-style-type: none"><li>見直す</li></ul>' }));
    expect(r.cells(RULE)).toEqual(["A8"]);
    expect(r.of(RULE)[0].ja).toContain("（<ul> <li>）");
  });
});

describe("推進プログラム", () => {
  test("2行目の主な取組の方向性 C7 の <br> は C7 に、見出しの言葉で", () => {
    const r = check("kodaira-program", programSheet([{}, { purpose: "事務を効率化する。<br>経費を減らす。" }]));
    expect(r.cells(RULE)).toEqual(["C7"]);
    expect(r.of(RULE)[0].ja).toMatch(/^「主な取組の方向性」にHTMLのタグ（<br>）/);
  });
});
