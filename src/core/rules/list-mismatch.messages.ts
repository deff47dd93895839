/** LIST-MISMATCH's messages: its name in the pane's rule filter (`ruleName.LIST-MISMATCH`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.LIST-MISMATCH": "一覧との不一致",
    "rule.LIST-MISMATCH.code": "{list}の{field}（{listValue}）がシート「{sheet}」の{field}（{recordValue}）と一致しません。",
    "rule.LIST-MISMATCH.title": "{list}の{field}「{listValue}」が、シート「{sheet}」の{recordField}「{recordValue}」と一致しません。",
    "rule.LIST-MISMATCH.departments": "{list}の{listField}のうち「{missing}」が、シート「{sheet}」の{field}にありません。",
    "rule.LIST-MISMATCH.departmentNotes": "{list}の担当課「{listValue}」とシート「{sheet}」の担当課「{recordValue}」で、注記の付け方が異なります（{names}）。どちらが正しいか確認してください。",
  },
  en: {
    "ruleName.LIST-MISMATCH": "list disagrees",
    "rule.LIST-MISMATCH.code": "{list} gives {field} {listValue}, but sheet \"{sheet}\" gives {recordValue}.",
    "rule.LIST-MISMATCH.title": "{list} names the item \"{listValue}\", but sheet \"{sheet}\" names it \"{recordValue}\".",
    "rule.LIST-MISMATCH.departments": "{list} lists \"{missing}\", which sheet \"{sheet}\" does not list among its departments.",
    "rule.LIST-MISMATCH.departmentNotes": "The departments in {list} (\"{listValue}\") and on sheet \"{sheet}\" (\"{recordValue}\") carry different notes ({names}). Check which is right.",
  },
});
