/**
 * The 年度 tab's 配布 section: one workbook per 所管課 from the open workbook, downloaded as one ZIP in the demo or
 * opened one by one in Excel; then the files, the shared items to decide and what stayed in the master. Names from
 * the workbook are shown as React text.
 */
import { Button, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useLang, useT } from "../i18n";
import type { Distribution } from "../use-distribute";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", alignItems: "start", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignSelf: "stretch" },
  bar: { alignSelf: "stretch" },
  progress: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export function DistributeSection({ distribution: d, disabled }: { readonly distribution: Distribution; readonly disabled?: boolean }) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const off = disabled || d.running || !d.canDistribute;
  return (
    <section className={styles.section} aria-labelledby="cycle-distribute" data-testid="cycle-distribute">
      <h2 id="cycle-distribute" className={styles.heading}>
        {tr("pane.distribute.title")}
      </h2>
      <p className={styles.note}>{tr("pane.distribute.help")}</p>
      {!d.canDistribute ? (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>{tr("pane.distribute.unsupported")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {/* --shared lead|copy: off sends a shared item to its first department only. */}
      <Checkbox checked={d.shared === "copy"} disabled={off} onChange={(_, v) => d.setShared(v.checked ? "copy" : "lead")} label={tr("pane.distribute.shared.copy")} />
      <Button disabled={off} onClick={() => void d.run()}>
        {d.running ? tr("pane.distribute.running") : tr("pane.distribute.run")}
      </Button>
      {d.running ? (
        <div className={styles.progress} data-testid="distribute-progress">
          <p role="status" className={styles.note}>{d.progress ? tr("pane.distribute.opening", { done: d.progress.done, total: d.progress.total }) : tr("pane.distribute.running")}</p>
          {d.progress ? (
            <Button size="small" disabled={d.cancelled} onClick={d.cancel}>
              {tr("pane.distribute.cancel")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {d.notice ? (
        <MessageBar intent={d.notice.intent} layout="multiline" className={styles.bar} data-testid="distribute-notice">
          <MessageBarBody>{d.notice.text(lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {d.files ? (
        <div className={styles.result} data-testid="distribute-result">
          <h3 className={styles.subheading}>{tr("pane.distribute.files")}</h3>
          <ul className={styles.lines} data-testid="distribute-files">
            {d.files.map((f) => (
              <li key={f.file}>{tr("pane.distribute.file", { file: f.file, count: f.sheets.length, sheets: f.sheets.join(tr("split.list.separator")) })}</li>
            ))}
          </ul>
          {d.groups?.map((g, i) => (
            <div key={i}>
              {g.heading ? <h3 className={styles.subheading}>{g.heading[lang]}</h3> : null}
              <ul className={styles.lines}>
                {g.lines.map((line, j) => (
                  <li key={j}>{line[lang]}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
