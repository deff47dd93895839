/** Counts by severity: `エラー 4 ・ 警告 96 ・ 情報 15`, coloured through the theme's status tokens. */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { FindingCounts, Severity } from "../../core/model/finding";
import { useT } from "../i18n";

export const useSeverityStyles = makeStyles({
  error: { color: tokens.colorStatusDangerForeground3 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorNeutralForeground2 },
});

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0 },
  item: { listStyleType: "none", whiteSpace: "nowrap" },
  number: { fontWeight: tokens.fontWeightSemibold },
});

const ORDER: readonly Severity[] = ["error", "warning", "info"];

export function SeverityCounts({ counts, testIdPrefix, hideZero }: { counts: FindingCounts; testIdPrefix?: string; hideZero?: boolean }) {
  const styles = useStyles();
  const sev = useSeverityStyles();
  const tr = useT();
  return (
    <ul className={styles.root}>
      {ORDER.filter((s) => !hideZero || counts[s] > 0).map((s) => (
        <li key={s} className={mergeClasses(styles.item, sev[s])} data-testid={testIdPrefix ? `${testIdPrefix}-${s}` : undefined} data-count={counts[s]}>
          {tr(`severity.${s}`)} <span className={styles.number}>{tr("pane.count", { count: counts[s] })}</span>
        </li>
      ))}
    </ul>
  );
}
