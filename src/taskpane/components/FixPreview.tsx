/**
 * A fix is never applied silently (docs/rules.md, Fixes): each edit is shown as `D12: Ａ → A` first, then the user applies
 * this fix, or every fix of the rule after seeing the whole list.
 */
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { CellEdit, Finding } from "../../core/model/finding";
import { editPlace, previewValue, ruleName } from "../format";
import { useLang, useT } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  edits: {
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    maxHeight: "240px",
    overflowY: "auto",
  },
  edit: {
    listStyleType: "none",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  place: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  before: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground2 },
  block: { display: "block", marginTop: tokens.spacingVerticalXXS },
  blockLabel: { display: "block", fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  longBefore: { textDecorationLine: "none", color: tokens.colorNeutralForeground2 },
  after: { textDecorationLine: "none", color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  confirm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const SHORT = 40;
const isShort = (v: string | number) => String(v).length <= SHORT && !/[\r\n]/.test(String(v));

/**
 * One edit: `D12: Ａ → A`, the old value struck through and the new one plain (announced as deletion and
 * insertion). Long or multi-line values are shown as two labelled blocks instead.
 */
export function EditLine({ edit, findingSheet }: { edit: CellEdit; findingSheet?: string }) {
  const styles = useStyles();
  const { lang } = useLang();
  const tr = useT();
  const place = <span className={styles.place}>{editPlace(edit, findingSheet)}</span>;
  if (isShort(edit.before) && isShort(edit.after)) {
    return (
      <li className={styles.edit} data-testid="edit">
        {place}
        {": "}
        <del className={styles.before}>{previewValue(lang, edit.before)}</del>
        {" → "}
        <ins className={styles.after}>{previewValue(lang, edit.after)}</ins>
      </li>
    );
  }
  return (
    <li className={styles.edit} data-testid="edit">
      {place}
      {": "}
      <span className={styles.block}>
        <span className={styles.blockLabel}>{tr("pane.fix.before")}</span>
        <del className={styles.longBefore}>{previewValue(lang, edit.before)}</del>
      </span>
      <span className={styles.block}>
        <span className={styles.blockLabel}>{"→ "}{tr("pane.fix.after")}</span>
        <ins className={styles.after}>{previewValue(lang, edit.after)}</ins>
      </span>
    </li>
  );
}

export interface FixPreviewProps {
  readonly finding: Finding;
  /** Every edit of this rule's fixes in the current findings, and how many findings they come from. */
  readonly ruleEdits: { readonly edits: readonly CellEdit[]; readonly findings: number };
  readonly busy?: boolean;
  readonly onApply: (edits: readonly CellEdit[]) => void;
}

export function FixPreview({ finding, ruleEdits, busy, onApply }: FixPreviewProps) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const [confirmAll, setConfirmAll] = useState(false);
  const fix = finding.fix;
  if (!fix) return null;
  return (
    <div className={styles.root}>
      <p className={styles.title}>{tr("pane.fix.title", { description: fix.description[lang] })}</p>
      <ul className={styles.edits} aria-label={tr("pane.fix.edits")} tabIndex={0}>
        {fix.edits.map((e) => (
          <EditLine key={`${e.sheet}!${e.cell}`} edit={e} findingSheet={finding.sheet} />
        ))}
      </ul>
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={busy} onClick={() => onApply(fix.edits)}>
          {tr("pane.fix.apply")}
        </Button>
        {ruleEdits.findings > 1 && !confirmAll ? (
          <Button size="small" disabled={busy} onClick={() => setConfirmAll(true)}>
            {tr("pane.fix.applyAll", { rule: ruleName(lang, finding.ruleId), count: ruleEdits.findings })}
          </Button>
        ) : null}
      </div>
      {confirmAll ? (
        <div className={styles.confirm} role="group" aria-label={tr("pane.fix.confirmAll.label", { rule: ruleName(lang, finding.ruleId) })}>
          <p className={styles.title}>{tr("pane.fix.confirmAll", { rule: ruleName(lang, finding.ruleId), count: ruleEdits.edits.length })}</p>
          <ul className={styles.edits} aria-label={tr("pane.fix.edits")} tabIndex={0}>
            {ruleEdits.edits.map((e) => (
              <EditLine key={`${e.sheet}!${e.cell}`} edit={e} />
            ))}
          </ul>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              size="small"
              disabled={busy}
              onClick={() => {
                setConfirmAll(false);
                onApply(ruleEdits.edits);
              }}
            >
              {tr("pane.fix.confirmAll.apply", { count: ruleEdits.edits.length })}
            </Button>
            <Button size="small" onClick={() => setConfirmAll(false)}>
              {tr("pane.fix.confirmAll.back")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
