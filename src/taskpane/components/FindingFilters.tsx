/** Filters: which severities to show, and one rule (or all). Counts come from the unfiltered findings. */
import { Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, RuleId, Severity } from "../../core/model/finding";
import { countBySeverity } from "../../core/model/finding";
import { ruleLabel } from "../format";
import { useLang, useT } from "../i18n";

export interface FindingFilter {
  readonly severities: ReadonlySet<Severity>;
  /** undefined: every rule. */
  readonly rule?: RuleId;
}

export const ALL_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(["error", "warning", "info"]);

export function applyFilter(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => filter.severities.has(f.severity) && (!filter.rule || f.ruleId === filter.rule));
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  severities: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  // A native select is as wide as its longest option unless told otherwise: keep it inside a 320 px pane.
  field: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
  selectElement: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  legend: { padding: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export function FindingFilters({
  findings,
  filter,
  onChange,
}: {
  findings: readonly Finding[];
  filter: FindingFilter;
  onChange: (f: FindingFilter) => void;
}) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const counts = countBySeverity(findings);
  const rules = new Map<RuleId, number>();
  for (const f of findings) rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
  if (filter.rule && !rules.has(filter.rule)) rules.set(filter.rule, 0); // every finding of it was fixed
  const ruleList = [...rules].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return (
    <div className={styles.root}>
      <fieldset className={styles.severities}>
        <legend className={styles.legend}>{tr("pane.filter.severity")}</legend>
        {SEVERITIES.map((s) => (
          <Checkbox
            key={s}
            checked={filter.severities.has(s)}
            label={tr("pane.filter.severityOption", { severity: tr(`severity.${s}`), count: counts[s] })}
            onChange={(_, d) => {
              const next = new Set(filter.severities);
              if (d.checked) next.add(s);
              else next.delete(s);
              onChange({ ...filter, severities: next });
            }}
          />
        ))}
      </fieldset>
      <Field label={tr("pane.filter.rule")} className={styles.field}>
        <Select
          className={styles.select}
          select={{ className: styles.selectElement }}
          value={filter.rule ?? ""}
          onChange={(_, d) => onChange({ ...filter, rule: (d.value || undefined) as RuleId | undefined })}
        >
          <option value="">{tr("pane.filter.allRules", { count: findings.length })}</option>
          {ruleList.map(([id, n]) => (
            <option key={id} value={id}>
              {tr("pane.filter.ruleOption", { rule: ruleLabel(lang, id), count: n })}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
