/** Switches the pane between Japanese and English; the label names the other language, in that language. */
import { Button } from "@fluentui/react-components";
import { t } from "../../core/i18n";
import { useLang } from "../i18n";

export function LanguageToggle() {
  const { lang, setLang } = useLang();
  const other = lang === "ja" ? "en" : "ja";
  return (
    <Button size="small" appearance="subtle" lang={other} title={t(other, "pane.lang.switch.title")} onClick={() => setLang(other)}>
      {t(lang, "pane.lang.switch")}
    </Button>
  );
}
