/** What every summary builder gets, and the basis line each sheet shows under its title. */
import { warekiYear } from "../values/wareki";
import type { Lang } from "../i18n";
import { t } from "../i18n";
import { logTime } from "../changelog";
import type { Finding } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import type { SubmissionsState } from "../cycle/types";
import type { SheetSpec } from "../sheet-spec";
import type { SummaryItem } from "./items";
import type { SUMMARY_IDS } from "./summary-ids.generated";
import type { YearComparison } from "../compare/types";

export interface SummaryContext {
  readonly records: readonly SurveyRecord[];
  readonly findings: readonly Finding[];
  readonly fiscalYear?: number;
  readonly profiles: readonly Profile[];
  readonly items: readonly SummaryItem[];
  readonly generatedAt: Date;
  readonly lang: Lang;
  /** Count repost rows (【No.15の再掲】) in 評価集計; off by default (docs/summaries.md). */
  readonly includeReposts: boolean;
  /** Folder mode: items come from several workbooks, and 評価一覧 shows each one's file. */
  readonly showFiles: boolean;
  /** Sheets that exist in the output, for links; undefined means every sheet named does. */
  readonly linkableSheets?: ReadonlySet<string>;
  /** The master's record of 配布 and 回収 (its settings), for 提出状況; absent in a workbook that never distributed. */
  readonly submissions?: SubmissionsState;
  /** Last year's workbook against this one (core/compare), for 前年度比較; absent when no previous year is set. */
  readonly comparison?: YearComparison;
}


export function fiscalYearText(fy: number | undefined, lang: Lang): string {
  return fy === undefined ? t(lang, "summary.basis.fyUnknown") : t(lang, "summary.fy", { fy, wareki: warekiYear(fy) });
}

export function basisLine(ctx: SummaryContext): string {
  const errors = ctx.findings.filter((f) => f.severity === "error").length;
  const line = t(ctx.lang, "summary.basis", {
    fy: fiscalYearText(ctx.fiscalYear, ctx.lang),
    time: logTime(ctx.generatedAt).slice(0, 16),
    records: ctx.records.filter((r) => r.role === "records").length,
    errors,
  });
  return errors > 0 ? line + t(ctx.lang, "summary.basis.withErrors") : line;
}

/** The catalogue id of each summary sheet (the sheet names are Japanese, the catalogue keys are not). */
export type SummaryId = (typeof SUMMARY_IDS)[number];

/**
 * One kind of summary sheet, declared once in its own file (docs/summaries.md): its id, its place among the sheets
 * written (lowest first), the name of the sheet it writes, whether a workbook's records carry what it shows, and how
 * to build it. Its messages are in `<file>.messages.ts` beside it; `npm run generate` lists it in SUMMARY_KINDS.
 */
export interface SummarySheetKind {
  readonly id: SummaryId;
  readonly order: number;
  readonly sheetName: string;
  isAvailable(ctx: SummaryContext): boolean;
  build(ctx: SummaryContext): SheetSpec;
}
