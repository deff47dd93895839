/**
 * 集計: choose the summary sheets the last check can give, and the 再掲 option, then 集計シート作成. When that check
 * found errors, a warning comes first (go on, or go back to the findings). While the sheets are built there is a
 * progress bar with a count and 中止; the write is one batch and says it cannot be stopped. Afterwards the sheets
 * written are listed, each opening its sheet, with a note where a user's sheet held the name or something could
 * not be drawn on this host.
 */
import { type RefObject, useEffect, useId, useRef } from "react";
import {
  Button,
  Checkbox,
  Field,
  Link,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { OmittedFeature, WriteSheetResult } from "../../workbook/port";
import { useT } from "../i18n";
import { NoticeBar } from "./NoticeBar";
import { REPOST_SHEET, SUMMARY_SHEETS, summaryId, type SummarySheet } from "../run-summaries";
import type { Summaries } from "../use-summaries";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  choice: { display: "flex", flexDirection: "column", minWidth: 0 },
  label: { overflowWrap: "anywhere" },
  // Under the checkbox's label: the indicator's width plus its margins.
  description: {
    margin: 0,
    paddingLeft: `calc(16px + 2 * ${tokens.spacingHorizontalS})`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  confirm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineOffset: tokens.strokeWidthThick,
  },
  confirmText: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  progressRow: { display: "flex", alignItems: "end", columnGap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  results: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, outlineOffset: tokens.strokeWidthThick },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    alignItems: "start",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  sheet: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", textAlign: "start" },
  itemNote: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  warnNote: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorStatusWarningForeground3, overflowWrap: "anywhere" },
});

const OMITTED_KEYS: Record<OmittedFeature, `pane.summaries.omitted.${OmittedFeature}`> = {
  chart: "pane.summaries.omitted.chart",
  print: "pane.summaries.omitted.print",
  validations: "pane.summaries.omitted.validations",
  table: "pane.summaries.omitted.table",
  cosmetic: "pane.summaries.omitted.cosmetic",
};

export interface SummaryPanelProps {
  readonly summaries: Summaries;
  /** The last check (the sheets are built from it); false before any check. */
  readonly checked: boolean;
  /** Another action is under way, or the host cannot write. */
  readonly disabled?: boolean;
  /** The host can select a cell: the sheets written open on a click. */
  readonly canSelect: boolean;
  /** 「指摘を確認する」 in the warning: back to the error findings. */
  readonly onShowFindings: () => void;
}

