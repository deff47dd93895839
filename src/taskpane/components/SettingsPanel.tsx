/**
 * Settings stored in the workbook, so they travel with the file: the stage, the 対象年度 and the per-sheet
 * profile overrides (set on the sheet list; counted and cleared here) and a municipality's own profile.
 */
import { Button, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { parsePlanPeriod, type YearSpan } from "../../core/plan-period";
import { STAGES, type Stage } from "../../core/profile/types";
import type { WorkbookSettings } from "../../core/settings";
import { fiscalYearOfDate, warekiYear } from "../../core/values/wareki";
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
  const thisFy = fiscalYearOfDate({ year: now.getFullYear(), month: now.getMonth() + 1 });
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
  /** The plan period the sheets' year headers state, from the last check. */
  readonly detectedPlanPeriod?: YearSpan;
  /** What the last check used (対象年度, 計画期間) and where each came from, as lines. */
  readonly usedYears?: readonly string[];
  readonly disabled?: boolean;
  readonly onChange: (patch: Partial<WorkbookSettings>) => void;
  readonly now?: Date;
}

const STAGE_KEYS = { 提出前: "pane.settings.stage.before", 本部評価後: "pane.settings.stage.after" } as const;

/** `2023-2026` as the field shows it: the era form the user would type, 令和5〜令和8. */
function periodText(lang: "ja" | "en", p: YearSpan | undefined): string {
  if (!p) return "";
  return lang === "ja" ? `${warekiYear(p.from)}〜${warekiYear(p.to)}` : `${p.from}-${p.to}`;
}

export function SettingsPanel({ settings, detectedFiscalYear, detectedPlanPeriod, usedYears, disabled, onChange, now = new Date() }: SettingsPanelProps) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const overrideCount = Object.keys(settings.overrides).length;
  // The plan period is typed (令和5〜8, 2023-2026) and saved when it reads; until then the text stays as typed.
  const [periodInput, setPeriodInput] = useState(periodText(lang, settings.planPeriod));
  const [periodBad, setPeriodBad] = useState(false);
  useEffect(() => {
    setPeriodInput(periodText(lang, settings.planPeriod));
    setPeriodBad(false);
  }, [lang, settings.planPeriod]);
  const commitPeriod = () => {
    const text = periodInput.trim();
    if (text === "") {
      setPeriodBad(false);
      if (settings.planPeriod) onChange({ planPeriod: undefined });
      return;
    }
    const p = parsePlanPeriod(text);
    setPeriodBad(!p);
    if (p && (p.from !== settings.planPeriod?.from || p.to !== settings.planPeriod?.to)) onChange({ planPeriod: p });
  };
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
      <Field
        label={tr("pane.settings.planPeriod")}
        hint={
          detectedPlanPeriod
            ? tr("pane.settings.planPeriod.detected", { from: fiscalYearLabel(lang, detectedPlanPeriod.from), to: fiscalYearLabel(lang, detectedPlanPeriod.to) })
            : tr("pane.settings.planPeriod.auto")
        }
        validationState={periodBad ? "error" : undefined}
        validationMessage={periodBad ? tr("pane.settings.planPeriod.bad") : undefined}
      >
        <Input
          value={periodInput}
          disabled={disabled}
          placeholder={tr("pane.settings.planPeriod.placeholder")}
          onChange={(_, d) => setPeriodInput(d.value)}
          onBlur={commitPeriod}
          onKeyDown={(e) => {
            // Enter also confirms a Japanese IME conversion (令和５ mid-way through 令和５〜９): not the end of the input.
            // Safari reports that Enter after the composition ends, with keyCode 229.
            if (e.key === "Enter" && !e.nativeEvent.isComposing && e.keyCode !== 229) commitPeriod();
          }}
        />
      </Field>
      {usedYears && usedYears.length ? (
        <div className={styles.overrides} data-testid="used-years">
          <p className={styles.label}>{tr("pane.settings.used")}</p>
          {usedYears.map((line) => (
            <p key={line} className={styles.note}>
              {line}
            </p>
          ))}
        </div>
      ) : null}
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
