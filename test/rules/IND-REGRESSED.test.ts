/**
 * @jest-environment node
 *
 * IND-REGRESSED: with last year's workbook given, an indicator that met its target last year and does not this year is
 * an info at this year's actual, with last year's value and cell.
 */
import { check, kodairaSurvey } from "./harness";

const RULE = "IND-REGRESSED";
const year = (actual: string | number, h30 = false) =>
  kodairaSurvey({
    ...(h30 ? { title: "第3次行財政再構築進捗状況調査票（平成30年度末）" } : {}),
    indicators: [{ label: "見直し件数", baseline: "10件", target: "20件以上", actual }],
  });

test("前年度 22件（達成）→ 今年度 18件（未達成）: E5 に info", () => {
  const r = check("kodaira-chosahyo", year("18件", true), { previous: [year("22件")] });
  expect(r.of(RULE)).toEqual([
    expect.objectContaining({ severity: "info", cell: "E5", ja: "指標「見直し件数」は前年度に目標を達成していました（22件、No.1!E5）が、今年度は未達成です（18件）。" }),
  ]);
  expect(r.of(RULE)[0].en).toBe('The indicator "見直し件数" met its target last year (22件, No.1!E5) but does not this year (18件).');
});

test("達成のまま、未達成のまま、未達成から達成、前年度のブックなし: 指摘しない", () => {
  expect(check("kodaira-chosahyo", year("25件", true), { previous: [year("22件")] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", year("12件", true), { previous: [year("15件")] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", year("21件", true), { previous: [year("15件")] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", year("18件", true)).of(RULE)).toEqual([]);
});
