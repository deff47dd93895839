/**
 * @jest-environment node
 *
 * Rule parameters are typed: a profile whose `params` a rule does not take, or of the wrong type, is refused when it
 * loads (CLI `--profile`, the pane's stored profile), with a message naming the profile, the rule and the field; good
 * parameters are used and the ones left out take their defaults.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkProfile } from "../src/core/profile/check-profile";
import type { Profile } from "../src/core/profile/types";
import { describeProfileProblems, parseUserProfile } from "../src/core/profile/user-profile";
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import { RULES, paramsSchemaOf } from "../src/core/rules";
import { checkParamValue, FIELD_ID_REF, readParams } from "../src/core/rules/params";
import { EVAL_COMMENT_MISSING_PARAMS } from "../src/core/rules/eval-comment-missing";
import { IND_RATING_CONFLICT_PARAMS } from "../src/core/rules/ind-rating-conflict";
import { validateWorkbook } from "../src/core/validate";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { profilesFor } from "../src/taskpane/use-checker";
import { RULE_IDS } from "../src/core/model/finding";
import { cli } from "./helpers/cli";
import { kodairaSeed, ROOT } from "./helpers/grid";

type Json = Record<string, unknown>;

/** The built-in 小平 profile as a city's own copy (id kodaira-custom), with `rules` changed as given. */
function custom(rules: Json): Json {
  const p = JSON.parse(JSON.stringify(BUILT_IN_PROFILES.find((x) => x.id === "kodaira-chosahyo"))) as Json;
  p.id = "kodaira-custom";
  p.rules = { ...(p.rules as Json), ...rules };
  return p;
}

function refused(json: Json): { ja: string[]; en: string[]; paths: string[] } {
  const r = parseUserProfile(JSON.stringify(json));
  if (r.ok || r.reason !== "invalid") throw new Error("the profile was accepted");
  return { ja: describeProfileProblems(r.problems, "ja"), en: describeProfileProblems(r.problems, "en"), paths: r.problems.map((p) => p.path) };
}

