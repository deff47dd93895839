/**
 * @jest-environment node
 *
 * The profile's rollover section is checked like the rest of the profile: a layout id, label key or field id that is
 * not the profile's is refused, naming the field.
 */
import { checkProfile } from "../../src/core/profile/check-profile";
import { builtInProfile } from "../../src/core/profiles";

const withRollover = (rollover: unknown) => ({ ...JSON.parse(JSON.stringify(builtInProfile("kodaira-chosahyo"))), rollover });
const paths = (rollover: unknown) => checkProfile(withRollover(rollover)).problems.map((p) => `${p.path}: ${p.problem}`);

test("組み込みの小平の年度更新は通る", () => {
  expect(paths(builtInProfile("kodaira-chosahyo")!.rollover)).toEqual([]);
});

test("ない様式、ない見出しの鍵（* も {FY} もない）、ない項目、形の違う carry は、その場所を名指しして断る", () => {
  expect(
    paths({
      layouts: {
        nope: {},
        survey: { shiftYears: ["title", "titel"], clear: ["result", "resut"], carry: { from: "next", to: "plan" } },
        list: { shiftYears: ["*年度下半期評価"], yearValue: { from: "actual" } },
      },
      ended: { fields: ["next"] },
    }),
  ).toEqual([
    "rollover.layouts.nope: unknown-field",
    "rollover.layouts.survey.shiftYears[1]: bad-value",
    "rollover.layouts.survey.clear[1]: bad-value",
    "rollover.layouts.survey.carry: wrong-type",
    "rollover.layouts.list.yearValue.to: missing",
    "rollover.ended.words: missing",
  ]);
});
