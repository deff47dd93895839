/** IND-MARKER-MISMATCH's messages: its name in the pane's rule filter (`ruleName.IND-MARKER-MISMATCH`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-MARKER-MISMATCH": "指標番号の不一致",
    "rule.IND-MARKER-MISMATCH": "指標の番号（{labelMarkers}）と{column}の番号（{valueMarkers}）が対応していません。指標ごとに①②…を付けて入力してください。",
  },
  en: {
    "ruleName.IND-MARKER-MISMATCH": "indicator numbering mismatch",
    "rule.IND-MARKER-MISMATCH": "The indicator numbers ({labelMarkers}) do not match the numbers in {column} ({valueMarkers}). Number each indicator's value ①②….",
  },
});
