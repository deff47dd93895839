/**
 * @jest-environment node
 *
 * The plan period and 対象年度 as a user types them (the pane's setting, `--plan-period`, `--fiscal-year`).
 */
import { defaultPlanPeriod, parseFiscalYearOption, parsePlanPeriod } from "../../../src/core/plan-period";

test.each([
  ["2023-2026", { from: 2023, to: 2026 }],
  ["2023〜2026年度", { from: 2023, to: 2026 }],
  ["令和5〜8", { from: 2023, to: 2026 }],
  ["令和5年度〜令和8年度", { from: 2023, to: 2026 }],
  ["令和５年度～令和８年度", { from: 2023, to: 2026 }],
  ["R5-R8", { from: 2023, to: 2026 }],
  ["平成29～32年度", { from: 2017, to: 2020 }],
  ["平成29年度-令和2年度", { from: 2017, to: 2020 }],
  ["H30-R3", { from: 2018, to: 2021 }],
])("計画期間 %s を読む", (text, span) => {
  expect(parsePlanPeriod(text)).toEqual(span);
});

test.each(["", "2026-2023", "令和8〜5", "2023", "令和5", "計画期間", "1900-1905", "2023-2099"])("計画期間として読めない %s は undefined", (text) => {
  expect(parsePlanPeriod(text)).toBeUndefined();
});

test.each([
  ["2023", 2023],
  ["令和5", 2023],
  ["令和5年度", 2023],
  ["R5", 2023],
  ["令和元年度", 2019],
  ["平成29年度", 2017],
  ["H29", 2017],
])("対象年度 %s を読む", (text, fy) => {
  expect(parseFiscalYearOption(text)).toBe(fy);
});

test.each(["", "令和5〜8", "abc", "1900", "23"])("対象年度として読めない %s は undefined", (text) => {
  expect(parseFiscalYearOption(text)).toBeUndefined();
});

test("新しい計画の既定の期間: 今日が属する年度から4年間（3月はまだ前の年度）", () => {
  expect(defaultPlanPeriod(2027, 3)).toEqual({ from: 2026, to: 2029 });
  expect(defaultPlanPeriod(2027, 4)).toEqual({ from: 2027, to: 2030 });
  expect(defaultPlanPeriod(2027, 1)).toEqual({ from: 2026, to: 2029 });
  expect(defaultPlanPeriod(2027, 12)).toEqual({ from: 2027, to: 2030 });
});
