/**
 * A rule is a small pure function from parsed records (and the workbook context) to findings (docs/rules.md).
 * Profiles switch rules on, set their severity and give parameters.
 */
import type { Finding, RuleId, Severity } from "../model/finding";
import type { SheetGrid } from "../model/grid";
import type { SurveyRecord } from "../model/record";
import type { Profile, RuleSetting, Stage } from "../profile/types";
import type { PlanPeriod } from "../plan-period";
import type { PreviousYear } from "../validate";
import type { Family } from "./family";
import type { RuleParams } from "./params";

export interface RuleEnv {
  readonly profile: Profile;
  readonly stage: Stage;
  /** The workbook's 対象年度 (fiscal year being assessed). */
  readonly fiscalYear?: number;
  /** The plan period for the record's profile: set by the user, stated by the sheets' year headers, or undefined. */
  readonly planPeriod?: PlanPeriod;
  readonly severity: Severity;
  readonly setting: RuleSetting;
  readonly family: Family;
  /** The record is the first one read from its sheet (list sheets report sheet-wide problems once). */
  readonly firstOfSheet: boolean;
}

export interface RecordRule {
  readonly id: RuleId;
  readonly scope: "record";
  readonly defaultSeverity: Severity;
  /** The parameters a profile may give it (params.ts); a rule without a declaration takes none. */
  readonly params?: RuleParams;
  check(record: SurveyRecord, env: RuleEnv): Finding[];
}

export interface WorkbookEnv {
  readonly records: readonly SurveyRecord[];
  readonly profiles: readonly Profile[];
  readonly stage: Stage;
  readonly fiscalYear?: number;
  readonly family: Family;
  /** Sheets that were not recognised, for master lists such as 所管課マスタ. */
  readonly otherSheets: readonly SheetGrid[];
  /** Last year's workbook, when the user gave one: the year-over-year rules compare with it, the others ignore it. */
  readonly previous?: PreviousYear;
  /** The rule's setting for a profile, or undefined when that profile does not enable it. */
  settingFor(profileId: string): { readonly severity: Severity; readonly setting: RuleSetting } | undefined;
}

export interface WorkbookRule {
  readonly id: RuleId;
  readonly scope: "workbook";
  readonly defaultSeverity: Severity;
  /** The parameters a profile may give it (params.ts); a rule without a declaration takes none. */
  readonly params?: RuleParams;
  check(env: WorkbookEnv): Finding[];
}

export type Rule = RecordRule | WorkbookRule;