describe("a bad parameter is refused when the profile loads", () => {
  test("IND-RATING-CONFLICT positive: 5 — the message names the profile, the rule and the field", () => {
    const r = refused(custom({ "IND-RATING-CONFLICT": { params: { positive: 5 } } }));
    expect(r.ja).toEqual(["プロファイル kodaira-custom の規則 IND-RATING-CONFLICT の params.positive は文字列の配列で指定してください"]);
    expect(r.en).toEqual(["Profile kodaira-custom, rule IND-RATING-CONFLICT: params.positive must be an array of strings"]);
    expect(r.paths).toEqual(["rules.IND-RATING-CONFLICT.params.positive"]);
  });

  test('codes: "SB" (one string where a list of codes is meant) is refused, not read as a substring', () => {
    const r = refused(custom({ "EVAL-COMMENT-MISSING": { params: { codes: "SB" } } }));
    expect(r.ja).toEqual(["プロファイル kodaira-custom の規則 EVAL-COMMENT-MISSING の params.codes は文字列の配列で指定してください"]);
    expect(r.en).toEqual(["Profile kodaira-custom, rule EVAL-COMMENT-MISSING: params.codes must be an array of strings"]);
    // A list holding something other than a code is refused too.
    expect(refused(custom({ "EVAL-COMMENT-MISSING": { params: { codes: ["S", 1] } } })).paths).toEqual(["rules.EVAL-COMMENT-MISSING.params.codes"]);
  });

  test("a parameter the rule does not have is refused, naming the ones it has", () => {
    const r = refused(custom({ "IND-RATING-CONFLICT": { params: { positiv: ["S"] } } }));
    expect(r.ja).toEqual(["プロファイル kodaira-custom の規則 IND-RATING-CONFLICT の params.positiv は使えません（指定できるのは positive, negative）"]);
    expect(r.en).toEqual(["Profile kodaira-custom, rule IND-RATING-CONFLICT: params.positiv is not a parameter of this rule (it takes positive, negative)"]);
  });

  test("a rule that takes no parameters refuses any", () => {
    const r = refused(custom({ "CODE-VARIANT": { params: { strict: true } } }));
    expect(r.ja).toEqual(["プロファイル kodaira-custom の規則 CODE-VARIANT の params.strict は使えません（この規則は params を取りません）"]);
    expect(r.en).toEqual(["Profile kodaira-custom, rule CODE-VARIANT: params.strict cannot be set: this rule takes no parameters"]);
    expect(refused(custom({ "CODE-VARIANT": { params: [] } })).ja).toEqual(["プロファイル kodaira-custom の規則 CODE-VARIANT の params は使えません（この規則は params を取りません）"]);
    // A rule that has parameters wants them as an object.
    expect(refused(custom({ "IND-RATING-CONFLICT": { params: ["S"] } })).ja).toEqual([
      "プロファイル kodaira-custom の規則 IND-RATING-CONFLICT の params は「positive」「negative」を持つオブジェクトで指定してください",
    ]);
    // `params: {}` says nothing and is accepted.
    expect(parseUserProfile(JSON.stringify(custom({ "CODE-VARIANT": { params: {} } }))).ok).toBe(true);
  });

  test("the other parameter types: an enum, a regular expression, field ids, a plan period, both goals and results", () => {
    const cases: [Json, string][] = [
      [{ "LIST-MISMATCH": { params: { departmentNotes: "yes" } } }, "params.departmentNotes は「compare」「ignore」のいずれかで指定してください"],
      [{ "LIST-MISMATCH": { params: { ignoredNotes: ["(旧"] } } }, "params.ignoredNotes は正規表現の文字列の配列で指定してください"],
      [{ "GOAL-STATUS-MISMATCH": { params: { goals: "plan" } } }, "params.results を指定してください"],
      [{ "GOAL-STATUS-MISMATCH": { params: { goals: "plans!", results: "result" } } }, "params.goals は項目 id（purpose、plan など）で指定してください"],
      [{ "YEAR-HEADER": { params: { planPeriod: { from: "来年度", to: 2020 } } } }, "params.planPeriod.from は年度の文字列（「平成29年度」「令和5年度」など）または1868 以上の整数で指定してください"],
      [{ "YEAR-HEADER": { params: { planPeriod: { from: 2017, to: 2020, step: 1 } } } }, "params.planPeriod.step は使えません（指定できるのは from, to）"],
    ];
    for (const [rules, message] of cases) {
      const rule = Object.keys(rules)[0];
      expect(refused(custom(rules)).ja).toEqual([`プロファイル kodaira-custom の規則 ${rule} の ${message}`]);
    }
  });

  test("a profile with no usable id is still named", () => {
    const p = custom({ "IND-RATING-CONFLICT": { params: { negative: "B" } } });
    delete p.id;
    expect(refused(p).ja).toContain("プロファイル （id なし） の規則 IND-RATING-CONFLICT の params.negative は文字列の配列で指定してください");
  });
});

describe("good parameters are used, and those left out take their defaults", () => {
  test("every parameter the built-in profiles set passes, and each rule's defaults fit its own declaration", () => {
    for (const p of BUILT_IN_PROFILES) expect(checkProfile(p).problems).toEqual([]);
    const defs = { [FIELD_ID_REF]: { type: "string" as const } };
    const declared = RULES.filter((r) => r.params);
    expect(declared.length).toBeGreaterThanOrEqual(8);
    for (const r of declared) {
      for (const [name, value] of Object.entries(r.params!.defaults)) {
        expect([r.id, name, checkParamValue(r.params!.schema.properties[name], value, name, defs)]).toEqual([r.id, name, []]);
      }
    }
    // Only rules that declare parameters have any in the schema.
    for (const id of RULE_IDS) expect([id, paramsSchemaOf(id) !== undefined]).toEqual([id, RULES.some((r) => r.id === id && r.params)]);
  });

  test("readParams: what the profile gives, and the defaults for the rest", () => {
    expect(readParams(IND_RATING_CONFLICT_PARAMS, {})).toEqual({ positive: ["S", "A"], negative: ["B"] });
    expect(readParams(IND_RATING_CONFLICT_PARAMS, { params: { negative: ["B", "C"] } })).toEqual({ positive: ["S", "A"], negative: ["B", "C"] });
    // A profile built in code is checked when the rule reads it.
    expect(() => readParams(EVAL_COMMENT_MISSING_PARAMS, { params: { codes: "SB" } })).toThrow("params.codes must be an array of strings");
  });

  test("on the 小平 sample: codes [\"S\"] keeps only the S ratings' EVAL-COMMENT-MISSING; the default is S and B", async () => {
    const snapshot = await kodairaSeed();
    const evalComment = (rules: Json) => {
      const r = parseUserProfile(JSON.stringify({ ...custom(rules), id: "kodaira-chosahyo" }));
      if (!r.ok) throw new Error("refused");
      const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES.map((p) => (p.id === r.profile.id ? r.profile : p)) });
      return report.findings.filter((f) => f.ruleId === "EVAL-COMMENT-MISSING").map((f) => `${f.sheet}!${f.cell} ${f.message.en.slice(0, 20)}`);
    };
    const byDefault = evalComment({ "EVAL-COMMENT-MISSING": {} });
    const onlyS = evalComment({ "EVAL-COMMENT-MISSING": { params: { codes: ["S"] } } });
    const explicit = evalComment({ "EVAL-COMMENT-MISSING": { params: { codes: ["S", "B"] } } });
    expect(byDefault.some((f) => f.includes("rating is B"))).toBe(true);
    expect(byDefault.some((f) => f.includes("rating is S"))).toBe(true);
    expect(explicit).toEqual(byDefault);
    expect(onlyS).toEqual(byDefault.filter((f) => f.includes("rating is S")));
  });
});

