/**
 * Findings grouped by sheet and severity, with counts. Keyboard: ↑/↓ move between findings, Home/End go to the
 * first/last, Enter (or a click) selects the finding's cell in the workbook and opens its details below it.
 * Cell text is React text: `<p>` in a cell shows as `<p>`, never as HTML.
 */
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/model/finding";
import { findingKey, groupFindings, ruleName } from "../format";
import { useLang, useT } from "../i18n";
import { SeverityCounts, useSeverityStyles } from "./SeverityCounts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  sheet: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  sheetHeader: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  sheetHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sheetCounts: { fontSize: tokens.fontSizeBase200 },
  severityHeading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  li: { listStyleType: "none" },
  item: {
    display: "block",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "0" },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Selected}`,
  },
  meta: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground2 },
  fixable: { color: tokens.colorBrandForeground1 },
  message: { display: "block", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  detail: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
});

export interface FindingListProps {
  readonly findings: readonly Finding[];
  readonly selected?: Finding;
  readonly onSelect: (f: Finding) => void;
  /** Details shown under the selected finding (its fix preview). */
  readonly renderDetail?: (f: Finding) => ReactNode;
}

export function FindingList({ findings, selected, onSelect, renderDetail }: FindingListProps) {
  const styles = useStyles();
  const sev = useSeverityStyles();
  const tr = useT();
  const { lang } = useLang();
  const groups = useMemo(() => groupFindings(findings), [findings]);
  // Reading order, flattened: the order ↑/↓ walk.
  const order = useMemo(() => groups.flatMap((g) => g.groups.flatMap((s) => s.findings)), [groups]);
  const indexOf = useMemo(() => new Map(order.map((f, i) => [f, i] as const)), [order]);
  const selectedKey = selected ? findingKey(selected) : undefined;
  const selectedIndex = selectedKey ? order.findIndex((f) => findingKey(f) === selectedKey) : -1;
  const [focusIndex, setFocusIndex] = useState(Math.max(selectedIndex, 0));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const uid = useId();

  useEffect(() => {
    // The list changed (filter, re-check): keep the roving tab stop on an item that exists.
    setFocusIndex((i) => (selectedIndex >= 0 ? selectedIndex : Math.min(i, Math.max(order.length - 1, 0))));
  }, [order, selectedIndex]);

  const move = useCallback(
    (to: number) => {
      if (order.length === 0) return;
      const i = Math.max(0, Math.min(order.length - 1, to));
      setFocusIndex(i);
      buttons.current[i]?.focus();
    },
    [order.length],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const at = Number(target.dataset.findingIndex);
    if (!Number.isInteger(at)) return; // keys inside a finding's details belong to its buttons
    switch (e.key) {
      case "ArrowDown":
        move(at + 1);
        break;
      case "ArrowUp":
        move(at - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(order.length - 1);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div className={styles.root} onKeyDown={onKeyDown} data-testid="finding-list">
      {groups.map((g) => {
        const headingId = `${uid}-sheet-${indexOf.get(g.groups[0].findings[0]) ?? 0}`;
        return (
          <section key={g.sheet} className={styles.sheet} aria-labelledby={headingId} data-sheet={g.sheet}>
            <div className={styles.sheetHeader}>
              <h2 id={headingId} className={styles.sheetHeading}>
                {tr("pane.findings.sheet", { sheet: g.sheet })}
              </h2>
              <div className={styles.sheetCounts}>
                <SeverityCounts counts={g.counts} hideZero />
              </div>
            </div>
            {g.groups.map((s) => (
              <div key={s.severity}>
                <h3 className={mergeClasses(styles.severityHeading, sev[s.severity])}>
                  {tr("pane.findings.severity", { severity: tr(`severity.${s.severity}`), count: s.findings.length })}
                </h3>
                <ul className={styles.list}>
                  {s.findings.map((f) => {
                    const i = indexOf.get(f) ?? 0;
                    const isSelected = i === selectedIndex;
                    const detailId = `${uid}-detail-${i}`;
                    const detail = isSelected && renderDetail ? renderDetail(f) : null;
                    return (
                      <li key={`${findingKey(f)}\u0000${i}`} className={styles.li}>
                        <button
                          type="button"
                          ref={(el) => {
                            buttons.current[i] = el;
                          }}
                          className={mergeClasses(styles.item, isSelected && styles.selected)}
                          tabIndex={i === focusIndex ? 0 : -1}
                          data-finding-index={i}
                          data-rule={f.ruleId}
                          data-cell={f.cell}
                          aria-current={isSelected ? "true" : undefined}
                          aria-expanded={detail ? true : undefined}
                          aria-controls={detail ? detailId : undefined}
                          onFocus={() => setFocusIndex(i)}
                          onClick={() => onSelect(f)}
                        >
                          <span className={styles.meta}>
                            <span className={styles.cell}>{f.cell}</span>
                            <span className={styles.rule} title={f.ruleId}>
                              {ruleName(lang, f.ruleId)}
                            </span>
                            {f.fix ? <span className={styles.fixable}>{tr("pane.findings.fixable")}</span> : null}
                          </span>
                          <span className={styles.message}>{f.message[lang]}</span>
                        </button>
                        {detail ? (
                          <div id={detailId} className={styles.detail}>
                            {detail}
                          </div>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
