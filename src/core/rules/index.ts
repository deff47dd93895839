/** Every rule, by id. A profile's `rules` section says which run and at what severity. */
import type { RuleId } from "../model/finding";
import { cellError } from "./cell-error";
import { codeInvalid } from "./code-invalid";
import { codeVariant } from "./code-variant";
import { deptUnknown } from "./dept-unknown";
import { doneButScheduled } from "./done-but-scheduled";
import { eraMismatch } from "./era-mismatch";
import { evalCommentMissing } from "./eval-comment-missing";
import { eval2ChangedNoComment } from "./eval2-changed-no-comment";
import { fyInconsistent } from "./fy-inconsistent";
import { idDuplicate } from "./id-duplicate";
import { indAsofMismatch } from "./ind-asof-mismatch";
import { indDirectionInferred } from "./ind-direction-inferred";
import { indMarkerMismatch } from "./ind-marker-mismatch";
import { indNoMeasurement } from "./ind-no-measurement";
import { indRatingConflict } from "./ind-rating-conflict";
import { indUnitMismatch } from "./ind-unit-mismatch";
import { indWorseThanBaseline } from "./ind-worse-than-baseline";
import { labelMissing } from "./label-missing";
import { listMismatch } from "./list-mismatch";
import { listMissingRecord } from "./list-missing-record";
import { numberAsText } from "./number-as-text";
import { parentChild } from "./parent-child";
import { planCellOrder } from "./plan-cell-order";
import { reasonRequired } from "./reason-required";
import { reasonUnexpected } from "./reason-unexpected";
import { repostMismatch } from "./repost-mismatch";
import { requiredMissing } from "./required-missing";
import { textHtml } from "./text-html";
import { textInvisible } from "./text-invisible";
import { textTooLong } from "./text-too-long";
import type { ParamSchema, RuleParams } from "./params";
import type { Rule } from "./types";
import { valueUnparseable } from "./value-unparseable";
import { yearHeader } from "./year-header";
// The 小平 推進プログラム's own checks, each under an id of its own
// (ENDED-BUT-SCHEDULED, SCHEDULE-VOCABULARY, GOAL-BASELINE-MISSING, GOAL-STATUS-MISMATCH, REF-MISSING).
import { endedButScheduled } from "./ended-but-scheduled";
import { goalBaselineMissing } from "./goal-baseline-missing";
import { goalStatusMismatch } from "./goal-status-mismatch";
import { refMissing } from "./ref-missing";
import { scheduleVocabulary } from "./schedule-vocabulary";

export const RULES: readonly Rule[] = [
  codeInvalid,
  codeVariant,
  requiredMissing,
  cellError,
  numberAsText,
  valueUnparseable,
  textHtml,
  textInvisible,
  textTooLong,
  labelMissing,
  yearHeader,
  reasonRequired,
  reasonUnexpected,
  doneButScheduled,
  planCellOrder,
  evalCommentMissing,
  eval2ChangedNoComment,
  indRatingConflict,
  indNoMeasurement,
  indWorseThanBaseline,
  indUnitMismatch,
  indAsofMismatch,
  indMarkerMismatch,
  indDirectionInferred,
  idDuplicate,
  listMismatch,
  listMissingRecord,
  repostMismatch,
  parentChild,
  fyInconsistent,
  eraMismatch,
  deptUnknown,
  endedButScheduled,
  scheduleVocabulary,
  goalBaselineMissing,
  goalStatusMismatch,
  refMissing,
];

/**
 * The JSON Schema of a rule id's `params`: a profile's setting for an id is every rule's that reports under it, so
 * their declarations are joined (one name declared twice is a bug). Undefined for an id whose rules take none.
 */
export function paramsSchemaOf(id: RuleId): RuleParams["schema"] | undefined {
  const declared = RULES.filter((r) => r.id === id && r.params).map((r) => r.params!.schema);
  if (declared.length === 0) return undefined;
  const properties: Record<string, ParamSchema> = {};
  const required: string[] = [];
  for (const s of declared) {
    for (const [name, p] of Object.entries(s.properties)) {
      if (properties[name]) throw new Error(`${id}: two rules declare the parameter ${name}`);
      properties[name] = p;
    }
    required.push(...(s.required ?? []));
  }
  return { type: "object", additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}
