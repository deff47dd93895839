/**
 * READ-EMPTY: a sheet recognised as a layout that gave no record (no list row on a list sheet), or a sheet of several
 * records that gave fewer than the list (評価一覧, 目次) lists for it. Recognition needs only a share of a layout's
 * labels, so a sheet laid out otherwise than the sample can be recognised and read nothing; this says so instead of
 * reporting a clean sheet. One finding per sheet, at the first label found, naming the labels found and the required
 * ones not found.
 *
 * "Fewer" counts the list rows meant for the sheet: rows paired with one of its records (by No., or by 事業名 under the
 * same headings, as LIST-MISMATCH pairs them), and unpaired rows that can only be meant for it (the profile has one such
 * sheet, or only its records sit under the row's headings). Two cases are left alone:
 * - a layout of one record per sheet (小平 調査票): such a sheet cannot read fewer; a missing item is a missing sheet;
 * - unpaired rows with a No. while LIST-MISSING-RECORD is on: each already has an error of its own on its row, so the
 *   sheet is reported only when a row it misses is one that no other finding names.
 *
 * Not a record rule: it needs each sheet's recognition (validate.ts). On unless a profile turns it off
 * (`"READ-EMPTY": { "enabled": false }`), so a profile written before it existed is not silent either.
 */
import { both, type LocalizedText } from "../i18n";
import type { Finding, Severity } from "../model/finding";
import { toA1 } from "../model/address";
import type { SurveyRecord } from "../model/record";
import type { LabelsMatched } from "../profile/recognize";
import type { Profile } from "../profile/types";
import { normalizeForCompare } from "../values/text";
import { pairListByTitle } from "./list-mismatch";
import { listPairings } from "./list-pairing";

/** One sheet as validate.ts read it (a ReadSheetResult). */
export interface SheetRead {
  readonly report: {
    readonly name: string;
    readonly status: string;
    readonly profileId?: string;
    readonly profileName?: LocalizedText;
    readonly layoutName?: LocalizedText;
    readonly role?: "records" | "list";
  };
  readonly records: readonly SurveyRecord[];
  /** The labels the layout matched; `several`: the layout can hold more than one record on a sheet. */
  readonly reading?: LabelsMatched & { readonly several: boolean };
}

/** `小平市 進捗状況調査票（評価一覧）`: the profile and layout the sheet was recognised as. */
function layoutOf(r: SheetRead["report"]): LocalizedText | string {
  const p = r.profileName;
  const l = r.layoutName;
  if (!p || !l) return l ?? p ?? r.profileId ?? "";
  return { ja: `${p.ja}（${l.ja}）`, en: `${l.en} of ${p.en}` };
}

function severityFor(profile: Profile | undefined): Severity | undefined {
  const s = profile?.rules["READ-EMPTY"];
  if (s?.enabled === false) return undefined;
  return s?.severity ?? "error";
}

/** `「No.」「取組項目」` in Japanese, `"No.", "取組項目"` in English; none → なし / none. */
function labelList(labels: readonly string[]): LocalizedText {
  if (labels.length === 0) return both("rule.READ-EMPTY.nothing");
  return { ja: labels.map((l) => `「${l}」`).join(""), en: labels.map((l) => `"${l}"`).join(", ") };
}

/** The headings a record sits under, as LIST-MISMATCH buckets them for pairing by title. */
function headingKey(r: SurveyRecord, depth = Infinity): string {
  return (r.headings ?? [])
    .slice(0, depth)
    .map((h) => `${h.level}:${normalizeForCompare(h.no ?? h.title)}`)
    .join("/");
}

interface Listed {
  readonly list: string;
  /** Records of the sheet that a list row names. */
  readonly paired: Set<SurveyRecord>;
  /** Rows meant for the sheet with no record on it. */
  unpaired: number;
  /** One of those rows has no other finding (no No., or LIST-MISSING-RECORD is off). */
  unreported: boolean;
}

