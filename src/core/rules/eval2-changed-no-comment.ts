/** EVAL2-CHANGED-NO-COMMENT: a 2次評価 that differs from the 1次評価 with no 2次 comment. */
import type { Finding } from "../model/finding";
import { fieldLabel } from "./field-label";
import { commentOf, finding } from "./helpers";
import type { RecordRule } from "./types";

export const eval2ChangedNoComment: RecordRule = {
  id: "EVAL2-CHANGED-NO-COMMENT",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records") return out;
    const e1 = rec.codes.eval1?.parsed.code;
    const c2 = rec.codes.eval2;
    const e2 = c2?.parsed.code;
    if (!e1 || !e2 || e1 === e2 || !c2 || commentOf(c2)) return out;
    out.push(
      finding("EVAL2-CHANGED-NO-COMMENT", env.severity, rec, c2.commentAt ?? c2.cell, "rule.EVAL2-CHANGED-NO-COMMENT", {
        eval1: e1,
        eval2: e2,
        eval1Field: fieldLabel(env.profile, rec, "eval1"),
        eval2Field: fieldLabel(env.profile, rec, "eval2"),
      }),
    );
    return out;
  },
};
