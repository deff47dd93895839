/** ERA-MISMATCH's messages: its name in the pane's rule filter (`ruleName.ERA-MISMATCH`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.ERA-MISMATCH": "和暦と西暦の不一致",
    "rule.ERA-MISMATCH.pair": "「{text}」の和暦と西暦が合っていません（{era}{eraYear}年は{western}年です）。どちらが正しいか確認し、書き直してください。",
    "rule.ERA-MISMATCH.zero": "「{text}」の「{era}0年」という年はありません（{era}の最初の年は元年です）。年を確認してください。",
  },
  en: {
    "ruleName.ERA-MISMATCH": "era and western year disagree",
    "rule.ERA-MISMATCH.pair": "\"{text}\": the Japanese era year and the western year disagree ({era} {eraYear} is {western}). Check which is right and correct the cell.",
    "rule.ERA-MISMATCH.zero": "\"{text}\": there is no year 0 of {era} (its first year is 元年). Check the year.",
  },
});
