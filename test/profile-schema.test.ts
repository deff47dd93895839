/**
 * @jest-environment node
 *
 * Profiles as data: the JSON Schema that documents the file format and the checker the program runs agree, every
 * built-in profile and the documented example pass both, and both refuse the same broken files; the example in
 * docs/profiles.md reads its city's relabelled sheet.
 */
import type { ErrorObject } from "ajv";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import schema from "../src/core/profile/profile.schema.json";
import { checkProfile, FIELD_IDS, FIELD_TYPES, REQUIRED_WHEN } from "../src/core/profile/check-profile";
import { COLUMN_TYPES } from "../src/core/profile/table-columns";
import { describeProfileProblems, parseUserProfile } from "../src/core/profile/user-profile";
import { RULE_IDS } from "../src/core/model/finding";
import { rulesSchema } from "../src/core/profile/rules-schema";
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import { validateWorkbook } from "../src/core/validate";
import { profilesFor } from "../src/taskpane/use-checker";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { specsToXlsx } from "../scripts/lib/exceljs-render";
import { cli } from "./helpers/cli";
import { exampleCitySheet } from "./helpers/example-city";
import { ROOT } from "./helpers/grid";
import { compileProfileSchema } from "./helpers/profile-schema";

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const readJson = (p: string): Json => JSON.parse(readFileSync(path.join(ROOT, p), "utf8")) as Json;

const PROFILE_FILES = [
  ...readdirSync(path.join(ROOT, "src/core/profiles")).filter((f) => f.endsWith(".json")).map((f) => `src/core/profiles/${f}`),
  "docs/examples/example-city-chosahyo.json",
];
const EXAMPLE = "docs/examples/example-city-chosahyo.json";

const fitsSchema = compileProfileSchema();
function schemaErrors(json: unknown): ErrorObject[] {
  return fitsSchema(json) ? [] : [...(fitsSchema.errors ?? [])];
}

describe("JSON Schema of profiles", () => {
  test("the five built-in profiles are all files here", () => {
    expect(PROFILE_FILES.filter((f) => f.startsWith("src/")).map((f) => path.basename(f, ".json")).sort()).toEqual(BUILT_IN_PROFILES.map((p) => p.id).sort());
  });

  test.each(PROFILE_FILES)("%s fits the schema and passes the checker", (file) => {
    const json = readJson(file);
    expect(schemaErrors(json)).toEqual([]);
    expect(checkProfile(json).problems).toEqual([]);
  });

  test("the schema's lists are the engine's lists (a new field id or type must be added to both; rule ids are generated)", () => {
    const defs = (schema as { definitions: Record<string, { enum?: string[] }> }).definitions;
    expect([...defs.fieldId.enum!].sort()).toEqual([...FIELD_IDS].sort());
    // Written by npm run schema (part of npm run generate) from RULE_IDS, in its order.
    expect(defs.ruleId.enum).toEqual([...RULE_IDS]);
    expect([...defs.requiredWhen.enum!].sort()).toEqual([...REQUIRED_WHEN].sort());
    const text = JSON.stringify(schema);
    expect(text).toContain(JSON.stringify(FIELD_TYPES));
    expect(text).toContain(JSON.stringify(COLUMN_TYPES));
  });

  test("the rules section is the one the rules' parameter declarations give (after changing one, run npm run schema)", () => {
    expect((schema as { properties: Json }).properties.rules).toEqual(JSON.parse(JSON.stringify(rulesSchema())));
  });

  // Each broken file: what a user got wrong, and the path the checker must name.
  const BROKEN: [string, (p: Json) => void, string][] = [
    ["a misspelt key in a field (lable)", (p) => {
      const f = (p.layouts as Json[])[0].fields as Json[];
      f[4].lable = f[4].label;
      delete f[4].label;
    }, "layouts[0].fields[4].lable"],
    ["a misspelt top-level key (layuots)", (p) => {
      p.layuots = p.layouts;
      delete p.layouts;
    }, "layuots"],
    ["a field id that does not exist (purpse)", (p) => {
      ((p.layouts as Json[])[0].fields as Json[])[4].id = "purpse";
    }, "layouts[0].fields[4].id"],
    ["a rule id that does not exist", (p) => {
      (p.rules as Json)["CODE-INVALIDD"] = {};
    }, "rules.CODE-INVALIDD"],
    ["required: sometimes", (p) => {
      ((p.layouts as Json[])[0].fields as Json[])[4].required = "sometimes";
    }, "layouts[0].fields[4].required"],
    ["a name without English", (p) => {
      delete (p.name as Json).en;
    }, "name.en"],
    ["an id with capitals and spaces", (p) => {
      p.id = "My City";
    }, "id"],
    ["a number where a list of ratings is meant (positive: 5)", (p) => {
      (p.rules as Json)["IND-RATING-CONFLICT"] = { params: { positive: 5 } };
    }, "rules.IND-RATING-CONFLICT.params.positive"],
    ['one string where a list of codes is meant (codes: "SB")', (p) => {
      (p.rules as Json)["EVAL-COMMENT-MISSING"] = { params: { codes: "SB" } };
    }, "rules.EVAL-COMMENT-MISSING.params.codes"],
    ["a misspelt parameter (positiv)", (p) => {
      (p.rules as Json)["IND-RATING-CONFLICT"] = { params: { positiv: ["S"] } };
    }, "rules.IND-RATING-CONFLICT.params.positiv"],
    ["a parameter for a rule that takes none", (p) => {
      (p.rules as Json)["CODE-VARIANT"] = { params: { strict: true } };
    }, "rules.CODE-VARIANT.params.strict"],
    ["a pattern that is not a regular expression", (p) => {
      (p.rules as Json)["LIST-MISMATCH"] = { params: { ignoredNotes: ["(旧"] } };
    }, "rules.LIST-MISMATCH.params.ignoredNotes"],
    ["a plan period that is not a fiscal year", (p) => {
      (p.rules as Json)["YEAR-HEADER"] = { params: { planPeriod: { from: "来年度", to: 2020 } } };
    }, "rules.YEAR-HEADER.params.planPeriod.from"],
    ['one string where a list of title marks is meant (titleMarks: "主要")', (p) => {
      p.titleMarks = "主要";
    }, "titleMarks"],
    ["goals without results", (p) => {
      (p.rules as Json)["GOAL-STATUS-MISMATCH"] = { params: { goals: "plan" } };
    }, "rules.GOAL-STATUS-MISMATCH.params.results"],
  ];

  test.each(BROKEN)("refused by both, naming the field: %s", (_what, breakIt, pathNamed) => {
    const p = clone(readJson(EXAMPLE));
    breakIt(p);
    expect(schemaErrors(p).length).toBeGreaterThan(0);
    const { profile, problems } = checkProfile(p);
    expect(profile).toBeUndefined();
    expect(problems.map((x) => x.path)).toContain(pathNamed);
    // And the message a user reads names it too: a rule parameter by its rule and its field (`params.positive`).
    const param = /^rules\.([A-Z0-9-]+)\.(params\..+)$/.exec(pathNamed);
    for (const lang of ["ja", "en"] as const) {
      const text = describeProfileProblems(problems, lang).join("\n");
      if (param) for (const part of [p.id as string, param[1], param[2]]) expect(text).toContain(part);
      else expect(text).toContain(pathNamed);
    }
  });

  test("a schedule column must say which headers are its years, in both", () => {
    const p = clone(readJson("src/core/profiles/kodaira-program.json"));
    const cols = (p.layouts as Json[])[0].columns as Json[];
    const i = cols.findIndex((c) => c.type === "schedule");
    expect(i).toBeGreaterThanOrEqual(0);
    delete cols[i].years;
    expect(schemaErrors(p).length).toBeGreaterThan(0);
    expect(checkProfile(p).problems.map((x) => x.path)).toContain(`layouts[0].columns[${i}].years`);
  });
});