/** How many list rows each sheet of several records is meant to give, by sheet name. */
function listedBySheet(sheets: readonly SheetRead[], profiles: readonly Profile[]): Map<string, Listed> {
  const out = new Map<string, Listed>();
  const records = sheets.flatMap((s) => s.records);
  for (const p of listPairings(records)) {
    const targets = sheets.filter((s) => s.report.profileId === p.profileId && s.report.role === "records" && s.reading?.several);
    if (targets.length === 0) continue;
    const names = new Set(targets.map((s) => s.report.name));
    const byId = p.rows.some((r) => r.id);
    const own = records.filter((r) => r.profileId === p.profileId && r.role === "records");
    const byTitle = byId ? undefined : pairListByTitle(p.rows, own);
    const profile = profiles.find((x) => x.id === p.profileId);
    const missingReported = byId && !!profile?.rules["LIST-MISSING-RECORD"] && profile.rules["LIST-MISSING-RECORD"].enabled !== false;
    const entry = (sheet: string): Listed => {
      let e = out.get(sheet);
      if (!e) out.set(sheet, (e = { list: p.rows[0].sheet, paired: new Set(), unpaired: 0, unreported: false }));
      return e;
    };
    // The one sheet whose records sit under these headings (the deepest that tells one sheet apart).
    const sheetUnder = (row: SurveyRecord): string | undefined => {
      if (names.size === 1) return [...names][0];
      for (const depth of [Infinity, 1]) {
        const key = headingKey(row, depth);
        const under = new Set(own.filter((r) => names.has(r.sheet) && headingKey(r, depth) === key).map((r) => r.sheet));
        if (under.size === 1) return [...under][0];
      }
      return undefined;
    };
    for (const row of p.rows) {
      // A repost row has no record of its own; in a list with No.s, a row without one is not an item.
      if (row.repostOf || (byId && !row.id)) continue;
      const rec = row.id ? p.records.get(row.id.text) : byTitle?.get(row);
      if (rec) {
        if (names.has(rec.sheet)) entry(rec.sheet).paired.add(rec);
        continue;
      }
      const sheet = sheetUnder(row);
      if (!sheet) continue;
      const e = entry(sheet);
      e.unpaired++;
      if (!missingReported) e.unreported = true;
    }
  }
  return out;
}

export function readEmpty(sheets: readonly SheetRead[], profiles: readonly Profile[]): Finding[] {
  const out: Finding[] = [];
  let listed: Map<string, Listed> | undefined;
  for (const s of sheets) {
    const { report, reading } = s;
    if (report.status !== "recognised" || !reading) continue;
    const severity = severityFor(profiles.find((p) => p.id === report.profileId));
    if (!severity) continue;
    const cell = reading.at ? toA1(reading.at.row, reading.at.col) : "A1";
    const labels = { found: labelList(reading.found), missing: labelList(reading.missing) };
    const message = (key: "rule.READ-EMPTY.none" | "rule.READ-EMPTY.none-list" | "rule.READ-EMPTY.fewer", params = {}) =>
      both(key, { layout: layoutOf(report), ...labels, ...params });
    if (s.records.length === 0) {
      const key = report.role === "list" ? "rule.READ-EMPTY.none-list" : "rule.READ-EMPTY.none";
      out.push({ ruleId: "READ-EMPTY", severity, sheet: report.name, cell, message: message(key) });
      continue;
    }
    if (report.role !== "records" || !reading.several) continue;
    listed ??= listedBySheet(sheets, profiles);
    const l = listed.get(report.name);
    if (!l || !l.unreported) continue;
    const expected = l.paired.size + l.unpaired;
    if (s.records.length >= expected) continue;
    out.push({ ruleId: "READ-EMPTY", severity, sheet: report.name, cell, message: message("rule.READ-EMPTY.fewer", { count: s.records.length, listed: expected, list: l.list }) });
  }
  return out;
}
