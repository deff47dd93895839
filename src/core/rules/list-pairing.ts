/** Pairs the rows of a list sheet (評価一覧, 目次) with the records they summarise. */
import type { SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import { parseRecordId } from "./family";
import type { WorkbookEnv } from "./types";

export interface ListPairing {
  readonly profileId: string;
  readonly rows: readonly SurveyRecord[];
  /** Main records (not sub-sheets) by id. */
  readonly records: ReadonlyMap<string, SurveyRecord>;
  /** List rows by id. */
  readonly rowsById: ReadonlyMap<string, SurveyRecord>;
}

export function listPairings(records: readonly SurveyRecord[]): ListPairing[] {
  const byProfile = new Map<string, { rows: SurveyRecord[]; recs: SurveyRecord[] }>();
  for (const r of records) {
    let e = byProfile.get(r.profileId);
    if (!e) byProfile.set(r.profileId, (e = { rows: [], recs: [] }));
    (r.role === "list" ? e.rows : e.recs).push(r);
  }
  const out: ListPairing[] = [];
  for (const [profileId, e] of byProfile) {
    if (e.rows.length === 0) continue;
    const recs = new Map<string, SurveyRecord>();
    for (const r of e.recs) {
      if (!r.id) continue;
      const p = parseRecordId(r.id.text);
      if (p.sub !== undefined || p.range !== undefined) continue;
      if (!recs.has(r.id.text)) recs.set(r.id.text, r);
    }
    const rowsById = new Map<string, SurveyRecord>();
    for (const r of e.rows) if (r.id && !rowsById.has(r.id.text)) rowsById.set(r.id.text, r);
    out.push({ profileId, rows: e.rows, records: recs, rowsById });
  }
  return out;
}

/** The pairings whose profile enables the rule being run, each with the rule's setting and the profile. */
export function enabledPairings(
  env: WorkbookEnv,
): { pairing: ListPairing; setting: NonNullable<ReturnType<WorkbookEnv["settingFor"]>>; profile: Profile | undefined }[] {
  const out = [];
  for (const pairing of listPairings(env.records)) {
    const setting = env.settingFor(pairing.profileId);
    if (setting) out.push({ pairing, setting, profile: env.profiles.find((x) => x.id === pairing.profileId) });
  }
  return out;
}
