/**
 * 前年度との対応 (年度 tab, under 前年度と比べる): this year's items not paired with last year's by their No. (renumbered,
 * by title, by sheet, split, merged, new, gone), each with how it was paired and a choice of last year's item to
 * correct it. Names from the workbooks are React text, never HTML.
 */
import { Button, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { itemLabel } from "../../core/compare/describe";
import type { ItemRef, ItemRow } from "../../core/compare/types";
import type { Lang } from "../../core/i18n";
import type { Profile } from "../../core/profile/types";
import type { WorkbookPort } from "../../workbook/port";
import { useLang, useT } from "../i18n";
import type { PaneReport } from "../run-validation";
import { useMatches } from "../use-matches";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "stretch", rowGap: tokens.spacingVerticalS, alignSelf: "stretch" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  name: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  start: { alignSelf: "start" },
});

const NO_PAIR = "none";

/** How the row was paired, in words. */
function howText(tr: ReturnType<typeof useT>, lang: Lang, row: ItemRow): string {
  const parts: string[] = [];
  if (row.change === "split" && row.last) parts.push(tr("pane.matches.split", { item: itemLabel(row.last)[lang] }));
  else if (row.change === "merged") parts.push(tr("pane.matches.merged", { items: [row.last, ...(row.partners ?? [])].filter((r): r is ItemRef => !!r).map((r) => itemLabel(r)[lang]).join(tr("pane.list.separator")) }));
  else if (!row.last || !row.this) {
    parts.push(row.matchedBy === "user" ? tr("pane.matches.userNone") : tr(row.this ? "pane.matches.added" : row.change === "ended" ? "pane.matches.ended" : "pane.matches.removed"));
  } else if (row.matchedBy && row.matchedBy !== "id") parts.push(tr(`pane.matches.by.${row.matchedBy}`));
  if (row.renumbered && row.last?.id && row.this?.id) parts.push(tr("pane.matches.renumbered", { last: row.last.id, this: row.this.id }));
  return parts.join(tr("pane.list.separator"));
}

export interface MatchListProps {
  readonly port: WorkbookPort;
  readonly profiles: readonly Profile[];
  readonly report?: PaneReport;
  readonly disabled?: boolean;
}

export function MatchList({ port, profiles, report, disabled }: MatchListProps) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const m = useMatches(port, profiles, report);
  if (!m.comparison && !m.corrections?.pairs.length) return null;
  const busy = disabled || m.saving;
  const indexOf = (ref: ItemRef | undefined) => (ref ? m.lastItems.findIndex((x) => x.sheet === ref.sheet && x.cell === ref.cell) : -1);
  return (
    <section className={styles.root} aria-labelledby="cycle-matches" data-testid="previous-matches">
      <h3 id="cycle-matches" className={styles.heading}>
        {tr("pane.matches.title")}
      </h3>
      <p className={styles.note}>{tr("pane.matches.help")}</p>
      {m.comparison && m.rows.length === 0 ? <p className={styles.note}>{tr("pane.matches.none")}</p> : null}
      {m.rows.length ? (
        <ul className={styles.list}>
          {m.rows.map((row) => {
            const ref = (row.this ?? row.last)!;
            const label = itemLabel(ref)[lang];
            const chosen = row.this ? indexOf(row.last) : -1;
            return (
              <li key={`${row.this ? "t" : "l"}:${ref.sheet}!${ref.cell}`} className={styles.item} data-testid="previous-match">
                <span className={styles.name}>{tr(row.this ? "pane.matches.this" : "pane.matches.last", { item: label })}</span>
                <span className={styles.note}>{howText(tr, lang, row)}</span>
                {row.this ? (
                  <Select
                    size="small"
                    aria-label={tr("pane.matches.choose", { item: label })}
                    value={chosen >= 0 ? String(chosen) : NO_PAIR}
                    disabled={busy}
                    onChange={(_, d) => void m.correct(row.this!, d.value === NO_PAIR ? undefined : m.lastItems[Number(d.value)])}
                  >
                    <option value={NO_PAIR}>{tr("pane.matches.noPair")}</option>
                    {m.lastItems.map((l, i) => (
                      <option key={i} value={String(i)}>
                        {tr("pane.matches.last", { item: itemLabel(l)[lang] })}
                      </option>
                    ))}
                  </Select>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {m.corrections?.pairs.length ? (
        <>
          <p className={styles.note} data-testid="previous-corrected">
            {tr("pane.matches.corrected", { count: m.corrections.pairs.length })}
          </p>
          <Button className={styles.start} disabled={busy} onClick={() => void m.reset()}>
            {tr("pane.matches.reset")}
          </Button>
        </>
      ) : null}
      {m.notice ? (
        <MessageBar intent={m.notice.intent} layout="multiline" data-testid="previous-matches-notice">
          <MessageBarBody>{m.notice.text(lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
