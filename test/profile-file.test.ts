/**
 * @jest-environment node
 *
 * A municipality's own profile file: a typo fails with a message naming the field; a valid variant with its own
 * labels reads a matching sheet.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "./helpers/cli";
import { checkProfile } from "../src/core/profile/check-profile";
import type { Profile } from "../src/core/profile/types";
import kodaira from "../src/core/profiles/kodaira-chosahyo.json";
import { surveySheetSpec } from "../src/core/template/kodaira-chosahyo";
import { validateWorkbook } from "../src/core/validate";
import { specsToXlsx } from "../scripts/lib/exceljs-render";
import { kodairaSurveyInputs } from "../scripts/seeds/kodaira";
import { specToGrid } from "./helpers/grid";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("checkProfile", () => {
  test("組み込みプロファイルはすべて検査を通る", () => {
    expect(checkProfile(kodaira).problems).toEqual([]);
  });

  test("項目名の綴り間違いは、その項目の場所を示して拒否する", () => {
    const p = clone(kodaira) as unknown as { layouts: { fields?: Record<string, unknown>[] }[] };
    const f = p.layouts[0].fields![4];
    f.lable = f.label;
    delete f.label;
    const { profile, problems } = checkProfile(p);
    expect(profile).toBeUndefined();
    expect(problems).toContainEqual({ path: "layouts[0].fields[4].lable", problem: "unknown-field" });
    expect(problems).toContainEqual({ path: "layouts[0].fields[4].label", problem: "missing" });
  });

  test("存在しない見出しへの参照と不正な値を指摘する", () => {
    const p = clone(kodaira) as unknown as { layouts: { recognition: { required: string[]; threshold: number } }[]; rules: Record<string, unknown> };
    p.layouts[0].recognition.required.push("nonexistent");
    p.layouts[0].recognition.threshold = 2;
    p.rules["NO-SUCH-RULE"] = {};
    const paths = checkProfile(p).problems.map((x) => `${x.path} ${x.problem}`);
    expect(paths).toContain("layouts[0].recognition.required[12] unknown-reference");
    expect(paths).toContain("layouts[0].recognition.threshold bad-value");
    expect(paths).toContain("rules.NO-SUCH-RULE unknown-field");
  });
});

describe("chosahyo validate --profile", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-profile-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("綴り間違いのあるプロファイルは終了コード2で、項目名を1行で示す", async () => {
    const p = clone(kodaira) as unknown as Record<string, unknown>;
    p.layuots = p.layouts;
    delete p.layouts;
    const file = path.join(dir, "typo.json");
    writeFileSync(file, JSON.stringify(p));
    const run = await cli(["validate", "seeds/kodaira-h29.xlsx", "--profile", file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("layuots");
    expect(run.stderr).toContain("不明な項目");
  });

  test("見出しを言い換えた独自の調査票を、独自プロファイルで読める", async () => {
    // A variant 調査票 whose headings say 実施状況(D) and 所属 where the standard one says 取組実績(D) and 所管課.
    const input = kodairaSurveyInputs().find((i) => i.id === "3")!;
    const spec = surveySheetSpec({ ...input, sheetName: "独自様式" });
    const renamed = {
      ...spec,
      cells: spec.cells.map((c) =>
        c.value.t === "text" && c.value.v === "取組実績(D)" ? { ...c, value: { t: "text" as const, v: "実施状況(D)" } } :
        c.value.t === "text" && c.value.v === "所管課" ? { ...c, value: { t: "text" as const, v: "所属" } } : c,
      ),
    };
    const custom = clone(kodaira) as unknown as Profile & { layouts: { labels: Record<string, { text: string[] }> }[] };
    (custom as { id: string }).id = "my-city-chosahyo";
    custom.layouts[0].labels.result.text = ["実施状況(D)"];
    custom.layouts[0].labels.departments.text = ["所属"];

    // The built-in profile does not read the renamed headings; the custom one does.
    const builtIn = validateWorkbook({ sheets: [specToGrid(renamed)], skippedSheets: [] }, { profiles: [checkProfile(kodaira).profile!] });
    expect(builtIn.records[0].texts.result).toBeUndefined();
    expect(builtIn.findings.some((f) => f.ruleId === "LABEL-MISSING")).toBe(true);

    const file = path.join(dir, "custom.xlsx");
    writeFileSync(file, await specsToXlsx([renamed]));
    const profileFile = path.join(dir, "my-city.json");
    writeFileSync(profileFile, JSON.stringify(custom));
    const run = await cli(["validate", file, "--profile", profileFile, "--json"]);
    const json = JSON.parse(run.stdout);
    expect(json.files[0].sheets).toEqual([{ name: "独自様式", profile: "my-city-chosahyo", score: 1, records: 1 }]);
    expect(json.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "LABEL-MISSING")).toEqual([]);
    expect(run.code).toBe(0);
  });
});
