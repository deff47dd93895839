/**
 * 前年度比較 in the pane: the 年度 tab's section (pick last year's file, or point to the 前年度_ sheets, see what is
 * set, clear it) and the line under the counts after a check (compared with which year, or why not). Names from the
 * workbook are shown as React text, never as HTML.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { describeCompareRefusal } from "../../core/compare/describe";
import { YEAR_OVER_YEAR_RULES } from "../../core/compare/previous";
import type { PreviousYearSetting } from "../../core/compare/settings";
import type { Lang } from "../../core/i18n";
import type { Profile } from "../../core/profile/types";
import { yearText } from "../../core/rollover/describe";
import type { WorkbookPort } from "../../workbook/port";
import { useLang, useT } from "../i18n";
import type { PaneReport } from "../run-validation";
import { usePreviousYear } from "../use-previous";
import { MatchList } from "./MatchList";
import { takePickedFiles } from "../picked-files";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", alignItems: "start", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  set: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  bar: { alignSelf: "stretch" },
  hidden: { display: "none" },
});

const year = (lang: Lang, fy: number | undefined, unknown: string) => (fy === undefined ? unknown : yearText(fy)[lang]);

function settingText(tr: ReturnType<typeof useT>, lang: Lang, s: PreviousYearSetting): string {
  if (s.source === "sheets") return tr("pane.previous.setSheets", { sheets: s.sheets.length });
  return tr("pane.previous.setFile", { file: s.file ?? "", year: year(lang, s.fiscalYear, tr("pane.previous.yearUnknown")), sheets: s.sheets.length });
}

export interface PreviousYearSectionProps {
  readonly port: WorkbookPort;
  readonly profiles: readonly Profile[];
  readonly report?: PaneReport;
  readonly disabled?: boolean;
}

export function PreviousYearSection({ port, profiles, report, disabled }: PreviousYearSectionProps) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const p = usePreviousYear(port, profiles, report);
  const input = useRef<HTMLInputElement>(null);
  const busy = disabled || !!p.running;
  return (
    <section className={styles.section} aria-labelledby="cycle-previous" data-testid="cycle-previous">
      <h2 id="cycle-previous" className={styles.heading}>
        {tr("pane.previous.title")}
      </h2>
      <p className={styles.note}>{tr("pane.previous.help")}</p>
      {p.setting ? (
        <>
          <p className={styles.set} data-testid="previous-setting">
            {settingText(tr, lang, p.setting)}
          </p>
          <Button disabled={busy} onClick={() => void p.clear()}>
            {tr("pane.previous.clear")}
          </Button>
        </>
      ) : null}
      {p.canKeep ? (
        <>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hidden}
            aria-label={tr("pane.previous.file")}
            data-testid="previous-file"
            onChange={(e) => void takePickedFiles(e.target).then(([f]) => f && p.choose(f))}
          />
          <Button appearance={p.setting ? "secondary" : "primary"} disabled={busy} onClick={() => input.current?.click()}>
            {tr("pane.previous.choose")}
          </Button>
        </>
      ) : (
        <MessageBar intent="info" layout="multiline" className={styles.bar}>
          <MessageBarBody>{tr("pane.previous.unavailable")}</MessageBarBody>
        </MessageBar>
      )}
      <p className={styles.note}>{tr("pane.previous.sheetsHelp")}</p>
      {p.candidates.length ? (
        <Button disabled={busy} onClick={() => void p.pointToSheets()}>
          {tr("pane.previous.useSheets", { count: p.candidates.length })}
        </Button>
      ) : null}
      {p.running === "read" || p.running === "keep" ? (
        <p role="status" className={styles.note}>
          {tr("pane.previous.reading")}
        </p>
      ) : null}
      {p.notice ? (
        <MessageBar intent={p.notice.intent} layout="multiline" className={styles.bar} data-testid="previous-notice">
          <MessageBarBody>{p.notice.text(lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <MatchList port={port} profiles={profiles} report={report} disabled={busy} />
    </section>
  );
}

/** After a check with last year set: which year it was compared with and how many findings that gave, or why not. */
export function PreviousYearStatus({ report }: { readonly report: PaneReport }) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const prev = report.previousYear;
  if (!prev) return null;
  const count = report.findings.filter((f) => YEAR_OVER_YEAR_RULES.includes(f.ruleId)).length;
  return (
    <>
      {prev.comparison ? (
        <p className={styles.note} data-testid="previous-status">
          {tr("pane.previous.compared", { year: year(lang, prev.fiscalYear, tr("pane.previous.yearUnknown")), sheets: prev.sheets, count })}
        </p>
      ) : null}
      {prev.refusal ? (
        <MessageBar intent="warning" layout="multiline" data-testid="previous-refused">
          <MessageBarBody>{tr("pane.previous.refused", { reason: describeCompareRefusal(prev.refusal)[lang] })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {prev.missing.length ? (
        <MessageBar intent="warning" layout="multiline" data-testid="previous-missing">
          <MessageBarBody>{tr("pane.previous.missing", { sheets: prev.missing.join(tr("pane.list.separator")) })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
