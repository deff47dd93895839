import {
  EXCEL_MAX_CELL_CHARS,
  findInvisible,
  hasHtmlResidue,
  normalizeForCompare,
  splitOutsideQuotes,
  normalizeLabel,
  normalizeValueChars,
  stripHtml,
  trimInvisible,
} from "../../../src/core/values/text";

describe("normalizeLabel", () => {
  test("NFKC にして空白(改行・全角空白・NBSP)を全部除く", () => {
    expect(normalizeLabel("現状値 (計画初期値)\n平成２９年３月末")).toBe("現状値(計画初期値)平成29年3月末");
    expect(normalizeLabel("平成29年度\u3000当初予定(P)")).toBe("平成29年度当初予定(P)");
    expect(normalizeLabel("行 革 本\u00a0部")).toBe("行革本部");
  });

  test("HTML タグは除くが <目的・ねらい> <市税> のような本文は残す", () => {
    expect(normalizeLabel('<ul style="list-style-type: none"> ・市民活動</p><p>支援<br/>')).toBe("・市民活動支援");
    expect(normalizeLabel("<目的・ねらい> ・協働の推進")).toBe("<目的・ねらい>・協働の推進");
    expect(normalizeLabel("<市税> 現年分")).toBe("<市税>現年分");
    expect(normalizeLabel("<pre>x</pre> <P>y</P>")).toBe("<pre>x</pre>y");
  });

  test("空白を除いたあとに現れるタグ(< br>)も除き、結果は不動点", () => {
    expect(normalizeLabel("a< br>b")).toBe("ab");
    expect(normalizeLabel("a<<p>p>b")).toBe("ab");
    for (const s of ["a< br>b", "<<p>p>", "x<b<p>>y", "e \u0301", "\u00a8", "＜ｐ＞"]) {
      expect(normalizeLabel(normalizeLabel(s))).toBe(normalizeLabel(s));
    }
  });

  test("丸数字は NFKC で数字になる(ラベルは比較用なので構わない)", () => {
    expect(normalizeLabel("①ごみ量")).toBe("1ごみ量");
  });

  test("タグが入れ子に作られる悪い入力でも線形時間で不動点になる", () => {
    const s = "<".repeat(20000) + "p>".repeat(20000);
    const t0 = Date.now();
    expect(normalizeLabel(s)).toBe("");
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test("ASCII だけの文字列はそのまま返す(速い道)", () => {
    expect(normalizeLabel("ABC-123")).toBe("ABC-123");
  });
});

describe("normalizeForCompare", () => {
  test("先頭の ・ を除いて比べる(目的・ねらいの行頭記号)", () => {
    expect(normalizeForCompare("・市民サービスを 安定的に")).toBe("市民サービスを安定的に");
    expect(normalizeForCompare("地域と学校の連携・協働の 推進")).toBe(normalizeForCompare("地域と学校の連携・協働の推進"));
    expect(normalizeForCompare("・・x")).toBe("x");
    expect(normalizeForCompare("･x")).toBe("x");
  });
});

describe("stripHtml (TEXT-HTML fix)", () => {
  test("</p> <p> は一つの改行、先頭と末尾のタグは消える", () => {
    expect(stripHtml("<p>来年度は、検討する。</p> <p>・複数の民間事業者と協定</p>")).toBe("来年度は、検討する。\n・複数の民間事業者と協定");
  });

  test("閉じていない <ul style=…> は消え、中身の ・ の並びはそのまま", () => {
    expect(stripHtml('<ul style="list-style-type: none"> ・一般ボランティア ・宅配')).toBe("・一般ボランティア ・宅配");
  });

  test("<br> と </li><li> は改行", () => {
    expect(stripHtml("a<br>b<br/>c")).toBe("a\nb\nc");
    expect(stripHtml("<ul><li>一</li><li>二</li></ul>")).toBe("一\n二");
  });

  test("インラインのタグは消すだけ、タグでない <市税> は残す", () => {
    expect(stripHtml("a <b>強調</b> b")).toBe("a 強調 b");
    expect(stripHtml("<市税> 現年分")).toBe("<市税> 現年分");
  });

  test("タグのない文字列は一切変えない", () => {
    for (const s of ["  前後の空白  ", "\n改行\n", ""]) expect(stripHtml(s)).toBe(s);
  });

  test("hasHtmlResidue はタグだけを見つける", () => {
    expect(hasHtmlResidue("<p>x</p>")).toBe(true);
    expect(hasHtmlResidue('<ul style="list-style-type: none">')).toBe(true);
    expect(hasHtmlResidue("<目的・ねらい>")).toBe(false);
    expect(hasHtmlResidue("a < b > c")).toBe(false);
  });
});

describe("invisible characters", () => {
  test("ゼロ幅文字と前後の空白(全角空白を含む)を見つける", () => {
    expect(findInvisible("A\u200B")).toEqual({ zeroWidth: true, leadingOrTrailingSpace: false });
    expect(findInvisible("財政課\u3000")).toEqual({ zeroWidth: false, leadingOrTrailingSpace: true });
    expect(findInvisible(" x")).toEqual({ zeroWidth: false, leadingOrTrailingSpace: true });
    expect(findInvisible("x")).toEqual({ zeroWidth: false, leadingOrTrailingSpace: false });
    expect(findInvisible("")).toEqual({ zeroWidth: false, leadingOrTrailingSpace: false });
    for (const zw of ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"]) expect(findInvisible(`a${zw}b`).zeroWidth).toBe(true);
  });

  test("trimInvisible はゼロ幅文字をどこでも、空白を両端で除く", () => {
    expect(trimInvisible("\u3000政策\u200B課 \n")).toBe("政策課");
    expect(trimInvisible("a b")).toBe("a b");
  });

  test("Excel のセル上限は 32767 文字", () => {
    expect(EXCEL_MAX_CELL_CHARS).toBe(32767);
  });
});

describe("normalizeValueChars", () => {
  test("全角数字と ，．％：（）／＋－ だけを ASCII にし、丸数字は残す", () => {
    expect(normalizeValueChars("①１，２３４．５％（平成２９年度）")).toBe("①1,234.5%(平成29年度)");
    expect(normalizeValueChars("＋１／２：－３")).toBe("+1/2:-3");
    expect(normalizeValueChars("Ａ")).toBe("Ａ");
  });

  test("文字数は変わらない(位置がそのまま使える)", () => {
    const s = "①１，２３４人（注１）";
    expect(normalizeValueChars(s)).toHaveLength(s.length);
  });
});

describe("splitOutsideQuotes", () => {
  it("splits a multi-area address, not at the comma inside a quoted sheet name", () => {
    expect(splitOutsideQuotes("Sheet1!A1:B2,'a,b'!C3:D4", ",", "'")).toEqual(["Sheet1!A1:B2", "'a,b'!C3:D4"]);
  });
  it("splits a number format into sections, not at a semicolon inside quoted text", () => {
    expect(splitOutsideQuotes('[>2]">200%";"a;b"0;0.0%', ";", '"')).toEqual(['[>2]">200%"', '"a;b"0', "0.0%"]);
  });
  it("keeps empty parts, and gives the whole text when there is no separator", () => {
    expect(splitOutsideQuotes("0;;", ";", '"')).toEqual(["0", "", ""]);
    expect(splitOutsideQuotes("General", ";", '"')).toEqual(["General"]);
  });
});
