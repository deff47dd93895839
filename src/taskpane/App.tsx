import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../core/i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
});

/** Placeholder task pane: the app name and tagline from the message catalogue. */
export function App({ lang }: { lang: Lang }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {t(lang, "app.name")}
      </Text>
      <Text as="p">{t(lang, "app.tagline")}</Text>
    </main>
  );
}
