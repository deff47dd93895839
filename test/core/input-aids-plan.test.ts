/**
 * @jest-environment node
 *
 * The input aids (入力支援) a check's records lead to, on the sample workbooks: which cells get a list, which an input
 * message, which are highlighted as empty required cells and which stay editable on a protected sheet, by address.
 * The messages come from the profile (its code set, its rules and their parameters), so changing the profile changes
 * them; and every text keeps within Excel's limits.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { INPUT_AID_LIMITS, type InputAidsOptions, listFormula, planInputAids } from "../../src/core/input-aids/plan";
import type { InputValidation, SheetInputAids } from "../../src/core/input-aids/types";
import { rangeToA1 } from "../../src/core/model/address";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import type { Profile, Stage } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES, builtInProfile } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";

const snapshots = new Map<string, Promise<WorkbookSnapshot>>();
function seed(file: string): Promise<WorkbookSnapshot> {
  if (!snapshots.has(file)) snapshots.set(file, XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", file))).then((b) => b.readAll()));
  return snapshots.get(file)!;
}

async function plan(file: string, options: InputAidsOptions & { stage?: Stage } = {}, profiles: readonly Profile[] = BUILT_IN_PROFILES) {
  const snap = await seed(file);
  const report = validateWorkbook(snap, { profiles, stage: options.stage });
  return planInputAids(snap, report, profiles, options);
}

const sheetOf = (aids: readonly SheetInputAids[], name: string) => aids.find((a) => a.sheet === name)!;
const at = (v: InputValidation) => rangeToA1(v.range);
const byCell = (s: SheetInputAids) => Object.fromEntries(s.validations.map((v) => [at(v), v]));

/** The kodaira profile with some changes, for what comes from the profile. */
function kodairaWith(change: (p: { -readonly [K in keyof Profile]: Profile[K] }) => void): Profile[] {
  const p = structuredClone(builtInProfile("kodaira-chosahyo")!) as { -readonly [K in keyof Profile]: Profile[K] };
  change(p);
  return [p, ...BUILT_IN_PROFILES.filter((x) => x.id !== p.id)];
}

