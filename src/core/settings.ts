/**
 * Settings that travel with the workbook (stored in the add-in's hidden settings sheet by either adapter):
 * the stage, the 対象年度, the 計画期間 and per-sheet profile overrides.
 */
import { parsePlanPeriod, type YearSpan } from "./plan-period";
import type { SheetOverride } from "./profile/recognize";
import { DEFAULT_STAGE, STAGES, type Stage } from "./profile/types";

export interface WorkbookSettings {
  readonly stage: Stage;
  /** 対象年度 (western fiscal year), when the user set one; otherwise it is read from the sheets. */
  readonly fiscalYear?: number;
  /** 計画期間, when the user set one; otherwise it is read from the sheets' year headers. Stored as `2023-2026`. */
  readonly planPeriod?: YearSpan;
  readonly overrides: Readonly<Record<string, SheetOverride>>;
  /** A user profile (JSON text) stored with the workbook. */
  readonly profileJson?: string;
}

export const DEFAULT_SETTINGS: WorkbookSettings = { stage: DEFAULT_STAGE, overrides: {} };

const KEYS = { stage: "stage", fiscalYear: "fiscalYear", planPeriod: "planPeriod", overrides: "overrides", profile: "profile" } as const;

function parseOverrides(text: string | undefined): Record<string, SheetOverride> {
  if (!text) return {};
  try {
    const raw = JSON.parse(text) as unknown;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
    const out: Record<string, SheetOverride> = {};
    for (const [sheet, v] of Object.entries(raw as Record<string, unknown>)) {
      if (v === "none") out[sheet] = "none";
      else if (v && typeof v === "object" && typeof (v as { profileId?: unknown }).profileId === "string") {
        const o = v as { profileId: string; layoutId?: unknown };
        out[sheet] = typeof o.layoutId === "string" ? { profileId: o.profileId, layoutId: o.layoutId } : { profileId: o.profileId };
      }
    }
    return out;
  } catch {
    return {};
  }
}

/** Reads the stored key/value pairs; anything missing or malformed falls back to the defaults. */
export function parseSettings(stored: Readonly<Record<string, string>>): WorkbookSettings {
  const stage = (STAGES as readonly string[]).includes(stored[KEYS.stage]) ? (stored[KEYS.stage] as Stage) : DEFAULT_SETTINGS.stage;
  const fy = Number(stored[KEYS.fiscalYear]);
  const period = stored[KEYS.planPeriod] ? parsePlanPeriod(stored[KEYS.planPeriod]) : undefined;
  return {
    stage,
    fiscalYear: Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    ...(period ? { planPeriod: period } : {}),
    overrides: parseOverrides(stored[KEYS.overrides]),
    profileJson: stored[KEYS.profile] || undefined,
  };
}

export function serializeSettings(s: WorkbookSettings): Record<string, string> {
  return {
    [KEYS.stage]: s.stage,
    [KEYS.fiscalYear]: s.fiscalYear === undefined ? "" : String(s.fiscalYear),
    [KEYS.planPeriod]: s.planPeriod ? `${s.planPeriod.from}-${s.planPeriod.to}` : "",
    [KEYS.overrides]: JSON.stringify(s.overrides),
    [KEYS.profile]: s.profileJson ?? "",
  };
}
