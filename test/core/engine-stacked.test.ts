/**
 * @jest-environment node
 *
 * The profile engine beyond one record per sheet: records stacked down a sheet under heading rows, repeated plan
 * blocks, records that start at a cell matching a pattern, and tables whose header band repeats per block.
 */
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid } from "../../src/core/model/grid";
import { checkProfile } from "../../src/core/profile/check-profile";
import { readSheet } from "../../src/core/profile/recognize";
import type { Profile } from "../../src/core/profile/types";

function grid(name: string, rows: CellValue[][], merges: SheetGrid["merges"] = []): SheetGrid {
  return { name, visibility: "visible", top: 0, left: 0, rows, merges };
}

const STATUS = {
  id: "status-symbols",
  codes: [
    { code: "◎", meaning: { ja: "完了", en: "completed" } },
    { code: "○", meaning: { ja: "実施中", en: "in progress" } },
    { code: "△", meaning: { ja: "未着手", en: "not started" } },
    { code: "×", meaning: { ja: "中止", en: "discontinued" } },
  ],
};

const stackedProfile = checkProfile({
  id: "test-stacked",
  name: { ja: "積み重ね", en: "stacked" },
  codeSets: { status: STATUS },
  layouts: [
    {
      id: "records",
      name: { ja: "取組", en: "records" },
      shape: "form",
      role: "records",
      recordsPerSheet: "stacked",
      recordStart: { label: "name" },
      headings: [
        { level: 1, field: "group", pattern: "^(?<no>[IVX]+)\\s*:\\s*(?<title>.+)$" },
        { level: 2, field: "section", pattern: "^(?<no>\\d+)\\.\\s*(?<title>.+)$" },
        { level: 3, field: "subsection", pattern: "^\\((?<no>\\d+)\\)\\s*(?<title>.+)$" },
      ],
      labels: {
        name: { text: ["事業名"] },
        dept: { text: ["担当課"] },
        plan: { text: ["年次計画"] },
        year: { text: ["{FY}年度"], multiple: true },
        status: { text: ["実施状況"] },
        reason: { text: ["未着手・中止の理由"] },
      },
      recognition: { required: ["name", "dept", "plan", "status"] },
      fields: [
        { id: "title", type: "text", label: "name", at: "right" },
        { id: "departments", type: "department-list", label: "dept", at: "right", required: "always" },
        { id: "plans", type: "plan-blocks", label: "plan", years: "year", status: "status", codeSet: "status" },
        { id: "reason", type: "text", label: "reason", at: "right" },
      ],
    },
  ],
  rules: {},
}).profile as Profile;