describe("小平 調査票 (seeds/kodaira-h29.xlsx)", () => {
  test("No.1: 1次評価 F12 と 2次評価 G12 に S・A・B のリスト、その下のコメント欄と取組実績(D)に入力メッセージ", async () => {
    const { aids } = await plan("kodaira-h29.xlsx");
    const no1 = sheetOf(aids, "No.1");
    expect(no1.validations.map((v) => [at(v), v.list?.join(",") ?? null, v.promptTitle])).toEqual([
      ["D12:E13", null, "取組実績(D)"],
      ["F12", "S,A,B", "1次評価"],
      ["G12", "S,A,B", "2次評価"],
      ["F13", null, "1次評価のコメント"],
      ["G13", null, "2次評価のコメント"],
    ]);
    const v = byCell(no1);
    expect(v.F12.prompt).toBe(
      "S: 年度当初の予定以上に進捗\nA: 年度当初の予定どおりに進捗\nB: 年度当初の予定よりも遅れている\nS・B のときは、下のセルに理由（コメント）を記入してください。\n必須の項目です。",
    );
    expect(v.G12.prompt).toContain("1次評価と異なる評価にするときは、下のセルに理由を記入してください。");
    expect(v.G12.prompt).toContain("本部評価後の段階で必須の項目です。");
    expect(v.F13.prompt).toBe("1次評価が S・B のときは、その理由を記入してください。");
    expect(v.F12.errorTitle).toBe("1次評価");
    expect(v.F12.error).toContain("S・A・B のいずれかを選んでください。");
    expect(v["D12:E13"].prompt).toBe("必須の項目です。");
    expect(no1.highlights).toEqual([]);
    expect(no1.unlocked).toBeUndefined(); // not asked to protect
  });

  test("評価一覧: 所管課 E5:E47 と 行革本部 F5:F47 にリスト。必須は所管課だけ（提出前）", async () => {
    const { aids } = await plan("kodaira-h29.xlsx");
    const list = sheetOf(aids, "評価一覧");
    expect(list.validations.map((v) => [at(v), v.list?.join(","), v.promptTitle])).toEqual([
      ["E5:E47", "S,A,B", "1次評価"],
      ["F5:F47", "S,A,B", "2次評価"],
    ]);
    expect(list.validations[0].prompt).toMatch(/必須の項目です。$/);
    expect(list.validations[1].prompt).toMatch(/本部評価後の段階で必須の項目です。$/);
    // A list row has no comment cell: the comment rules are the survey sheets'.
    expect(list.validations[0].prompt).not.toContain("コメント");
  });

  test("印刷どおりの評価一覧（見出しが2ページ目で繰り返す）では、見出しの行をよけた範囲に分かれる", async () => {
    const { aids } = await plan("kodaira-h29-list-as-printed.xlsx");
    const list = sheetOf(aids, "評価一覧");
    expect(list.validations.map((v) => [at(v), v.promptTitle])).toEqual([
      ["D15:D44", "1次評価"],
      ["E15:E44", "2次評価"],
      ["D47:D59", "1次評価"],
      ["E47:E59", "2次評価"],
    ]);
  });

  test("空の必須セル: 提出前は 1次評価 のない No.2-1〜No.2-4 の F8、本部評価後は 2次評価 の G8 も", async () => {
    const highlights = async (stage: Stage) => {
      const { aids } = await plan("kodaira-h29.xlsx", { stage });
      return Object.fromEntries(aids.filter((a) => a.highlights.length).map((a) => [a.sheet, a.highlights.map((h) => [rangeToA1(h.range), h.fill])]));
    };
    const before = await highlights("提出前");
    expect(before).toEqual({ "No.2-1": [["F8", "#FFF2CC"]], "No.2-2": [["F8", "#FFF2CC"]], "No.2-3": [["F8", "#FFF2CC"]], "No.2-4": [["F8", "#FFF2CC"]] });
    const after = await highlights("本部評価後");
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const h of Object.values(after)) expect(h).toEqual([["F8:G8", "#FFF2CC"]]);
  });

  test("評価のない No.2-1 でも、F8 の下の F9 がコメント欄として扱われる", async () => {
    const { aids } = await plan("kodaira-h29.xlsx");
    expect(byCell(sheetOf(aids, "No.2-1")).F9?.promptTitle).toBe("1次評価のコメント");
  });

  test("親の調査票 No.2 では取組実績(D)は必須でない: 入力メッセージも強調もない", async () => {
    const { aids } = await plan("kodaira-h29.xlsx");
    const no2 = sheetOf(aids, "No.2");
    expect(no2.validations.map(at)).toEqual(["F10", "G10", "F11", "G11"]);
  });

  test("保護するとき: 入力セル（P・D・C・A とコメント、下半期値、年度実績）だけを外し、所管課・取組項目・見出しはロックのまま", async () => {
    const { aids } = await plan("kodaira-h29.xlsx", { protect: true });
    expect(sheetOf(aids, "No.1").unlocked!.map(rangeToA1)).toEqual(["E5:E9", "A12:B13", "D12:J13", "A16:H16"]);
    expect(sheetOf(aids, "No.2-1").unlocked!.map(rangeToA1)).toEqual(["E5", "A8:B9", "D8:J9", "A12:H12"]);
    expect(sheetOf(aids, "評価一覧").unlocked!.map(rangeToA1)).toEqual(["E5:F47"]);
    for (const a of aids) expect([a.sheet, a.unlocked?.length ?? 0]).not.toEqual([a.sheet, 0]);
  });

  test("英語を選ぶと、メッセージは英語で書かれる", async () => {
    const { aids } = await plan("kodaira-h29.xlsx", { lang: "en" });
    const v = byCell(sheetOf(aids, "No.1"));
    expect(v.F12.prompt).toBe("S: ahead of the year's plan\nA: on plan\nB: behind plan\nFor S/B, write the reason (comment) in the cell below.\nRequired.");
    expect(v.F12.error).toBe("Choose one of S/A/B. To keep another value on purpose, go on (the check will report it).");
  });
});

