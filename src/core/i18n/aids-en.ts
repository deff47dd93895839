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

  "cli.aids.usage":
    "      chosahyo aids <file.xlsx> -o <out.xlsx> [--protect] [--lang ja|en] [--stage …] [--profile …]\n" +
    "  Writes a new file with a drop-down list (S/A/B, ◎○△× …) and an input message on each code cell, and a colour on empty required cells.\n" +
    "  --protect: protects the sheets so that only input cells can be edited (no password). No value is changed; what was set is recorded in 変更履歴.",
  "cli.aids.no-input": "Give one workbook to set the input aids on.",
  "cli.aids.no-output": "Give the output file with -o (the input is never overwritten).",
  "cli.aids.written": "Wrote {path} (input aids on {count} sheets).",
  "cli.aids.sheet": "  {sheet}: {validations} validations, {highlights} empty required cells{protected}",
  "cli.aids.sheet.protected": ", protected",
  "cli.aids.unprotect":
    "To remove the protection: in Excel, Review → Unprotect Sheet; in LibreOffice Calc, untick Tools → Protect Sheet (there is no password).",
  "cli.aids.skipped-protected": "Protected sheets were left alone: {names} (remove the protection and run again)",
  "cli.aids.none": "No sheet can take input aids (no survey sheet with codes or required fields was read). Nothing was written.",
};
