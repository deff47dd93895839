/** EVAL-COMMENT-MISSING: an S or B rating with no comment (a reviewer asks why). kodaira (c.3). */
import type { Finding } from "../model/finding";
import { commentOf, finding } from "./helpers";
import type { RecordRule } from "./types";

export const evalCommentMissing: RecordRule = {
  id: "EVAL-COMMENT-MISSING",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records") return out;
    const codes = (env.setting.params?.codes as string[] | undefined) ?? ["S", "B"];
    const c = rec.codes.eval1;
    if (!c || !c.parsed.code || !codes.includes(c.parsed.code) || commentOf(c)) return out;
    out.push(finding("EVAL-COMMENT-MISSING", env.severity, rec, c.commentAt ?? c.cell, "rule.EVAL-COMMENT-MISSING", { code: c.parsed.code }));
    return out;
  },
};