describe("武蔵野 取組状況 (seeds/musashino-h29.xlsx)", () => {
  test("実施状況: 年次計画の行ごとに ◎・○・△・× のリスト（84 行）。△・× には理由が要ることを添える", async () => {
    const { aids } = await plan("musashino-h29.xlsx");
    expect(aids.map((a) => a.sheet)).toEqual(["取組状況"]); // 目次 has no code and no required column
    const s = aids[0];
    const statuses = s.validations.filter((v) => v.list);
    expect(statuses).toHaveLength(84);
    expect(statuses.slice(0, 4).map(at)).toEqual(["B14", "B24", "B34", "B45"]);
    expect(statuses.map(at)).toContain("B48"); // the second plan row of the fourth project
    for (const v of statuses) expect(v.list).toEqual(["◎", "○", "△", "×"]);
    expect(statuses[0].promptTitle).toBe("実施状況");
    expect(statuses[0].prompt).toBe("◎: 完了\n○: 実施中\n△: 未着手\n×: 中止\n△・× のときは、未着手・中止の理由を記入してください。\n必須の項目です。");
  });

  test("未着手・中止の理由（B16 …）: △・× なら必須、◎・○ なら空欄、と入力メッセージで伝える", async () => {
    const { aids } = await plan("musashino-h29.xlsx");
    const v = byCell(aids[0]);
    expect(v["B16:D16"].promptTitle).toBe("未着手・中止の理由");
    expect(v["B16:D16"].prompt).toBe("実施状況が △・× のときは必ず記入してください。\n◎・○ のときは空欄のままにします。");
    expect(v["B15:D15"].prompt).toBe("必須の項目です。");
  });
});

describe("ほかのプロファイル", () => {
  test("推進プログラム: 記号の列はない（工程表の語は複数を「・」でつなぐためリストにしない）。必須の文章列に入力メッセージ", async () => {
    const { aids } = await plan("kodaira-program-r6.xlsx");
    expect(aids.map((a) => a.sheet)).toEqual(["推進プログラム"]);
    expect(aids[0].validations.every((v) => !v.list)).toBe(true);
    expect(new Set(aids[0].validations.map((v) => v.promptTitle))).toEqual(new Set(["令和4年度までの取組実績", "令和5年度当初予定・設定目標", "令和6年度当初予定・設定目標"]));
  });

  test("三鷹: アクションプランの取組状況等に入力メッセージ。目標指標・総合戦略（記号も必須もない）には何もしない", async () => {
    const { aids } = await plan("mitaka-2021.xlsx");
    expect(aids.map((a) => a.sheet)).toEqual(["アクションプラン"]);
    expect(aids[0].validations).toHaveLength(82);
  });
});

describe("プロファイルから決まる", () => {
  test("EVAL-COMMENT-MISSING の codes を B だけにすると、メッセージも B だけになる", async () => {
    const profiles = kodairaWith((p) => {
      p.rules = { ...p.rules, "EVAL-COMMENT-MISSING": { params: { codes: ["B"] } } };
    });
    const v = byCell(sheetOf((await plan("kodaira-h29.xlsx", {}, profiles)).aids, "No.1"));
    expect(v.F12.prompt).toContain("\nB のときは、下のセルに理由（コメント）を記入してください。");
    expect(v.F13.prompt).toBe("1次評価が B のときは、その理由を記入してください。");
  });

  test("規則を切ると、その規則の文は出ない（コメント欄には何も設定しない）", async () => {
    const profiles = kodairaWith((p) => {
      p.rules = { ...p.rules, "EVAL-COMMENT-MISSING": { enabled: false }, "EVAL2-CHANGED-NO-COMMENT": { enabled: false } };
    });
    const no1 = sheetOf((await plan("kodaira-h29.xlsx", {}, profiles)).aids, "No.1");
    expect(no1.validations.map(at)).toEqual(["D12:E13", "F12", "G12"]);
    expect(byCell(no1).F12.prompt).not.toContain("コメント");
  });

  test("コードセットの意味を変えると、リストの説明も変わる", async () => {
    const profiles = kodairaWith((p) => {
      p.codeSets = { rating: { ...p.codeSets.rating, codes: p.codeSets.rating.codes.map((c) => ({ ...c, meaning: { ja: `${c.code}評価`, en: c.code } })) } };
    });
    const v = byCell(sheetOf((await plan("kodaira-h29.xlsx", {}, profiles)).aids, "No.1"));
    expect(v.F12.prompt).toMatch(/^S: S評価\nA: A評価\nB: B評価\n/);
  });
});

