/**
 * A new plan's blank workbook as sheet specs (docs/new-plan.md): the 評価一覧 with every item and no ratings, then one
 * 調査票 per item in the canonical layout (template/kodaira-chosahyo.ts), its heading, purpose and 所管課 filled from the
 * list and every input left blank. The years come from the plan period: the schedule's year headers, the title's
 * 対象年度 (the first year), the 当初予定(P) and yearly results headers. They are written in the era of the plan's first
 * year, as a plan document of its time does (a plan of 2017–2020 says 平成29年度 … 平成32年度).
 */
import { t } from "../i18n";
import type { YearSpan } from "../plan-period";
import { compileLabel, matchesLabel } from "../profile/labels";
import type { Profile } from "../profile/types";
import type { PrintSpec, SheetSpec, SpecCell } from "../sheet-spec";
import { listSheetSpec, surveySheetSpec, type ListRowInput, type SurveySheetInput } from "../template/kodaira-chosahyo";
import { normalizeLabel, textWidth } from "../values/text";
import { eraNumberText, eraYearOf, yearInEra } from "../values/wareki";
import type { PlanItem, PlanListProblem } from "./plan-list";

/** The profile whose canonical layout the template writes: a new plan is made in it. */
export const NEW_PLAN_PROFILE_ID = "kodaira-chosahyo";

/** The 調査票 title of the canonical layout: `{plan}` is the plan's name, `{year}` its first year (`平成29`). */
export const SURVEY_TITLE_PATTERN = "{plan}進捗状況調査票（{year}年度末）";

export interface NewPlanOptions {
  readonly planPeriod: YearSpan;
  /** `第3次行財政再構築`: starts the 調査票 title and the 評価一覧's. */
  readonly planName?: string;
  /** The 調査票 title, SURVEY_TITLE_PATTERN unless given; it must read as the profile's title label. */
  readonly titlePattern?: string;
}

export interface NewPlanWorkbook {
  /** The 評価一覧 first, then the 調査票 in list order. */
  readonly specs: readonly SheetSpec[];
  readonly listSheet: string;
  readonly surveySheets: readonly string[];
  /** Rows marked 【No.…の再掲】: listed in the 評価一覧, with no 調査票 of their own. */
  readonly reposts: readonly PlanItem[];
}

export type NewPlanResult = ({ readonly ok: true } & NewPlanWorkbook) | { readonly ok: false; readonly problems: readonly PlanListProblem[] };

/** A calendar month's end in the era of its time: the end of March 2019 was still 平成31 (令和 began on 1 May). */
function monthYear(year: number, month: number): string {
  const era = year === 2019 && month < 5 ? "平成" : eraYearOf(year).era;
  return `${era}${eraNumberText(yearInEra(era, year))}年${month}月末`;
}

