/**
 * The sheets of the last check: recognised with their profile and layout, unrecognised (never touched), excluded by
 * the user, or created by this add-in (summary sheets, 変更履歴: never checked). Each has an override: automatic, a profile layout, or "leave this sheet alone".
 */
import { Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Profile } from "../../core/profile/types";
import type { SheetOverride } from "../../core/profile/recognize";
import type { SheetReport } from "../../core/validate";
import { useLang, useT } from "../i18n";
import { isOwnedSheet, type PaneReport } from "../run-validation";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  unrecognised: { color: tokens.colorStatusWarningForeground3 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const AUTO = "";
const NONE = "none";

export function overrideValue(o: SheetOverride | undefined): string {
  if (!o) return AUTO;
  if (o === "none") return NONE;
  return JSON.stringify([o.profileId, o.layoutId ?? ""]);
}

export function parseOverrideValue(v: string): SheetOverride | undefined {
  if (v === AUTO) return undefined;
  if (v === NONE) return "none";
  const [profileId, layoutId] = JSON.parse(v) as [string, string];
  return layoutId ? { profileId, layoutId } : { profileId };
}

export interface SheetListProps {
  readonly report?: PaneReport;
  readonly profiles: readonly Profile[];
  readonly overrides: Readonly<Record<string, SheetOverride>>;
  readonly disabled?: boolean;
  readonly onOverride: (sheet: string, o: SheetOverride | undefined) => void;
}

export function SheetList({ report, profiles, overrides, disabled, onOverride }: SheetListProps) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  if (!report) return <p className={styles.note}>{tr("pane.sheets.empty")}</p>;

  const owned = (s: SheetReport) => isOwnedSheet(report, s.name);
  const status = (s: SheetReport): string => {
    if (owned(s)) return tr("pane.sheets.owned");
    if (s.status === "recognised") {
      const recognisedAs = tr("pane.sheets.recognised", {
        profile: s.profileName?.[lang] ?? s.profileId ?? "",
        layout: s.layoutName?.[lang] ?? s.layoutId ?? "",
        score: Math.round(s.score * 100),
      });
      // What the sheet gave, so a sheet recognised but read short shows it here too.
      return recognisedAs + tr(s.role === "list" ? "pane.sheets.listRows" : "pane.sheets.records", { count: s.records });
    }
    return tr(s.status === "excluded" ? "pane.sheets.excluded" : "pane.sheets.unrecognised");
  };
  const recognised = report.sheets.filter((s) => s.status === "recognised").length;
  const ownedCount = report.sheets.filter(owned).length;

  return (
    <div className={styles.root}>
      <p className={styles.note}>
        {tr("pane.sheets.summary", { recognised, total: report.sheets.length - ownedCount })}
        {ownedCount > 0 ? ` ${tr("pane.sheets.ownedCount", { count: ownedCount })}` : ""}
      </p>
      <ul className={styles.list}>
        {report.sheets.map((s) => (
          <li key={s.name} className={styles.item} data-sheet={s.name} data-status={owned(s) ? "owned" : s.status}>
            <h2 className={styles.name}>{s.name}</h2>
            <span className={s.status === "unrecognised" && !owned(s) ? styles.unrecognised : styles.status}>
              {status(s)}
              {s.visibility !== "visible" ? ` ${tr("pane.sheets.hidden")}` : ""}
              {s.protected ? ` ${tr("pane.sheets.protected")}` : ""}
              {s.trimmed ? ` ${tr("pane.sheets.trimmed", { rows: s.trimmed.rows, cols: s.trimmed.cols })}` : ""}
            </span>
            {owned(s) ? null : (
              <OverrideSelect
                sheet={s.name}
                value={overrideValue(overrides[s.name])}
                profiles={profiles}
                disabled={disabled}
                onChange={(v) => onOverride(s.name, parseOverrideValue(v))}
              />
            )}
          </li>
        ))}
      </ul>
      {report.skippedSheets.length > 0 ? (
        <p className={styles.note}>{tr("pane.sheets.skipped", { names: report.skippedSheets.map((s) => s.name).join(tr("pane.list.separator")) })}</p>
      ) : null}
    </div>
  );
}

function OverrideSelect({
  sheet,
  value,
  profiles,
  disabled,
  onChange,
}: {
  sheet: string;
  value: string;
  profiles: readonly Profile[];
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const tr = useT();
  const { lang } = useLang();
  const options = profiles.flatMap((p) =>
    p.layouts.map((l) => ({ value: overrideValue({ profileId: p.id, layoutId: l.id }), text: tr("pane.sheets.layoutOption", { profile: p.name[lang], layout: l.name[lang] }) })),
  );
  // A stored override naming a profile without a layout, or a profile this pane does not know.
  const known = value === AUTO || value === NONE || options.some((o) => o.value === value);
  if (!known) {
    const o = parseOverrideValue(value);
    const id = o && o !== "none" ? o.profileId : value;
    options.push({ value, text: profiles.find((p) => p.id === id)?.name[lang] ?? id });
  }
  return (
    <Select size="small" aria-label={tr("pane.sheets.override", { sheet })} value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)}>
      <option value={AUTO}>{tr("pane.sheets.auto")}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
      <option value={NONE}>{tr("pane.sheets.none")}</option>
    </Select>
  );
}
