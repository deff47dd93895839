/** FY-INCONSISTENT's messages: its name in the pane's rule filter (`ruleName.FY-INCONSISTENT`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.FY-INCONSISTENT": "対象年度の不一致",
    "rule.FY-INCONSISTENT": "このシートの対象年度（{sheetFy}年度）がブックの対象年度（{bookFy}年度）と異なります。",
  },
  en: {
    "ruleName.FY-INCONSISTENT": "fiscal year differs",
    "rule.FY-INCONSISTENT": "This sheet's fiscal year ({sheetFy}) differs from the workbook's ({bookFy}).",
  },
});
