/** EVAL-COMMENT-MISSING: a rating that needs a reason (S or B by default) with no comment: a reviewer asks why. */
import type { Finding } from "../model/finding";
import { commentOf, finding } from "./helpers";
import { CODE_LIST, declareParams, readParams } from "./params";
import type { RecordRule } from "./types";

export const EVAL_COMMENT_MISSING_PARAMS = declareParams<{ codes: readonly string[] }>({
  codes: { schema: CODE_LIST, default: ["S", "B"], description: "The 1次評価 ratings that need a comment." },
});

export const evalCommentMissing: RecordRule = {
  id: "EVAL-COMMENT-MISSING",
  scope: "record",
  defaultSeverity: "warning",
  params: EVAL_COMMENT_MISSING_PARAMS,
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records") return out;
    const { codes } = readParams(EVAL_COMMENT_MISSING_PARAMS, env.setting);
    const c = rec.codes.eval1;
    if (!c || !c.parsed.code || !codes.includes(c.parsed.code) || commentOf(c)) return out;
    out.push(finding("EVAL-COMMENT-MISSING", env.severity, rec, c.commentAt ?? c.cell, "rule.EVAL-COMMENT-MISSING", { code: c.parsed.code }));
    return out;
  },
};
