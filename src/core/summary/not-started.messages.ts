/** notStarted's messages: the sheet's title (`summary.title.notStarted`), what the pane says it holds, and its own texts. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "summary.title.notStarted": "未着手・中止一覧",
    "pane.summaries.sheet.notStarted": "実施状況が △・× の事業と、その理由が書かれているかの一覧です。",
  },
  en: {
    "summary.title.notStarted": "Not started or discontinued",
    "pane.summaries.sheet.notStarted": "Not started or discontinued: every project rated △ or ×, and whether its reason is filled in.",
  },
});
