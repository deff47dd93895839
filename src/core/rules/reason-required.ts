/**
 * REASON-REQUIRED: a status △ (未着手) or × (中止) with an empty 未着手・中止の理由. The reason row exists in every
 * 武蔵野 record and is required only for △/× (none on the sample, which has no △ or ×).
 * One finding per record, at the reason cell (or at the status when the record has no reason row).
 */
import { both, type LocalizedText, t } from "../i18n";
import type { Finding } from "../model/finding";
import type { CodeRead, SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import { clip, finding } from "./helpers";
import { isNothingPlanned } from "./plan-cell-order";
import type { RecordRule } from "./types";

export const NOT_STARTED = ["△", "×"];

/** Every status of a record with the sub-item it belongs to: one per 年次計画 row, or the record's own status. */
export function statusesOf(rec: SurveyRecord): { code: CodeRead; subItem?: string }[] {
  const rows = (rec.plans ?? []).filter((p) => p.status).map((p) => ({ code: p.status!, subItem: p.subItem?.text }));
  if (rows.length) return rows;
  return rec.codes.status ? [{ code: rec.codes.status }] : [];
}

/** The reason as written, or "" when it is empty or only `—`. */
export function reasonText(rec: SurveyRecord): string {
  const r = (rec.texts.reason?.text ?? "").trim();
  return isNothingPlanned(r) ? "" : r;
}

function meaning(profile: Profile, code: string): LocalizedText {
  for (const set of Object.values(profile.codeSets)) {
    const d = set.codes.find((c) => c.code === code);
    if (d) return d.meaning;
  }
  return { ja: code, en: code };
}

export const reasonRequired: RecordRule = {
  id: "REASON-REQUIRED",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records" || reasonText(rec)) return out;
    const hits = statusesOf(rec).filter((s) => s.code.parsed.code && NOT_STARTED.includes(s.code.parsed.code));
    if (hits.length === 0) return out;
    const items = hits.map((h) => {
      const code = h.code.parsed.code!;
      const m = meaning(env.profile, code);
      return h.subItem ? both("plans.status.itemOf", { code, meaning: m, subItem: clip(h.subItem, 20) }) : both("plans.status.item", { code, meaning: m });
    });
    const statuses: LocalizedText = {
      ja: items.map((i) => i.ja).join(t("ja", "plans.list.separator")),
      en: items.map((i) => i.en).join(t("en", "plans.list.separator")),
    };
    const cell = rec.texts.reason?.cell ?? rec.emptyCells.reason ?? hits[0].code.cell;
    out.push(finding("REASON-REQUIRED", env.severity, rec, cell, "rule.REASON-REQUIRED", { statuses }));
    return out;
  },
};
