/** The 検証 button; while a check runs, a progress bar with a sheet count (`12 / 58 シート`) and a cancel button. */
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { Progress } from "../run-validation";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "end", columnGap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

export interface ValidateBarProps {
  readonly running: boolean;
  readonly progress?: Progress;
  readonly disabled?: boolean;
  readonly onValidate: () => void;
  readonly onCancel: () => void;
}

export function ValidateBar({ running, progress, disabled, onValidate, onCancel }: ValidateBarProps) {
  const styles = useStyles();
  const tr = useT();
  if (!running) {
    return (
      <div className={styles.root}>
        <Button appearance="primary" onClick={onValidate} disabled={disabled}>
          {tr("pane.validate")}
        </Button>
      </div>
    );
  }
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const label = tr(progress?.phase === "check" ? "pane.progress.checking" : "pane.progress.reading");
  const count = total > 0 ? tr("pane.progress.sheets", { done, total }) : tr("pane.progress.starting");
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field className={styles.field} label={label} validationMessage={count} validationState="none">
          <ProgressBar value={total > 0 ? done / total : undefined} max={1} thickness="large" />
        </Field>
        <Button onClick={onCancel}>{tr("pane.cancel")}</Button>
      </div>
    </div>
  );
}
