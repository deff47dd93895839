/** taskpane.html opened outside Excel (or with Office.js unreachable): say so, and point to the browser checker. */
import { useEffect } from "react";
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { markReady } from "./boot";
import { LanguageToggle } from "./components/LanguageToggle";
import { useT } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
});

export function OutsideExcel({ reason }: { reason: "no-office-js" | "not-excel" }) {
  const styles = useStyles();
  const tr = useT();
  useEffect(() => markReady(), []);
  return (
    <main className={styles.root} data-host="none">
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {tr("app.name")}
        </Text>
        <LanguageToggle />
      </header>
      <MessageBar intent="info" layout="multiline" data-testid="outside-excel">
        <MessageBarBody>
          <MessageBarTitle>{tr(reason === "no-office-js" ? "pane.outside.noOfficeJs" : "pane.outside.notExcel")}</MessageBarTitle>
          {tr("pane.outside.body")} <Link href="demo.html">{tr("pane.outside.demoLink")}</Link>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
