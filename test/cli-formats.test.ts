/**
 * @jest-environment node
 *
 * The acceptance of the formats issue, through the command a clerk runs: what `chosahyo validate` says it read
 * from each sample (the count line under each sheet) and the findings the analyses call for.
 */
import path from "node:path";
import { cli, type Run } from "./helpers/cli";
import { ROOT } from "./helpers/grid";

interface JsonFinding {
  readonly ruleId: string;
  readonly cell: string;
  readonly sheet: string;
  readonly message: string;
}

const runs = new Map<string, { human: Run; findings: JsonFinding[] }>();
async function validate(seed: string) {
  if (!runs.has(seed)) {
    const file = path.join(ROOT, "seeds", seed);
    const human = await cli(["validate", file]);
    const json = JSON.parse((await cli(["validate", file, "--json"])).stdout) as { files: { findings: JsonFinding[] }[] };
    runs.set(seed, { human, findings: json.files[0].findings });
  }
  return runs.get(seed)!;
}

/** The line under a sheet's line: what was read from it. */
function countsUnder(out: string, sheet: string): string {
  const lines = out.split("\n");
  const i = lines.findIndex((l) => l.startsWith(`  ${sheet}  …`));
  expect(i).toBeGreaterThan(-1);
  return lines[i + 1].trim();
}

test("武蔵野: 79 projects and 84 plan rows, ◎ 13 and ○ 71; DONE-BUT-SCHEDULED on the 9 ◎ rows that plan later work; LIST-MISMATCH on #21, #35, #37; no REASON-REQUIRED", async () => {
  const { human, findings } = await validate("musashino-h29.xlsx");
  expect(human.code).toBe(0);
  expect(countsUnder(human.stdout, "取組状況")).toBe("79 件（年次計画 84 行）・◎ 13・○ 71");
  expect(countsUnder(human.stdout, "目次")).toBe("一覧 79 行");

  // #3, 14, 17, 30, 40, 45, 61, 67, 73; #14/17/30/40 plan 運用・継続, the others new milestones.
  const done = findings.filter((f) => f.ruleId === "DONE-BUT-SCHEDULED");
  expect(done.map((f) => f.cell)).toEqual(["B34", "B142", "B169", "B296", "B395", "B441", "B601", "B657", "B717"]);
  const continuing = done.filter((f) => f.message.includes("運用・継続")).map((f) => f.cell);
  expect(continuing).toEqual(["B142", "B169", "B296", "B395"]);
  expect(done.filter((f) => f.message.includes("新たな取組")).length).toBe(5);

  // #21 (name), #35 (note on another department), #37 (note missing).
  const list = findings.filter((f) => f.ruleId === "LIST-MISMATCH");
  expect(list.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["目次!A36", "目次!B59", "目次!B61"]);
  // Both sides named by their own labels: 目次's and 取組状況's 事業名, not the 小平 word 項目名.
  expect(list[0].message).toBe("目次の「事業名」「近隣自治体等との広域連携の検討」が、シート「取組状況」の「事業名」「近隣自治体等との連携の検討」と一致しません。");
  expect(findings.filter((f) => f.ruleId === "REASON-REQUIRED")).toEqual([]);
});

test("三鷹: 68 chapter-1 indicators, 16 総合戦略 rows, 82 action-plan items of which 23 主要", async () => {
  const { human } = await validate("mitaka-2021.xlsx");
  expect(human.code).toBe(0);
  expect(countsUnder(human.stdout, "目標指標")).toBe("68 件・指標 68");
  expect(countsUnder(human.stdout, "総合戦略")).toBe("16 件・指標 16");
  expect(countsUnder(human.stdout, "アクションプラン")).toBe("82 件・主要 23");
});

test("小平 推進プログラム: every item present (23), the 3 ended ones, and 32 numeric goals", async () => {
  const { human, findings } = await validate("kodaira-program-r6.xlsx");
  expect(countsUnder(human.stdout, "推進プログラム")).toBe("23 件・数値目標 32・終了 3");
  // The dangling "No.8" reference in ⑤ is the sample's one error (REF-MISSING), so the exit code is 1.
  expect(findings.filter((f) => f.ruleId === "REF-MISSING").map((f) => f.cell)).toEqual(["I12"]);
  expect(human.code).toBe(1);
});

test("小平 調査票: 58 sheets with 69 indicators, the list's 43 rows, and the ratings counted (2-1…2-4 have none)", async () => {
  const { human } = await validate("kodaira-h29.xlsx");
  expect(countsUnder(human.stdout, "評価一覧")).toBe("一覧 43 行");
  // Each sheet's own count too: a 調査票 that gave none would stand on a line of its own.
  expect(countsUnder(human.stdout, "No.1, No.2 … No.43 (58)")).toBe("58 件・各シート 1 件・指標 69・S 3・A 37・B 14");
});

test("in English the counts are English", async () => {
  const run = await cli(["validate", path.join(ROOT, "seeds", "musashino-h29.xlsx"), "--lang", "en"]);
  expect(countsUnder(run.stdout, "取組状況")).toBe("79 records (84 plan rows) · ◎ 13 · ○ 71");
});