describe("積み重ねた記録と見出し行", () => {
  const rows: CellValue[][] = [
    ["Ⅰ：市政運営への市民参加", null, null, null, null],
    ["1. 市政運営の基本的枠組みの整備", null, null, null, null],
    ["(1) 条例化検討", null, null, null, null],
    ["事業名", "条例の検討", null, null, null],
    ["担当課", "企画調整課・各課", null, null, null],
    ["年次計画", "平成 29～30 年度", "平成 31 年度", "平成 32 年度", null],
    [null, "骨子案の策定", "—", "—", null],
    ["実施状況", "○", null, null, null],
    ["未着手・中止の理由", null, null, null, null],
    ["(2) 新しい市民参加", null, null, null, null],
    ["事業名", "市民参加の追究", null, null, null],
    ["担当課", "企画調整課", null, null, null],
    ["年次計画", null, "平成29年度", "平成30年度", "平成31年度"],
    ["情報提供の充実", "情報提供の充実", "実施", "→", "→"],
    ["実施状況", null, "◎", null, null],
    ["年次計画", null, "平成29年度", "平成30年度", "平成31年度"],
    [null, "防災情報システム", "検討", "運用", "→"],
    ["実施状況", null, "○", null, null],
    ["未着手・中止の理由", null, null, null, null],
  ];
  const { recognition, records } = readSheet(grid("取組状況", rows, [{ top: 0, left: 0, bottom: 0, right: 4 }]), [stackedProfile]);

  test("事業名ごとに1件ずつ、見出しの方針・項・細目つきで読む", () => {
    expect(recognition.best?.compiled.layout.id).toBe("records");
    expect(records.map((r) => r.title?.text)).toEqual(["条例の検討", "市民参加の追究"]);
    expect(records[0].group?.text).toBe("I:市政運営への市民参加"); // Ⅰ and ： after NFKC
    expect(records[0].section?.text).toBe("1. 市政運営の基本的枠組みの整備");
    expect(records[0].subsection?.text).toBe("(1) 条例化検討");
    expect(records[1].subsection?.text).toBe("(2) 新しい市民参加");
    expect(records[1].group?.text).toBe("I:市政運営への市民参加");
  });

  test("年次計画: 範囲の見出し、補助項目の列、実施状況は最初の年度の下", () => {
    const [a, b] = records;
    expect(a.plans).toHaveLength(1);
    expect(a.plans![0].cells.map((c) => [c.fiscalYear, c.toFiscalYear, c.text])).toEqual([
      [2017, 2018, "骨子案の策定"],
      [2019, undefined, "—"],
      [2020, undefined, "—"],
    ]);
    expect(a.plans![0].status?.parsed.code).toBe("○");
    expect(b.plans).toHaveLength(2);
    expect(b.plans!.map((p) => p.subItem?.text)).toEqual(["情報提供の充実", "防災情報システム"]);
    expect(b.plans!.map((p) => [p.status?.parsed.code, p.status?.cell])).toEqual([
      ["◎", { row: 14, col: 2 }],
      ["○", { row: 17, col: 2 }],
    ]);
    // The record's status is the least advanced of its rows.
    expect(b.codes.status?.parsed.code).toBe("○");
    expect(a.departments?.list.departments.map((d) => d.name)).toEqual(["企画調整課", "各課"]);
  });
});

describe("パターンで始まる記録（三鷹 アクションプラン）", () => {
  const actionsJson = {
    id: "test-actions",
    name: { ja: "アクション", en: "actions" },
    codeSets: {},
    titleMarks: ["主要"],
    layouts: [
      {
        id: "actions",
        name: { ja: "アクションプラン", en: "action plan" },
        shape: "form",
        role: "records",
        recordsPerSheet: "stacked",
        recordStart: {
          pattern: "^(?<id>\\d+\\s*-\\s*\\(?\\s*\\d+\\s*\\))$",
          cells: [
            { id: "title", offset: 1, type: "title" },
            { id: "departments", offset: 2, type: "department-list" },
          ],
        },
        headings: [{ level: 1, field: "group", pattern: "^体系\\s*(?<no>\\d+)\\s+(?<title>.+)$" }],
        labels: { summary: { text: ["概要"] }, progress: { text: ["令和{FY}年度の取組状況等", "{FY}年度の取組状況等"] } },
        recognition: { required: ["summary", "progress"] },
        fields: [
          { id: "purpose", type: "text", label: "summary", at: "right" },
          { id: "result", type: "text", label: "progress", at: "right" },
        ],
      },
    ],
    rules: {},
  };
  const profile = checkProfile(actionsJson).profile as Profile;
  const rows: CellValue[][] = [
    ["体系1 創造的な自治体経営の推進", null, null],
    ["1-(2)", "主要 公共施設の総合管理", "企画部 総務部"],
    ["概要", "①施設の更新", null],
    ["令和2年度の取組状況等", "計画を改定した。", null],
    ["3 - (12)", "【主要】協働の深化", "市民部"],
    ["<p>概要</p>", "協働を進める。", null],
    ["令和 2 年度の 取組状況等", "会議を開いた。", null],
    ["5-2)", "財政基盤", "企画部"],
    ["概 要", "財源を確保する。", null],
    ["令和2年度の取組状況等", "見直した。", null],
  ];
  const { records } = readSheet(grid("アクションプラン", rows), [profile]);

  test("番号の書き方の揺れを正規化し、主要の印と担当部を読む", () => {
    expect(records.map((r) => r.id?.text)).toEqual(["1-(2)", "3-(12)", "5-(2)"]);
    expect(records.map((r) => r.idWritten)).toEqual([undefined, "3 - (12)", "5-2)"]);
    expect(records.map((r) => r.marks)).toEqual([["主要"], ["主要"], []]);
    expect(records.map((r) => r.title?.text)).toEqual(["公共施設の総合管理", "協働の深化", "財政基盤"]);
    expect(records[0].departments?.list.departments.map((d) => d.name)).toEqual(["企画部", "総務部"]);
    expect(records.map((r) => r.texts.result?.text)).toEqual(["計画を改定した。", "会議を開いた。", "見直した。"]);
    expect(records.map((r) => r.purpose?.text)).toEqual(["①施設の更新", "協働を進める。", "財源を確保する。"]);
    expect(records.every((r) => r.group?.text === "体系1 創造的な自治体経営の推進")).toBe(true);
  });

  test("主要が印になるのは titleMarks に挙げたプロファイルだけ：なければ題名とタグに残る", () => {
    const json: Record<string, unknown> = { ...actionsJson };
    delete json.titleMarks;
    const plain = readSheet(grid("アクションプラン", rows), [checkProfile(json).profile as Profile]).records;
    expect(plain.map((r) => r.marks)).toEqual([[], [], []]);
    expect(plain.map((r) => r.title?.text)).toEqual(["主要 公共施設の総合管理", "協働の深化", "財政基盤"]);
    expect(plain.map((r) => r.tags)).toEqual([[], ["主要"], []]);
  });

  test("プロファイル独自の印も同じく読み、プロファイルの順に並べる", () => {
    const own = checkProfile({ ...actionsJson, titleMarks: ["重点", "主要"] }).profile as Profile;
    const marked = rows.map((r) => (r[1] === "財政基盤" ? [r[0], "【重点】【主要】財政基盤", r[2]] : r));
    const read = readSheet(grid("アクションプラン", marked), [own]).records;
    expect(read.map((r) => r.marks)).toEqual([["主要"], ["主要"], ["重点", "主要"]]);
    expect(read.map((r) => r.title?.text)).toEqual(["公共施設の総合管理", "協働の深化", "財政基盤"]);
    expect(read.map((r) => r.tags)).toEqual([[], [], []]);
  });
});

