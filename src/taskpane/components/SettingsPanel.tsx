/**
 * Settings stored in the workbook, so they travel with the file: the stage, the 対象年度 and the per-sheet
 * profile overrides (set on the sheet list; counted and cleared here) and a municipality's own profile.
 */
import { Button, Field, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { STAGES, type Stage } from "../../core/profile/types";
import type { WorkbookSettings } from "../../core/settings";
import { fiscalYearLabel } from "../format";
import { useLang, useT } from "../i18n";
import { ProfileSetting } from "./ProfileSetting";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  label: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  overrides: { display: "flex", flexDirection: "column", alignItems: "start", rowGap: tokens.spacingVerticalXS },
});

/** Fiscal years offered: a few before the one detected (or this one) and one after, plus any year already stored. */
export function fiscalYearChoices(now: Date, detected?: number, stored?: number): number[] {
  const thisFy = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const from = Math.min(thisFy - 10, detected ?? thisFy, stored ?? thisFy);
  const to = Math.max(thisFy + 1, detected ?? thisFy, stored ?? thisFy);
  const out: number[] = [];
  for (let y = to; y >= from; y--) out.push(y);
  return out;
}

export interface SettingsPanelProps {
  readonly settings: WorkbookSettings;
  /** The 対象年度 read from the sheets in the last check. */
  readonly detectedFiscalYear?: number;
  readonly disabled?: boolean;
  readonly onChange: (patch: Partial<WorkbookSettings>) => void;
  readonly now?: Date;
}

const STAGE_KEYS = { 提出前: "pane.settings.stage.before", 本部評価後: "pane.settings.stage.after" } as const;

export function SettingsPanel({ settings, detectedFiscalYear, disabled, onChange, now = new Date() }: SettingsPanelProps) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const overrideCount = Object.keys(settings.overrides).length;
  return (
    <div className={styles.root}>
      <p className={styles.note}>{tr("pane.settings.intro")}</p>
      <Field label={tr("pane.settings.stage")}>
        <RadioGroup value={settings.stage} disabled={disabled} onChange={(_, d) => onChange({ stage: d.value as Stage })}>
          {STAGES.map((s) => (
            <Radio key={s} value={s} label={tr(STAGE_KEYS[s])} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={tr("pane.settings.fiscalYear")}
        hint={detectedFiscalYear ? tr("pane.settings.fiscalYear.detected", { year: fiscalYearLabel(lang, detectedFiscalYear) }) : undefined}
      >
        <Select
          value={settings.fiscalYear === undefined ? "" : String(settings.fiscalYear)}
          disabled={disabled}
          onChange={(_, d) => onChange({ fiscalYear: d.value ? Number(d.value) : undefined })}
        >
          <option value="">{tr("pane.settings.fiscalYear.auto")}</option>
          {fiscalYearChoices(now, detectedFiscalYear, settings.fiscalYear).map((y) => (
            <option key={y} value={String(y)}>
              {fiscalYearLabel(lang, y)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.overrides}>
        <p className={styles.label}>{tr("pane.settings.overrides")}</p>
        <p className={styles.note}>
          {overrideCount ? tr("pane.settings.overrides.count", { count: overrideCount }) : tr("pane.settings.overrides.none")}
        </p>
        {overrideCount ? (
          <Button size="small" disabled={disabled} onClick={() => onChange({ overrides: {} })}>
            {tr("pane.settings.overrides.clear")}
          </Button>
        ) : null}
      </div>
      <ProfileSetting settings={settings} disabled={disabled} onChange={onChange} />
    </div>
  );
}
