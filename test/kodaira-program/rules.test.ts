/**
 * @jest-environment node
 *
 * The 推進プログラム's checks on edited copies of the sample sheet: each fires where it should, stays silent where the
 * text does not say enough, and reports under a general rule's id where one says what it finds (a missing 実績 or
 * plan → REQUIRED-MISSING), or under an id of its own where none does (docs/rules.md): an ended item with plans →
 * ENDED-BUT-SCHEDULED, a schedule word outside the vocabulary → SCHEDULE-VOCABULARY, a goal with no baseline →
 * GOAL-BASELINE-MISSING, a 前年度末の状況 the results do not add up to → GOAL-STATUS-MISMATCH, a No. cited with no row →
 * REF-MISSING.
 */
import type { Finding } from "../../src/core/model/finding";
import { checkProfile } from "../../src/core/profile/check-profile";
import kodairaProgram from "../../src/core/profiles/kodaira-program.json";
import { editedInput, validateInput } from "./helpers";

const only = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => `${f.cell} ${f.severity} ${f.recordId}`);

describe("K5 終了した項目（ENDED-BUT-SCHEDULED・REQUIRED-MISSING）", () => {
  test("終了した 21 に方向性・取組項目・スケジュール・予定があれば、入力のあるセルごとにエラー", () => {
    const rep = validateInput(editedInput({ 21: { purpose: "・広報活動を見直す", tasks: "・ガイドラインの運用", years: [null, null, "運用", null], plan: "・運用する。", planNext: "・運用する。" } }));
    expect(only(rep.findings, "ENDED-BUT-SCHEDULED")).toEqual(["C27 error 21", "D27 error 21", "G27 error 21", "J27 error 21", "K27 error 21"]);
    expect(only(rep.findings, "DONE-BUT-SCHEDULED")).toEqual([]);
    const f = rep.findings.find((x) => x.ruleId === "ENDED-BUT-SCHEDULED" && x.cell === "G27")!;
    expect(f.message.ja).toContain("※令和4年度までをもって終了");
    expect(f.message.ja).toContain("年度スケジュール（R5）");
    expect(rep.findings.find((x) => x.cell === "J27")!.message.ja).toContain("「令和5年度当初予定・設定目標」");
    // Ended or not, the plans are no longer required of it: no REQUIRED-MISSING elsewhere.
    expect(only(rep.findings, "REQUIRED-MISSING")).toEqual([]);
  });

  test("終了した項目に実績がなければ REQUIRED-MISSING（R5・R6 の予定は求めない）", () => {
    const rep = validateInput(editedInput({ 26: { result: null } }));
    expect(only(rep.findings, "REQUIRED-MISSING")).toEqual(["I33 error 26"]);
    expect(rep.findings.find((f) => f.ruleId === "REQUIRED-MISSING")!.message.ja).toContain("取組実績");
  });
});

describe("K6 実施中の項目の令和5・6年度（REQUIRED-MISSING）", () => {
  test("① の令和6年度が空ならエラー、終了した 21・26・28 の空欄は指摘しない", () => {
    const rep = validateInput(editedInput({ 1: { planNext: null }, 18: { plan: null } }));
    expect(only(rep.findings, "REQUIRED-MISSING")).toEqual(["K8 error 1", "J22 error 18"]);
    // Named as the header reads, not with the catalogue's generic 次年度の当初予定・設定目標.
    expect(rep.findings.find((f) => f.cell === "K8")!.message.ja).toBe("「令和6年度当初予定・設定目標」が入力されていません。提出前に入力してください。");
    expect(rep.findings.find((f) => f.cell === "J22")!.message.en).toBe('"令和5年度当初予定・設定目標" is empty. Fill it in before submitting.');
  });
});

describe("K7 年度スケジュールの語（SCHEDULE-VOCABULARY、警告）", () => {
  test("語彙にない語は警告、→ と — は語ではない", () => {
    const rep = validateInput(editedInput({ 2: { years: ["準備", "→", "移管・実施", "—"] }, 4: { years: [null, "公表周知・運用", null, "ルールの整理"] } }));
    expect(only(rep.findings, "SCHEDULE-VOCABULARY")).toEqual(["G9 warning 2"]);
    expect(only(rep.findings, "CODE-INVALID")).toEqual([]);
    const f = rep.findings.find((x) => x.ruleId === "SCHEDULE-VOCABULARY")!;
    expect(f.message.ja).toContain("年度スケジュール（R5）の「移管」");
    expect(f.message.en).toContain('"移管" in the schedule (R5)');
  });

  test("ひとつのセルに語彙にない語が2つあれば2件", () => {
    const rep = validateInput(editedInput({ 2: { years: [null, null, "移管・試行・実施", null] } }));
    expect(rep.findings.filter((f) => f.ruleId === "SCHEDULE-VOCABULARY").map((f) => f.message.ja.match(/「([^」]+)」は/)?.[1])).toEqual(["移管", "試行"]);
  });
});

describe("K9 基準値のない数値目標（GOAL-BASELINE-MISSING、警告）", () => {
  test("⑬ に基準値を書き添えると指摘が消える。令和5・6年度の目標は対象外", () => {
    const seed = validateInput(editedInput({}));
    expect(only(seed.findings, "GOAL-BASELINE-MISSING")).toEqual(["C16 warning 13", "C18 warning 15", "C23 warning 19"]);
    expect(only(seed.findings, "IND-NO-MEASUREMENT")).toEqual([]);
    const fixed = validateInput(
      editedInput({
        13: { purpose: "・住民情報システムの自治体クラウド化\n・4年間で上記による経常経費の削減率20%以上を目指す(令和3年4月1日現在:0%)" },
        12: { plan: "・電子決裁率85%を目指す。" },
      }),
    );
    expect(only(fixed.findings, "GOAL-BASELINE-MISSING")).toEqual(["C18 warning 15", "C23 warning 19"]);
  });
});

