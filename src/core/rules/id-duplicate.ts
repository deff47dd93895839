/** ID-DUPLICATE: two records with the same No. / id / 事業名 (within one profile and role). */
import { both, listText, type LocalizedText } from "../i18n";
import { a1, type Finding } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import { finding } from "./helpers";
import type { WorkbookRule } from "./types";

/**
 * The other places, the first NAMED of them by name: a number that many files share (the same workbook submitted by
 * every department) would otherwise name them all in each of their findings, past what a cell holds.
 */
const NAMED = 5;

function places(others: readonly string[]): LocalizedText {
  const named = listText(others.slice(0, NAMED));
  return others.length > NAMED ? both("rule.ID-DUPLICATE.more", { places: named, count: others.length - NAMED }) : named;
}

export const idDuplicate: WorkbookRule = {
  id: "ID-DUPLICATE",
  scope: "workbook",
  defaultSeverity: "error",
  check(env) {
    const out: Finding[] = [];
    const groups = new Map<string, SurveyRecord[]>();
    for (const r of env.records) {
      if (!r.id || !env.settingFor(r.profileId)) continue;
      const k = `${r.profileId}\u0000${r.role}\u0000${r.id.text}`;
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const s = env.settingFor(g[0].profileId);
      if (!s) continue;
      for (const r of g) {
        const others = g.filter((o) => o !== r).map((o) => (o.row !== undefined && o.id ? `${o.sheet}!${a1(o.id.cell)}` : o.sheet));
        out.push(finding("ID-DUPLICATE", s.severity, r, r.id!.cell, "rule.ID-DUPLICATE", { id: r.id!.text, others: places(others) }));
      }
    }
    return out;
  },
};