describe("見出しが繰り返す表（三鷹 施策ごとの目標指標）", () => {
  const profile = checkProfile({
    id: "test-blocks",
    name: { ja: "指標", en: "indicators" },
    codeSets: {},
    layouts: [
      {
        id: "blocks",
        name: { ja: "目標指標", en: "indicators" },
        shape: "table",
        role: "records",
        repeatHeader: true,
        subHeader: "year",
        requireAny: ["baseline", "actual", "target"],
        headings: [
          { level: 1, field: "group", pattern: "^第(?<no>\\d+)部\\s*(?<title>.+)$" },
          { level: 2, field: "section", pattern: "^第(?<no>\\d+(?:-\\d+)?)\\s+(?<title>.+?)\\s*\\[主な担当課\\]\\s*(?<departments>.+)$" },
        ],
        labels: {
          baseline: { text: ["計画策定時"] },
          actual: { text: ["達成値"] },
          target: { text: ["目標値"] },
          year: { text: ["{FY}年度*"], multiple: true },
        },
        recognition: { required: ["baseline", "actual", "target"] },
        columns: [
          { id: "baseline", label: "baseline", type: "indicator-value" },
          { id: "actual", label: "actual", type: "indicator-series" },
          { id: "target", label: "target", type: "indicator-value" },
          { id: "indicator", relativeTo: "baseline", offset: -1, type: "text" },
        ],
      },
    ],
    rules: {},
  }).profile as Profile;
  const header1: CellValue[] = [null, "計画策定時", "達成値", null, null, "目標値"];
  const header2: CellValue[] = [null, "平成22年度", "平成26年度 (前期)", "平成30年度 (中期)", "令和2(2020)年度", "令和4(2022)年度"];
  const rows: CellValue[][] = [
    ["第1部 世界に開かれたまち", null, null, null, null, null],
    ["第1 国際化の推進 [主な担当課] 企画部企画経営課", null, null, null, null, null],
    header1,
    header2,
    ["英語版ホームページのアクセス件数", "34,677件", "100,000件", "150,000件", "202,850件", "400,000件"],
    ["登録者数", "142人", "200人", "250人", "同左", "300人"],
    ["(注) 英語版のみ", null, null, null, null, null],
    ["第2 平和・人権施策の推進 [主な担当課] 総務部総務課", null, null, null, null, null],
    header1,
    header2,
    ["参加者数", "2,665人", "3,000人", "4,000人", "4,050人", "6,000人"],
  ];
  const merges = [
    { top: 2, left: 2, bottom: 2, right: 4 },
    { top: 8, left: 2, bottom: 8, right: 4 },
  ];
  const { records } = readSheet(grid("目標指標", rows, merges), [profile]);

  test("各ブロックの行を1指標ずつ、部・施策・担当課つきで読み、注記の行は読まない", () => {
    expect(records.map((r) => r.indicators[0].label.text)).toEqual(["英語版ホームページのアクセス件数", "登録者数", "参加者数"]);
    expect(records.map((r) => r.section?.text)).toEqual([
      "第1 国際化の推進 [主な担当課] 企画部企画経営課",
      "第1 国際化の推進 [主な担当課] 企画部企画経営課",
      "第2 平和・人権施策の推進 [主な担当課] 総務部総務課",
    ]);
    expect(records.every((r) => r.group?.text === "第1部 世界に開かれたまち")).toBe(true);
    expect(records[2].departments?.raw).toBe("総務部総務課");
  });

  test("達成値の列は年度つきの系列で、最新の値（同左は左の値）が実績値になる", () => {
    const [a, b] = records.map((r) => r.indicators[0]);
    expect(a.series?.map((s) => s.fiscalYear)).toEqual([2014, 2018, 2020]);
    expect(a.baseline?.parsed.parts[0].value).toBe(34677);
    expect(a.actual?.parsed.parts[0].value).toBe(202850);
    expect(a.target?.parsed.parts[0].value).toBe(400000);
    expect(b.actual?.parsed.parts[0].value).toBe(250);
    expect(b.actual?.cell).toEqual({ row: 5, col: 4 }); // the 同左 cell itself, for findings
  });
});

