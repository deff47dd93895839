/**
 * REASON-UNEXPECTED: a 未着手・中止の理由 is given while every status is ◎ (完了) or ○ (実施中). None on the 武蔵野
 * sample, where every reason is empty. Silent when a status is missing or unreadable: other rules report that first.
 */
import type { Finding } from "../model/finding";
import { finding } from "./helpers";
import { reasonText, statusesOf } from "./reason-required";
import type { RecordRule } from "./types";

const UNDER_WAY = ["◎", "○"];

export const reasonUnexpected: RecordRule = {
  id: "REASON-UNEXPECTED",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records" || !rec.texts.reason || !reasonText(rec)) return out;
    // A 年次計画 row with its 実施状況 left empty is not known to be under way (REQUIRED-MISSING reports it).
    if ((rec.plans ?? []).some((p) => p.statusLabel && !p.status)) return out;
    const statuses = statusesOf(rec);
    if (statuses.length === 0 || !statuses.every((s) => s.code.parsed.code && UNDER_WAY.includes(s.code.parsed.code))) return out;
    out.push(finding("REASON-UNEXPECTED", env.severity, rec, rec.texts.reason.cell, "rule.REASON-UNEXPECTED"));
    return out;
  },
};