function fill(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

/** The 調査票 title the profile reads its 対象年度 from: the title label of its survey layout. */
function titleReads(profile: Profile, title: string): boolean {
  const layout = profile.layouts.find((l) => l.role === "records" && l.shape === "form");
  if (!layout || layout.shape !== "form") return false;
  const field = layout.fields.find((f) => f.type === "fiscal-year");
  const spec = field && "label" in field && field.label ? layout.labels[field.label] : undefined;
  return spec ? matchesLabel(compileLabel("title", spec), normalizeLabel(title)) : true;
}

export function newPlanSpecs(items: readonly PlanItem[], profile: Profile, options: NewPlanOptions): NewPlanResult {
  const { from, to } = options.planPeriod;
  // Every year of the plan in the era of its first, as the city's plans print them (平成29〜平成32年度).
  const { era } = eraYearOf(from);
  const fy = (y: number) => `${era}${eraNumberText(yearInEra(era, y))}`;
  const years = Array.from({ length: to - from + 1 }, (_, i) => `${fy(from + i)}年度`);
  const plan = options.planName?.trim() ?? "";
  const title = fill(options.titlePattern ?? SURVEY_TITLE_PATTERN, { plan, year: fy(from) }).trim();
  if (!titleReads(profile, title)) {
    return { ok: false, problems: [{ key: "newPlan.problem.title-unreadable", params: { title, year: fy(from) } }] };
  }
  const listName = profile.layouts.find((l) => l.role === "list")?.name.ja ?? "評価一覧";
  const first = eraNumberText(yearInEra(era, from));
  const list = withFiscalEffect(
    listSheetSpec({
      sheetName: listName,
      title: `${plan ? `${plan}プラン ` : ""}${first}年度末評価`,
      periodHeader: `${first}年度下半期評価`,
      rows: listRows(items),
    }),
    items,
  );
  // The list prints with its two header rows on every page.
  const listPrinted: SheetSpec = { ...list, print: { ...PRINT, repeatRows: { top: 2, bottom: 3 } } };
  const surveys = items
    .filter((it) => !it.repostOf)
    .map((it) =>
      withInputRoom({
        sheetName: `No.${it.id}`,
        title,
        id: it.id,
        itemTitle: it.title,
        purpose: it.purpose || null,
        headers: {
          baseline: `現状値 (計画初期値)\n${monthYear(from, 3)}`,
          actual: `下半期値\n${monthYear(from + 1, 3)}`,
          years,
          plan: `${fy(from)}年度 当初予定(P)`,
          yearlyResults: years.map((y) => `${y}実績`),
        },
        indicators: [],
        packed: false,
        tasks: Array.from({ length: TASK_ROWS }, () => ({ text: "", years: [] })),
        plan: null,
        departments: it.departments,
        result: null,
        eval1: { rating: null, comment: null },
        eval2: { rating: null, comment: null },
        next: null,
      }),
    );
  return {
    ok: true,
    specs: [listPrinted, ...surveys],
    listSheet: list.name,
    surveySheets: surveys.map((s) => s.name),
    reposts: items.filter((it) => it.repostOf),
  };
}

/** Blank rows of the 工程表 (実施内容 and its years): room for a few tasks; more are rows the department inserts. */
const TASK_ROWS = 3;
/** Characters of the item column (30 wide) on one line, a Japanese character counting two. */
const ITEM_LINE_WIDTH = 30;
/** A line of 11 pt text with its leading, in Excel's Japanese fonts (游ゴシック runs taller than Calibri). */
const POINTS_PER_LINE = 18;
/** Height of each row a department writes into (P, D, A, the comments and the yearly results): about three lines. */
const INPUT_ROW_POINTS = 45;

const PRINT: PrintSpec = { orientation: "landscape", paper: "A4", fitToWidth: true };

/**
 * The blank 調査票 with rows tall enough to read and to write in: the item's rows show its heading and purpose whole,
 * and the input rows of P-D-C-A and the yearly results have room for a few lines. It prints on one page wide, as a
 * form handed to a department should. Rows are those of the canonical
 * layout (surveySheetSpec): the body from row 5, then a blank row, the P-D-C-A header, its two rows, a blank row, the
 * yearly results header and its row.
 */
function withInputRoom(input: SurveySheetInput): SheetSpec {
  const spec = surveySheetSpec(input);
  const body = 4;
  const n = Math.max(input.tasks.length, 1);
  const heading = [`No.${input.id} ${input.itemTitle}`, ...(input.purpose ? ["<目的・ねらい>", input.purpose] : [])];
  const lines = heading.reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / ITEM_LINE_WIDTH)), 0);
  const perRow = Math.max(15, Math.ceil((lines * POINTS_PER_LINE + 6) / n));
  const values = body + n + 2;
  const heights: Record<number, number> = {};
  for (let r = body; r < body + n; r++) heights[r] = perRow;
  for (const r of [values, values + 1, values + 4]) heights[r] = INPUT_ROW_POINTS;
  return { ...spec, rowHeights: { ...spec.rowHeights, ...heights }, print: PRINT };
}

/** As the 評価一覧 is written: the 方針 on each group's first row, the tags and the repost mark with the title. */
function listRows(items: readonly PlanItem[]): ListRowInput[] {
  let last: string | undefined;
  return items.map((it) => {
    const group = it.group !== last ? it.group || null : null;
    last = it.group;
    const tags = it.tags.map((t) => `【${t}】`).join("");
    return {
      group,
      no: /^\d+$/.test(it.id) ? Number(it.id) : it.id,
      title: [tags, it.title, it.repostOf ? `【No.${it.repostOf}の再掲】` : ""].filter(Boolean).join(" "),
      departments: it.departments,
      rating1: null,
      rating2: null,
      purpose: it.purpose || null,
    };
  });
}

/** The list's 財政効果, when any item has one, in a column after 目的・ねらい (the reader takes columns by label). */
function withFiscalEffect(spec: SheetSpec, items: readonly PlanItem[]): SheetSpec {
  if (!items.some((it) => it.fiscalEffect)) return spec;
  const col = 7;
  const header = t("ja", "newPlan.column.fiscalEffect");
  const cells: SpecCell[] = [{ row: 2, col, value: { t: "text", v: header }, style: "header" }];
  items.forEach((it, i) => cells.push({ row: 4 + i, col, value: it.fiscalEffect ? { t: "text", v: it.fiscalEffect } : { t: "empty" }, style: "body" }));
  return {
    ...spec,
    cells: [...spec.cells, ...cells],
    merges: [...spec.merges, { top: 2, left: col, bottom: 3, right: col }],
    columnWidths: [...(spec.columnWidths ?? []), 16],
  };
}