export function SummaryPanel({ summaries: s, checked, disabled, canSelect, onShowFindings }: SummaryPanelProps) {
  const styles = useStyles();
  const tr = useT();
  const id = useId();
  const confirmRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const previous = useRef(s.stage);

  // Keep keyboard focus in the view as its parts come and go.
  useEffect(() => {
    const was = previous.current;
    previous.current = s.stage;
    if (s.stage === "confirm") confirmRef.current?.focus();
    else if (s.stage === "running") cancelRef.current?.focus();
    else if (was === "running") (s.results ? resultsRef.current : noticeRef.current)?.focus();
  }, [s.stage, s.results]);

  if (!checked) return <p className={styles.note}>{tr("pane.summaries.before")}</p>;

  const busy = disabled || s.stage !== "idle";
  const unavailable = SUMMARY_SHEETS.filter((x) => !s.available.includes(x));
  const descId = (sheet: SummarySheet) => `${id}-${summaryId(sheet)}`;

  return (
    <div className={styles.root} data-testid="summaries">
      <p className={styles.note}>{tr("pane.summaries.intro")}</p>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{tr("pane.summaries.choose")}</legend>
        {s.available.map((sheet) => (
          <div key={sheet} className={styles.choice}>
            <Checkbox
              label={{ children: sheet, className: styles.label }}
              checked={s.chosen.has(sheet)}
              disabled={busy}
              aria-describedby={descId(sheet)}
              data-summary={sheet}
              onChange={(_, d) => s.setChosen(sheet, d.checked === true)}
            />
            <p id={descId(sheet)} className={styles.description}>
              {tr(`pane.summaries.sheet.${summaryId(sheet)!}`)}
            </p>
          </div>
        ))}
      </fieldset>
      {unavailable.length > 0 ? (
        <p className={styles.note}>{tr("pane.summaries.unavailable", { names: unavailable.join(tr("pane.list.separator")) })}</p>
      ) : null}

      {s.available.includes(REPOST_SHEET) ? (
        <div className={styles.choice}>
          <Checkbox
            label={{ children: tr("pane.summaries.reposts"), className: styles.label }}
            checked={s.includeReposts}
            disabled={busy || !s.chosen.has(REPOST_SHEET)}
            aria-describedby={`${id}-reposts`}
            onChange={(_, d) => s.setIncludeReposts(d.checked === true)}
          />
          <p id={`${id}-reposts`} className={styles.description}>
            {tr("pane.summaries.reposts.hint", { sheet: REPOST_SHEET })}
          </p>
        </div>
      ) : null}

      {s.stage === "confirm" ? (
        <div
          ref={confirmRef}
          className={styles.confirm}
          role="group"
          aria-labelledby={`${id}-confirm`}
          aria-describedby={`${id}-confirm-hint`}
          tabIndex={-1}
          data-testid="summaries-confirm"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              s.dismiss();
            }
          }}
        >
          <p id={`${id}-confirm`} className={styles.confirmText}>
            {tr("pane.summaries.errorsWarning", { count: s.errorCount })}
          </p>
          <p id={`${id}-confirm-hint`} className={styles.note}>
            {tr("pane.summaries.errorsWarning.hint")}
          </p>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={s.confirm}>
              {tr("pane.summaries.errorsWarning.go")}
            </Button>
            <Button
              onClick={() => {
                s.dismiss();
                onShowFindings();
              }}
            >
              {tr("pane.summaries.errorsWarning.back")}
            </Button>
          </div>
        </div>
      ) : s.stage === "running" ? (
        <SummaryProgressBar summaries={s} cancelRef={cancelRef} />
      ) : (
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy || s.chosen.size === 0} onClick={s.request}>
            {tr("pane.summaries.create")}
          </Button>
        </div>
      )}
      {s.available.length > 0 && s.chosen.size === 0 ? <p className={styles.note}>{tr("pane.summaries.noneChosen")}</p> : null}

      <div role="status" aria-live="polite" ref={noticeRef} tabIndex={-1} data-testid="summaries-notice">
        {s.notice ? <NoticeBar notice={s.notice} /> : null}
      </div>

      {s.results && s.results.length > 0 ? (
        <section className={styles.results} aria-labelledby={`${id}-results`} data-testid="summaries-results">
          <h2 id={`${id}-results`} ref={resultsRef} tabIndex={-1} className={styles.heading}>
            {tr("pane.summaries.results")}
          </h2>
          <ul className={styles.list}>
            {s.results.map((r) => (
              <ResultItem key={r.name} result={r} canSelect={canSelect} onOpen={() => void s.openSheet(r.name)} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function SummaryProgressBar({ summaries: s, cancelRef }: { summaries: Summaries; cancelRef: RefObject<HTMLButtonElement> }) {
  const styles = useStyles();
  const tr = useT();
  const total = s.progress?.total ?? 0;
  const done = s.progress?.done ?? 0;
  const writing = s.progress?.phase === "write";
  const label = tr(writing ? "pane.summaries.progress.write" : "pane.summaries.progress.build");
  const count = total > 0 ? tr("pane.progress.sheets", { done, total }) : tr("pane.progress.starting");
  return (
    // Before the first report (the workbook's settings are read first) the sheets are being prepared: the build phase.
    <div className={styles.progress} data-testid="summaries-progress" data-phase={writing ? "write" : "build"}>
      <div className={styles.progressRow}>
        <Field className={styles.field} label={label} validationMessage={count} validationState="none">
          <ProgressBar value={total > 0 ? done / total : undefined} max={1} thickness="large" />
        </Field>
        <Button ref={cancelRef} onClick={s.cancel} disabledFocusable={writing}>
          {tr("pane.cancel")}
        </Button>
      </div>
      {writing ? <p className={styles.note}>{tr("pane.summaries.progress.noCancel")}</p> : null}
    </div>
  );
}

function ResultItem({ result: r, canSelect, onOpen }: { result: WriteSheetResult; canSelect: boolean; onOpen: () => void }) {
  const styles = useStyles();
  const tr = useT();
  return (
    <li className={styles.item} data-sheet={r.name}>
      {canSelect ? (
        <Link as="button" className={styles.sheet} onClick={onOpen} title={tr("pane.summaries.open", { sheet: r.name })}>
          {r.name}
        </Link>
      ) : (
        <span className={styles.sheet}>{r.name}</span>
      )}
      {r.requestedName ? (
        <p className={styles.warnNote} data-note="renamed">
          {tr("pane.summaries.renamed", { requested: r.requestedName, name: r.name })}
        </p>
      ) : null}
      {r.replaced ? (
        <p className={styles.itemNote} data-note="replaced">
          {tr("pane.summaries.replaced")}
        </p>
      ) : null}
      {(r.omitted ?? []).map((o) => (
        <p key={o} className={styles.warnNote} data-note={`omitted-${o}`}>
          {tr(OMITTED_KEYS[o])}
        </p>
      ))}
    </li>
  );
}
