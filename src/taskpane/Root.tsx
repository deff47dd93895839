/** The providers around every page: the Fluent theme and the pane's language (which also sets <html lang>). */
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import { t, type Lang } from "../core/i18n";
import { LangProvider, storeLang } from "./i18n";
import { type ThemeName, themeFor } from "./theme";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box" },
});

export interface RootProps {
  readonly initialLang: Lang;
  readonly theme: ThemeName;
  readonly children: ReactNode;
}

export function Root({ initialLang, theme, children }: RootProps) {
  const styles = useStyles();
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    storeLang(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, "app.name");
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  const fluentTheme = useMemo(() => themeFor(theme), [theme]);
  return (
    <FluentProvider theme={fluentTheme} className={styles.root}>
      <LangProvider value={value}>{children}</LangProvider>
    </FluentProvider>
  );
}
