/**
 * ITEM-DROPPED: an item of last year's workbook is not in this year's, and last year's did not mark it ended; runs only
 * with last year's workbook. Reported on this year's list sheet of the plan (評価一覧, 目次), else its first sheet.
 */
import { both } from "../i18n";
import type { Finding } from "../model/finding";
import { itemLabel } from "../compare/describe";
import { comparisonFor, lastPlace } from "../compare/previous";
import type { WorkbookRule } from "./types";

export const itemDropped: WorkbookRule = {
  id: "ITEM-DROPPED",
  scope: "workbook",
  defaultSeverity: "warning",
  check(env) {
    const out: Finding[] = [];
    for (const row of comparisonFor(env)?.items ?? []) {
      const s = env.settingFor(row.profileId);
      if (!s || row.change !== "removed" || !row.last) continue;
      const mine = env.records.filter((r) => r.profileId === row.profileId);
      const where = mine.find((r) => r.role === "list") ?? mine[0];
      if (!where) continue;
      out.push({
        ruleId: "ITEM-DROPPED",
        severity: s.severity,
        sheet: where.sheet,
        cell: "A1",
        ...(row.last.id ? { recordId: row.last.id } : {}),
        message: both("rule.ITEM-DROPPED", { item: itemLabel(row.last), place: lastPlace(row.last, row.last.cell) }),
      });
    }
    return out;
  },
};