describe("a profile built in code skips the load check: the rule stops and says which parameter", () => {
  test('codes: "SB" gives RULE-FAILED naming params.codes, and no EVAL-COMMENT-MISSING', async () => {
    const snapshot = await kodairaSeed();
    const profiles = BUILT_IN_PROFILES.map((p) => (p.id === "kodaira-chosahyo" ? ({ ...custom({ "EVAL-COMMENT-MISSING": { params: { codes: "SB" } } }), id: p.id } as unknown as Profile) : p));
    const report = validateWorkbook(snapshot, { profiles });
    const failed = report.findings.filter((f) => f.ruleId === "RULE-FAILED" && f.message.en.includes("EVAL-COMMENT-MISSING"));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].message.ja).toContain("params.codes は文字列の配列で指定してください");
    expect(failed[0].message.en).toContain("params.codes must be an array of strings");
    expect(report.findings.filter((f) => f.ruleId === "EVAL-COMMENT-MISSING")).toEqual([]);
  });
});

describe("where a profile is loaded", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-params-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("CLI: --profile bad.json exits 2, with the message on stderr in the chosen language", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(custom({ "IND-RATING-CONFLICT": { params: { positive: 5 } } })));
    const seed = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
    const ja = await cli(["validate", seed, "--profile", file]);
    expect(ja.code).toBe(2);
    expect(ja.stdout).toBe("");
    expect(ja.stderr).toContain(file);
    expect(ja.stderr).toContain("プロファイル kodaira-custom の規則 IND-RATING-CONFLICT の params.positive は文字列の配列で指定してください");
    const en = await cli(["validate", seed, "--profile", file, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("Profile kodaira-custom, rule IND-RATING-CONFLICT: params.positive must be an array of strings");
  });

  test("the pane: a stored profile with a bad parameter is named, and the built-in profiles are used", () => {
    const bad = profilesFor({ ...DEFAULT_SETTINGS, profileJson: JSON.stringify(custom({ "EVAL-COMMENT-MISSING": { params: { codes: "SB" } } })) });
    expect(bad.profiles).toBe(BUILT_IN_PROFILES);
    expect(bad.storedProfileProblem!("ja")).toContain("プロファイル kodaira-custom の規則 EVAL-COMMENT-MISSING の params.codes は文字列の配列で指定してください");
    expect(bad.storedProfileProblem!("en")).toContain("Profile kodaira-custom, rule EVAL-COMMENT-MISSING: params.codes must be an array of strings");
    const good = profilesFor({ ...DEFAULT_SETTINGS, profileJson: JSON.stringify(custom({ "EVAL-COMMENT-MISSING": { params: { codes: ["S"] } } })) });
    expect(good.storedProfileProblem).toBeUndefined();
    expect(good.profiles.map((p) => p.id)).toContain("kodaira-custom");
  });
});