describe("表の題名の列と印（titleMarks）", () => {
  const tableJson = {
    id: "test-titles",
    name: { ja: "題名", en: "titles" },
    codeSets: {},
    layouts: [
      {
        id: "titles",
        name: { ja: "施策", en: "measures" },
        shape: "table",
        role: "records",
        labels: { no: { text: ["No."] }, title: { text: ["施策"] } },
        recognition: { required: ["no", "title"] },
        columns: [
          { id: "id", label: "no", type: "id" },
          { id: "title", label: "title", type: "title" },
        ],
      },
    ],
    rules: {},
  };
  const rows: CellValue[][] = [
    ["No.", "施策"],
    ["1", "【主要】【新規】協働の深化"],
    ["2", "主要 公共施設の総合管理"],
    ["3", "財政基盤"],
  ];
  const read = (json: object) => readSheet(grid("施策", rows), [checkProfile(json).profile as Profile]).records;

  test("titleMarks があれば、【タグ】でも先頭の語でも印は題名とタグから外れる", () => {
    const records = read({ ...tableJson, titleMarks: ["主要"] });
    expect(records.map((r) => r.marks)).toEqual([["主要"], ["主要"], undefined]);
    expect(records.map((r) => r.title?.text)).toEqual(["協働の深化", "公共施設の総合管理", "財政基盤"]);
    expect(records.map((r) => r.tags)).toEqual([["新規"], [], []]);
  });

  test("なければ【主要】は【新規】と同じタグで、先頭の主要は題名の一部", () => {
    const records = read(tableJson);
    expect(records.map((r) => r.marks)).toEqual([undefined, undefined, undefined]);
    expect(records.map((r) => r.title?.text)).toEqual(["協働の深化", "主要 公共施設の総合管理", "財政基盤"]);
    expect(records.map((r) => r.tags)).toEqual([["主要", "新規"], [], []]);
  });
});