describe("K10 前年度末の状況と実績（GOAL-STATUS-MISMATCH、警告）", () => {
  const plan3 = (status: string, first = "(9団体)") =>
    [
      `・提示型公募事業及びいきいき協働事業を実施し、地域課題の解決と、参加や協働を通じた地域自治のまちづくりの更なる推進を図る。応募団体8団体以上を目指す。${first}`,
      "・こだいら人財の森事業の利用拡大を図るため説明会や周知イベントを開催する。人財の森周知イベント2回を目指す。(1回)",
      "・まちで楽しむやNPO体験セミナーなど大学生が地域に飛び出し活動する取組を引き続き実施する。大学生と地域の連携事業2回を目指す。(5回)",
      `・職員向けの研修を開催すると共に、市民と職員の交流の機会を設ける。${status}`,
    ].join("\n");

  test("③ (4回) を実績どおり (3回) にすると消え、(9団体) を (7団体) にすると出る。「各1回」の (5回) は判定しない", () => {
    expect(only(validateInput(editedInput({ 3: { plan: plan3("(3回)") } })).findings, "GOAL-STATUS-MISMATCH")).toEqual([]);
    const rep = validateInput(editedInput({ 3: { plan: plan3("(3回)", "(7団体)") } }));
    expect(only(rep.findings, "GOAL-STATUS-MISMATCH")).toEqual(["J10 warning 3"]);
    expect(rep.findings.find((f) => f.ruleId === "GOAL-STATUS-MISMATCH")!.message.ja).toContain("「7団体」");
    expect(only(rep.findings, "PARENT-CHILD")).toEqual([]);
  });

  test("17 の (29件) は実績の「応募件数は29件」と一致。箇条の数が違えば、同じ単位の数値がある箇条がひとつのときだけ比べる", () => {
    expect(only(validateInput(editedInput({ 17: { plan: "・職員提案の応募件数15件以上を目指す。(28件)" } })).findings, "GOAL-STATUS-MISMATCH")).toEqual(["J10 warning 3", "J21 warning 17"]);
    expect(only(validateInput(editedInput({ 17: { plan: "・職員提案の応募件数15件以上を目指す。(29件)" } })).findings, "GOAL-STATUS-MISMATCH")).toEqual(["J10 warning 3"]);
  });
});

describe("K13 参照先のない No.（REF-MISSING、エラー）", () => {
  test("No.8 の行を加えると消え、ない番号を参照すると出る", () => {
    const row8 = { kind: "item" as const, no: "⑧", title: "事業の精査と見直し", purpose: null, tasks: null, years: [], result: "・見直した。", plan: "・見直す。", planNext: "・見直す。" };
    expect(only(validateInput(editedInput({}, [row8])).findings, "REF-MISSING")).toEqual([]);
    const rep = validateInput(editedInput({ 22: { planNext: "・No.30「新しい取組」と連携して進める。" } }));
    expect(only(rep.findings, "REF-MISSING")).toEqual(["I12 error 5", "K28 error 22"]);
    expect(rep.findings.find((f) => f.cell === "K28")!.message.ja).toContain("「令和6年度当初予定・設定目標」で「No.30」の取組を参照");
    expect(only(rep.findings, "ID-DUPLICATE")).toEqual([]);
  });

  test("本当に重複した No. は ID-DUPLICATE が指摘し、参照先のない No. とは別の規則になる", () => {
    const rep = validateInput(editedInput({ 18: { no: 17 } }));
    expect(only(rep.findings, "ID-DUPLICATE")).toEqual(["A21 error 17", "A22 error 17"]);
    expect(only(rep.findings, "REF-MISSING")).toEqual(["I12 error 5"]);
  });
});

describe("見出しの欠落（LABEL-MISSING）", () => {
  test("令和6年度の見出しがなくても 23 項目を読み、指摘はシートに1件だけ（行ごとには出さない）", () => {
    const input = editedInput({});
    const rep = validateInput({ ...input, headers: { ...input.headers, planNext: "次年度の予定" } });
    expect(rep.sheets[0]).toMatchObject({ profileId: "kodaira-program", records: 23, score: 7 / 8 });
    expect(only(rep.findings, "LABEL-MISSING")).toEqual(["A1 error 1"]);
    expect(rep.findings.find((f) => f.ruleId === "LABEL-MISSING")!.message.ja).toContain("◯◯年度当初予定・設定目標"); // the label names no year of its own
    expect(only(rep.findings, "REQUIRED-MISSING")).toEqual([]);
  });
});

describe("プロファイルの検査", () => {
  test("組み込みのプロファイルは正しく、schedule 列に years がないと分かる形で断る", () => {
    expect(checkProfile(kodairaProgram).problems).toEqual([]);
    const broken = JSON.parse(JSON.stringify(kodairaProgram)) as typeof kodairaProgram;
    const layout = broken.layouts[0] as { columns: Record<string, unknown>[] };
    delete layout.columns[3].years;
    layout.columns[2].goals = "yes";
    layout.columns[5].required = "unless-finished";
    expect(checkProfile(broken).problems.map((p) => `${p.path} ${p.problem}`)).toEqual([
      "layouts[0].columns[2].goals wrong-type",
      "layouts[0].columns[3].years missing",
      "layouts[0].columns[5].required bad-value",
    ]);
  });
});