describe("Excel の上限", () => {
  test("見本のどのブックでも、題は32字・メッセージは255字・エラーは225字・リストは255字以内", async () => {
    for (const file of ["kodaira-h29.xlsx", "musashino-h29.xlsx", "kodaira-program-r6.xlsx", "mitaka-2021.xlsx"]) {
      for (const lang of ["ja", "en"] as const) {
        for (const a of (await plan(file, { lang, protect: true })).aids) {
          for (const v of a.validations) {
            expect((v.promptTitle ?? "").length).toBeLessThanOrEqual(INPUT_AID_LIMITS.title);
            expect((v.errorTitle ?? "").length).toBeLessThanOrEqual(INPUT_AID_LIMITS.title);
            expect((v.prompt ?? "").length).toBeLessThanOrEqual(INPUT_AID_LIMITS.prompt);
            expect((v.error ?? "").length).toBeLessThanOrEqual(INPUT_AID_LIMITS.error);
            if (v.list) expect(listFormula(v.list).length).toBeLessThanOrEqual(INPUT_AID_LIMITS.listFormula);
          }
        }
      }
    }
  });

  test("長い意味は255字で切り（…で終わる）、長い見出しは32字で切る", async () => {
    const long = "とても長い説明".repeat(12);
    const profiles = kodairaWith((p) => {
      p.codeSets = { rating: { ...p.codeSets.rating, codes: p.codeSets.rating.codes.map((c) => ({ ...c, meaning: { ja: long, en: long } })) } };
      const survey = p.layouts.find((l) => l.id === "survey")!;
      const labels = { ...survey.labels, result: { text: ["今年度の取組の実績と成果を具体的に書く欄（長い見出しの例として三十二字を超える）", ...survey.labels.result.text] } };
      p.layouts = p.layouts.map((l) => (l === survey ? { ...survey, labels } : l));
    });
    const v = byCell(sheetOf((await plan("kodaira-h29.xlsx", {}, profiles)).aids, "No.1"));
    expect(v.F12.prompt!.length).toBe(INPUT_AID_LIMITS.prompt);
    expect(v.F12.prompt!.endsWith("…")).toBe(true);
    expect(v["D12:E13"].promptTitle!.length).toBe(INPUT_AID_LIMITS.title);
    expect(v["D12:E13"].promptTitle!.endsWith("…")).toBe(true);
  });

  test("255字を超えるリストや、カンマを含む記号はリストにせず、入力メッセージで記号を示す", async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ code: `評価コード${String(i).padStart(2, "0")}`, meaning: { ja: "x", en: "x" } }));
    const tooLong = kodairaWith((p) => {
      p.codeSets = { rating: { ...p.codeSets.rating, codes: many } };
    });
    expect(listFormula(many.map((c) => c.code)).length).toBeGreaterThan(255);
    const v1 = byCell(sheetOf((await plan("kodaira-h29.xlsx", {}, tooLong)).aids, "No.1"));
    expect(v1.F12.list).toBeUndefined();
    expect(v1.F12.error).toBeUndefined();
    expect(v1.F12.prompt).toContain("評価コード00: x");
    const comma = kodairaWith((p) => {
      p.codeSets = { rating: { ...p.codeSets.rating, codes: [...p.codeSets.rating.codes, { code: "A,B", meaning: { ja: "x", en: "x" } }] } };
    });
    const v2 = byCell(sheetOf((await plan("kodaira-h29.xlsx", {}, comma)).aids, "No.1"));
    expect(v2.F12.list).toBeUndefined();
    expect(v2.F12.prompt).toContain("A,B: x");
  });
});

test("保護されたシートには何も設定せず、skippedProtected に挙げる", async () => {
  const snap = await seed("kodaira-h29.xlsx");
  const locked: WorkbookSnapshot = { ...snap, sheets: snap.sheets.map((s) => (s.name === "No.1" ? { ...s, protected: true } : s)) };
  const report = validateWorkbook(locked, { profiles: BUILT_IN_PROFILES });
  const r = planInputAids(locked, report, BUILT_IN_PROFILES, { protect: true });
  expect(r.skippedProtected).toEqual(["No.1"]);
  expect(r.aids.map((a) => a.sheet)).not.toContain("No.1");
  expect(r.aids).toHaveLength(58);
});
