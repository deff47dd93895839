/**
 * The 年度 tab: 年度更新 (next year's sheets in a new workbook), 入力支援 (lists, input messages and highlights on
 * the open workbook's input cells) and 新しい計画 (blank sheets from a plan's item list, in a new workbook). Text from the workbook is shown as React text, never as HTML.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { useLang, useT } from "../i18n";
import type { Cycle } from "../use-cycle";
import { DistributeSection } from "./DistributeSection";
import { CollectSection } from "./CollectSection";
import { takePickedFiles } from "../picked-files";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", alignItems: "start", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  bar: { alignSelf: "stretch" },
  hidden: { display: "none" },
  notice: { whiteSpace: "pre-line" },
});

export interface CyclePanelProps {
  readonly cycle: Cycle;
  readonly disabled?: boolean;
}

export function CyclePanel({ cycle, disabled }: CyclePanelProps) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const busy = disabled || !!cycle.running;
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root} data-testid="cycle">
      <p className={styles.note}>{tr("pane.cycle.intro")}</p>
      <section className={styles.section} aria-labelledby="cycle-rollover" data-testid="cycle-rollover">
        <h2 id="cycle-rollover" className={styles.heading}>
          {tr("pane.cycle.rollover.title")}
        </h2>
        <p className={styles.note}>{tr("pane.cycle.rollover.help")}</p>
        {!cycle.canRoll ? (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{tr("pane.cycle.unsupported")}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Checkbox
          checked={cycle.dropEnded}
          disabled={busy || !cycle.canRoll}
          onChange={(_, d) => cycle.setDropEnded(!!d.checked)}
          label={tr("pane.cycle.rollover.dropEnded")}
        />
        <Checkbox
          checked={cycle.rollAids}
          disabled={busy || !cycle.canRoll}
          onChange={(_, d) => cycle.setRollAids(!!d.checked)}
          label={tr("pane.cycle.rollover.aids")}
        />
        <Button appearance="primary" disabled={busy || !cycle.canRoll} onClick={() => void cycle.roll()}>
          {cycle.running === "rollover" ? tr("pane.cycle.rollover.running") : tr("pane.cycle.rollover.run")}
        </Button>
        {cycle.running === "rollover" ? <p role="status" className={styles.note}>{tr("pane.cycle.rollover.running")}</p> : null}
      </section>
      <section className={styles.section} aria-labelledby="cycle-aids" data-testid="cycle-aids">
        <h2 id="cycle-aids" className={styles.heading}>
          {tr("pane.cycle.aids.title")}
        </h2>
        <p className={styles.note}>{tr("pane.cycle.aids.help")}</p>
        <Checkbox
          checked={cycle.protect}
          disabled={busy || (!cycle.canAid && !cycle.canRoll)}
          onChange={(_, d) => cycle.setProtect(!!d.checked)}
          label={tr("pane.cycle.aids.protect")}
        />
        {cycle.protect ? <p className={styles.note}>{tr("pane.cycle.aids.unprotect")}</p> : null}
        <Button disabled={busy || !cycle.canAid} onClick={() => void cycle.aid()}>
          {cycle.running === "aids" ? tr("pane.cycle.aids.running") : tr("pane.cycle.aids.run")}
        </Button>
        {cycle.running === "aids" ? <p role="status" className={styles.note}>{tr("pane.cycle.aids.running")}</p> : null}
      </section>
      <section className={styles.section} aria-labelledby="cycle-new-plan" data-testid="cycle-new-plan">
        <h2 id="cycle-new-plan" className={styles.heading}>
          {tr("pane.cycle.newPlan.title")}
        </h2>
        <p className={styles.note}>{tr("pane.cycle.newPlan.help")}</p>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.xlsx,text/csv"
          className={styles.hidden}
          aria-label={tr("pane.cycle.newPlan.file")}
          data-testid="new-plan-file"
          onChange={(e) => void takePickedFiles(e.target).then(([f]) => f && cycle.setListFile(f))}
        />
        <Button disabled={busy || !cycle.canRoll} onClick={() => fileInput.current?.click()}>
          {tr("pane.cycle.newPlan.choose")}
        </Button>
        {cycle.listFile ? <p className={styles.note}>{tr("pane.cycle.newPlan.chosen", { name: cycle.listFile.name })}</p> : null}
        <Field
          label={tr("pane.cycle.newPlan.period")}
          hint={tr("pane.cycle.newPlan.periodHint")}
          validationState={cycle.period ? "none" : "error"}
          validationMessage={cycle.period ? undefined : tr("pane.cycle.newPlan.periodBad")}
        >
          <Input value={cycle.periodText} disabled={busy || !cycle.canRoll} onChange={(_, d) => cycle.setPeriodText(d.value)} />
        </Field>
        <Button disabled={busy || !cycle.canRoll || !cycle.listFile || !cycle.period} onClick={() => void cycle.makePlan()}>
          {cycle.running === "newPlan" ? tr("pane.cycle.newPlan.running") : tr("pane.cycle.newPlan.run")}
        </Button>
        {cycle.running === "newPlan" ? <p role="status" className={styles.note}>{tr("pane.cycle.newPlan.running")}</p> : null}
      </section>
      <DistributeSection distribution={cycle.distribution} disabled={busy} />
      <CollectSection collect={cycle.collect} disabled={busy} />
      {cycle.notice ? (
        <MessageBar intent={cycle.notice.intent} layout="multiline" className={styles.bar} data-testid="cycle-notice">
          <MessageBarBody className={styles.notice}>{cycle.notice.text(lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {cycle.lines?.length ? (
        <ul className={styles.lines} data-testid="cycle-lines">
          {cycle.lines.map((line, i) => (
            <li key={i}>{line(lang)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
