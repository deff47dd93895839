import type { aidsJa } from "./aids-ja";

/** Message catalogue, English: the input aids (docs/input-aids.md), their 変更履歴 rows and `chosahyo aids`. Typed against aids-ja.ts. */
export const aidsEn: Record<keyof typeof aidsJa, string> = {
  "aids.code.meaning": "{code}: {meaning}",
  "aids.codes.separator": "/",
  "aids.rule.commentBelow": "For {codes}, write the reason (comment) in the cell below.",
  "aids.rule.commentSameCell": "For {codes}, write the reason (comment) after the symbol.",
  "aids.rule.changedBelow": "When it differs from the {other}, write the reason in the cell below.",
  "aids.rule.changedSameCell": "When it differs from the {other}, write the reason after the symbol.",
  "aids.rule.reason": "For {codes}, fill in the {reason}.",
  "aids.required": "Required.",
  "aids.required.final": "Required once the headquarters evaluation is done.",
  "aids.maxLength": "At most {max} characters.",
  "aids.comment.title": "{field}: comment",
  "aids.comment.code": "When the {field} is {codes}, write the reason here.",
  "aids.comment.changed": "When the {field} differs from the {other}, write the reason here.",
  "aids.reason.when": "Required when the {status} is {codes}.",
  "aids.reason.unexpected": "Leave it empty for {codes}.",
  "aids.list.error": "Choose one of {codes}. To keep another value on purpose, go on (the check will report it).",

  "aids.log.list": "Data validation (list): {codes}",
  "aids.log.codes.separator": ", ",
  "aids.log.prompt": "Input message: {fields}",
  "aids.log.fields.separator": ", ",
  "aids.log.highlight": "Colour on empty required cells (goes when filled)",
  "aids.log.protect": "Sheet protected (no password): only input cells can be edited",

};
