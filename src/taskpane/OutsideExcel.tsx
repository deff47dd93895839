/**
 * taskpane.html not connected to Excel: opened outside Excel, office.js unreachable, or Excel not answering. Says
 * which, and points to the browser checker.
 */
import { useEffect } from "react";
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MessageKey } from "../core/i18n";
import { markReady } from "./boot";
import { LanguageToggle } from "./components/LanguageToggle";
import { useT } from "./i18n";
import type { NotConnected } from "./office-loader";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

const TITLE: Record<NotConnected, MessageKey> = {
  "no-office-js": "pane.outside.noOfficeJs",
  "not-excel": "pane.outside.notExcel",
  "office-not-ready": "pane.outside.notReady",
};

export function OutsideExcel({ reason, waiting = false }: { reason: NotConnected; waiting?: boolean }) {
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
      <MessageBar intent={reason === "not-excel" ? "info" : "warning"} layout="multiline" data-testid="outside-excel" data-reason={reason}>
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{tr(TITLE[reason])}</MessageBarTitle>
          {reason === "office-not-ready" ? <span>{tr("pane.outside.notReady.files")}</span> : null}
          {waiting ? <span>{tr("pane.outside.waiting")}</span> : null}
          <span>
            {tr(reason === "office-not-ready" ? "pane.outside.notReady.body" : "pane.outside.body")} <Link href="demo.html">{tr("pane.outside.demoLink")}</Link>
          </span>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
