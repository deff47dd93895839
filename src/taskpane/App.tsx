/**
 * The task pane: the 検証 button with progress and cancel, counts, then four views (findings, sheets, summaries,
 * settings). It receives a Host and holds UI state only; the checking is the core's, the workbook the port's.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countBySeverity, type Severity } from "../core/model/finding";
import { detectedPlanPeriod, yearLines } from "../core/plan-period";
import { workbookFiscalYear } from "../core/validate";
import { markReady } from "./boot";
import { FindingFilters, ALL_SEVERITIES, applyFilter, type FindingFilter } from "./components/FindingFilters";
import { FindingList } from "./components/FindingList";
import { FixPreview } from "./components/FixPreview";
import { LanguageToggle } from "./components/LanguageToggle";
import { NoticeBar } from "./components/NoticeBar";
import { CyclePanel } from "./components/CyclePanel";
import { PreviousYearSection, PreviousYearStatus } from "./components/PreviousYearSection";
import { SettingsPanel } from "./components/SettingsPanel";
import { SeverityCounts } from "./components/SeverityCounts";
import { SheetList } from "./components/SheetList";
import { SummaryPanel } from "./components/SummaryPanel";
import { ValidateBar } from "./components/ValidateBar";
import { editsOfRule } from "./format";
import { type Host, supports } from "./host";
import { useLang, useT } from "./i18n";
import { isOwnedSheet } from "./run-validation";
import { useChecker } from "./use-checker";
import { useSummaries } from "./use-summaries";
import { useCycle } from "./use-cycle";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  summary: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // Four tabs with counts do not fit on one line at 320 px in English: they wrap.
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  status: { minHeight: 0 },
});

type View = "findings" | "sheets" | "summaries" | "cycle" | "settings";

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const c = useChecker(host.port);
  const sm = useSummaries(host.port, c.report, c.profiles, lang);
  const cycle = useCycle(host.port, c.profiles, c.settings, lang, host.fileName?.replace(/\.(xlsx|xlsm)$/i, ""));

  const [view, setView] = useState<View>("findings");
  const [filter, setFilter] = useState<FindingFilter>({ severities: ALL_SEVERITIES });
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => markReady(), []);

  const findings = useMemo(() => c.report?.findings ?? [], [c.report]);
  const shown = useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const detectedFy = useMemo(() => (c.report ? workbookFiscalYear(c.report.records) : undefined), [c.report]);
  const detectedPeriod = useMemo(() => (c.report ? detectedPlanPeriod(c.report.records) : undefined), [c.report]);
  const usedYears = useMemo(() => {
    if (!c.report) return undefined;
    const named = (c.report.planPeriods ?? []).map((p) => ({ ...p, profileName: c.profiles.find((x) => x.id === p.profileId)?.name[lang] }));
    return yearLines(lang, { ...c.report, planPeriods: named });
  }, [c.report, c.profiles, lang]);
  const summarising = sm.stage === "running";
  const busy = c.running || !c.settingsLoaded || summarising;
  const canRead = supports(host, "read");
  const canWrite = supports(host, "write");
  const canSelect = supports(host, "select");

  const tabId = (v: View) => `tab-${v}`;
  return (
    <main className={styles.root} data-host={host.kind} data-runs={c.runs} data-busy={c.running ? "true" : undefined}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {tr("app.name")}
        </Text>
        <LanguageToggle />
      </header>

      {host.missingRequirements.length > 0 ? (
        <MessageBar intent={host.missingRequirements.some((r) => !r.optional) ? "error" : "warning"} layout="multiline" data-testid="requirements">
          <MessageBarBody>
            <MessageBarTitle>{tr("error.unsupported-host")}</MessageBarTitle>
            {tr("pane.requirements.missing", {
              features: host.missingRequirements
                .map((r) => tr("pane.requirements.feature", { feature: tr(`pane.feature.${r.feature}`), set: r.set, version: r.version }))
                .join(tr("pane.list.separator")),
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <ValidateBar
        running={c.running}
        progress={c.progress}
        disabled={busy || !canRead}
        onValidate={() => void c.validate()}
        onCancel={c.cancel}
      />

      <div role="status" aria-live="polite" className={styles.status} data-testid="notice" ref={noticeRef} tabIndex={-1}>
        {c.notice ? <NoticeBar notice={c.notice} /> : null}
      </div>

      {c.report ? (
        <section className={styles.summary} aria-label={tr("pane.summary")} data-testid="summary">
          <SeverityCounts counts={counts} testIdPrefix="count" />
          <p className={styles.note}>
            {tr("pane.summary.sheets", {
              recognised: c.report.sheets.filter((s) => s.status === "recognised").length,
              total: c.report.sheets.filter((s) => !isOwnedSheet(c.report!, s.name)).length,
            })}
          </p>
        </section>
      ) : null}
      {c.report ? <PreviousYearStatus report={c.report} /> : null}
      {c.report?.limitations?.mergedAreas === false ? (
        <MessageBar intent="warning" layout="multiline" data-testid="limitations">
          <MessageBarBody>{tr("pane.limited.mergedAreas")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {c.stale ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{tr("pane.stale")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {c.changedSinceCheck ? (
        <MessageBar intent="warning" layout="multiline" data-testid="changed">
          <MessageBarBody>{tr("pane.changed")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy || !canRead} onClick={() => void c.validate()}>
              {tr("pane.changed.recheck")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} size="small">
        <Tab id={tabId("findings")} value="findings">
          {c.report ? tr("pane.tab.findingsCount", { count: findings.length }) : tr("pane.tab.findings")}
        </Tab>
        <Tab id={tabId("sheets")} value="sheets">
          {c.report ? tr("pane.tab.sheetsCount", { count: c.report.sheets.length }) : tr("pane.tab.sheets")}
        </Tab>
        <Tab id={tabId("summaries")} value="summaries">
          {tr("pane.tab.summaries")}
        </Tab>
        <Tab id={tabId("cycle")} value="cycle">
          {tr("pane.tab.cycle")}
        </Tab>
        <Tab id={tabId("settings")} value="settings">
          {tr("pane.tab.settings")}
        </Tab>
      </TabList>

      <div role="tabpanel" aria-labelledby={tabId(view)} className={styles.panel} data-view={view}>
        {view === "findings" ? (
          !c.report ? (
            <p className={styles.note}>{tr("pane.findings.before")}</p>
          ) : findings.length === 0 ? (
            <p className={styles.note}>{tr("pane.findings.none")}</p>
          ) : (
            <>
              <FindingFilters findings={findings} filter={filter} onChange={setFilter} />
              {shown.length === 0 ? <p className={styles.note}>{tr("pane.findings.filteredOut")}</p> : null}
              <FindingList
                findings={shown}
                selected={c.selected}
                onSelect={(f) => void c.select(f, canSelect)}
                renderDetail={(f) =>
                  f.fix ? (
                    <FixPreview
                      finding={f}
                      ruleEdits={editsOfRule(findings, f.ruleId)}
                      busy={c.running || !canWrite}
                      // The fixed finding leaves the list: keep keyboard focus in the pane, on the result.
                      onApply={(edits) => void c.applyFix(edits, f.ruleId).then(() => noticeRef.current?.focus())}
                    />
                  ) : (
                    <p className={styles.note}>{tr("pane.fix.none")}</p>
                  )
                }
              />
            </>
          )
        ) : null}
        {view === "sheets" ? (
          <SheetList
            report={c.report}
            profiles={c.profiles}
            overrides={c.settings.overrides}
            disabled={busy || !canWrite}
            onOverride={(sheet, o) => {
              const next = { ...c.settings.overrides };
              if (o === undefined) delete next[sheet];
              else next[sheet] = o;
              void c.saveSettings({ overrides: next });
            }}
          />
        ) : null}
        {view === "summaries" ? (
          <SummaryPanel
            summaries={sm}
            checked={!!c.report}
            disabled={c.running || !c.settingsLoaded || !canWrite}
            canSelect={canSelect}
            onShowFindings={() => {
              setFilter({ severities: new Set<Severity>(["error"]) });
              setView("findings");
              document.getElementById(tabId("findings"))?.focus();
            }}
          />
        ) : null}
        {view === "cycle" ? <CyclePanel cycle={cycle} disabled={busy} /> : null}
        {view === "cycle" ? <PreviousYearSection port={host.port} profiles={c.profiles} report={c.report} disabled={busy} /> : null}
        {view === "settings" ? (
          <SettingsPanel
            settings={c.settings}
            detectedFiscalYear={detectedFy}
            detectedPlanPeriod={detectedPeriod}
            usedYears={usedYears}
            disabled={busy || !canWrite} onChange={(p) => void c.saveSettings(p)} />
        ) : null}
      </div>
    </main>
  );
}