describe("例示市's profile (the worked example in docs/profiles.md)", () => {
  const example = parseUserProfile(readFileSync(path.join(ROOT, EXAMPLE), "utf8"));
  if (!example.ok) throw new Error("the documented example does not load");
  const { standard, relabelled, relabelledSpec } = exampleCitySheet();

  test("reads the relabelled sheet as the built-in profile reads the standard one; the built-in one does not read it", () => {
    const mine = validateWorkbook({ sheets: [relabelled], skippedSheets: [] }, { profiles: [example.profile] });
    const std = validateWorkbook({ sheets: [standard], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
    const [a, b] = [mine.records[0], std.records[0]];
    expect(mine.sheets[0]).toMatchObject({ status: "recognised", profileId: "example-city-chosahyo" });
    expect(a.id?.text).toBe("3");
    expect(a.title?.text).toBe(b.title?.text);
    expect(a.title?.text).toBe("地域コミュニティの推進");
    expect(a.texts).toEqual(b.texts);
    expect(a.codes.eval1?.parsed).toEqual(b.codes.eval1?.parsed);
    expect(a.codes.eval2?.parsed).toEqual(b.codes.eval2?.parsed);
    expect(a.departments?.list).toEqual(b.departments?.list);
    expect(a.indicators.map((i) => [i.label.text, i.target?.text, i.actual?.text])).toEqual(b.indicators.map((i) => [i.label.text, i.target?.text, i.actual?.text]));
    expect(a.fiscalYear?.value).toBe(2017);
    expect(mine.findings.filter((f) => f.ruleId === "LABEL-MISSING")).toEqual([]);

    const builtIn = validateWorkbook({ sheets: [relabelled], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
    expect(builtIn.records.filter((r) => r.texts.result !== undefined)).toEqual([]);
  });

  test("the command in the docs works: validate with --profile docs/examples/example-city-chosahyo.json", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-example-"));
    try {
      const file = path.join(dir, "例示市_調査票.xlsx");
      writeFileSync(file, await specsToXlsx([relabelledSpec]));
      const run = await cli(["validate", file, "--profile", path.join(ROOT, EXAMPLE), "--json"]);
      const json = JSON.parse(run.stdout);
      expect(json.files[0].sheets).toEqual([{ name: "例示市_3", profile: "example-city-chosahyo", score: 1, records: 1 }]);
      expect(json.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "LABEL-MISSING")).toEqual([]);
      expect(run.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("stored in the workbook's settings, the task pane uses it; a broken one is named and the built-in ones are used", () => {
    const good = profilesFor({ ...DEFAULT_SETTINGS, profileJson: readFileSync(path.join(ROOT, EXAMPLE), "utf8") });
    expect(good.storedProfileProblem).toBeUndefined();
    expect(good.profiles.map((p) => p.id)).toEqual([...BUILT_IN_PROFILES.map((p) => p.id), "example-city-chosahyo"]);

    const broken = clone(readJson(EXAMPLE));
    ((broken.layouts as Json[])[0].fields as Json[])[4].id = "purpse";
    const bad = profilesFor({ ...DEFAULT_SETTINGS, profileJson: JSON.stringify(broken) });
    expect(bad.profiles).toBe(BUILT_IN_PROFILES);
    expect(bad.storedProfileProblem!("ja")).toContain("layouts[0].fields[4].id");
    expect(bad.storedProfileProblem!("en")).toContain("layouts[0].fields[4].id");
    expect(profilesFor({ ...DEFAULT_SETTINGS, profileJson: "{ not json" }).storedProfileProblem!("ja")).toContain("JSON");
  });
});

