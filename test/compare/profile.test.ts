/**
 * @jest-environment node
 *
 * The profile's compare section (docs/profiles.md, 前年度比較) is checked like the rest of the profile, and by the JSON
 * schema: a field that is not a rating, a rating without a code order, a threshold outside (0, 1] are refused, naming
 * the field. Every built-in profile's section passes both.
 */
import { checkProfile } from "../../src/core/profile/check-profile";
import { BUILT_IN_PROFILES, builtInProfile } from "../../src/core/profiles";
import { compileProfileSchema } from "../helpers/profile-schema";

const withCompare = (id: string, compare: unknown) => ({ ...JSON.parse(JSON.stringify(builtInProfile(id))), compare });
const paths = (id: string, compare: unknown) => checkProfile(withCompare(id, compare)).problems.map((p) => `${p.path}: ${p.problem}`);
const validateSchema = compileProfileSchema();

test("組み込みのプロファイルの compare はどれも、検査とスキーマを通る", () => {
  for (const p of BUILT_IN_PROFILES) {
    expect([p.id, paths(p.id, p.compare)]).toEqual([p.id, []]);
    expect([p.id, validateSchema(JSON.parse(JSON.stringify(p))) ? [] : validateSchema.errors]).toEqual([p.id, []]);
  }
  expect(builtInProfile("kodaira-chosahyo")?.compare?.ratings).toEqual([{ field: "eval1" }, { field: "eval2" }]);
});

test("評価でない項目、コード表のない評価に順序なし、範囲外のしきい値、不明な項目は、その場所を名指しして断る", () => {
  const bad = {
    ratings: [{ field: "title" }, { field: "status" }, { field: "eval1", order: "SAB" }],
    texts: { fields: ["result", "reslt"], threshold: 1.5 },
    titleThreshold: 0,
    ended: { codes: { title: ["x"] } },
    colour: "red",
  };
  expect(paths("kodaira-chosahyo", bad)).toEqual([
    "compare.colour: unknown-field",
    "compare.ratings[0].field: bad-value",
    "compare.ratings[1].order: missing",
    "compare.ratings[2].order: wrong-type",
    "compare.texts.fields[1]: bad-value",
    "compare.texts.threshold: bad-value",
    "compare.titleThreshold: bad-value",
    "compare.ended.codes.title: unknown-field",
  ]);
  expect(validateSchema(withCompare("kodaira-chosahyo", bad))).toBe(false);
});

test("順序を書けば、コード表を読まない項目も比べられる（武蔵野の実施状況はコード表から）", () => {
  expect(paths("kodaira-program", { ratings: [{ field: "status", order: ["済", "未"] }] })).toEqual([]);
  expect(paths("musashino-torikumi", { ratings: [{ field: "status" }] })).toEqual([]);
});
