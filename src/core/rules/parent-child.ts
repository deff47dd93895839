/**
 * PARENT-CHILD: a parent rating outside its sub-sheets' range with no comment; a sub-sheet with no rating while its
 * parent is rated (where the rating is not required anyway); parent departments ≠ the union of the children's;
 * a part's copy of the parent's (or aggregate's) values that differs (the 小平 sample's No.2-3: 674人 against 620 on
 * the No.2-1~5 aggregate).
 */
import { listText } from "../i18n";
import { isNumericValue } from "../indicators/achievement";
import { formatPart, indicatorName } from "../indicators/format";
import type { Finding, Severity } from "../model/finding";
import type { IndicatorValueRead, SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import { normalizeForCompare } from "../values/text";
import type { ValuePart } from "../values/types";
import type { Family } from "./family";
import { parseRecordId } from "./family";
import { fieldLabel } from "./field-label";
import { clip, commentOf, finding } from "./helpers";
import type { WorkbookRule } from "./types";

function codeOrder(profile: Profile): string[] {
  const set = profile.codeSets.rating ?? Object.values(profile.codeSets)[0];
  return set ? set.codes.map((c) => c.code) : [];
}

function deptNames(r: SurveyRecord): Set<string> {
  return new Set((r.departments?.list.departments ?? []).map((d) => normalizeForCompare(d.name)).filter(Boolean));
}

function ratingChecks(parent: SurveyRecord, kids: SurveyRecord[], order: string[], sev: Severity, out: Finding[]): void {
  const c = parent.codes.eval1;
  const pIdx = c?.parsed.code ? order.indexOf(c.parsed.code) : -1;
  if (!c || pIdx < 0 || commentOf(c)) return;
  const idx = kids.map((k) => (k.codes.eval1?.parsed.code ? order.indexOf(k.codes.eval1.parsed.code) : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return;
  const lo = Math.min(...idx);
  const hi = Math.max(...idx);
  if (pIdx >= lo && pIdx <= hi) return;
  out.push(finding("PARENT-CHILD", sev, parent, c.cell, "rule.PARENT-CHILD.rating", { code: c.parsed.code!, range: lo === hi ? order[lo] : `${order[lo]}〜${order[hi]}` }));
}

function departmentCheck(parent: SurveyRecord, kids: SurveyRecord[], profile: Profile, sev: Severity, out: Finding[]): void {
  if (!parent.departments || kids.some((k) => !k.departments)) return;
  const mine = deptNames(parent);
  const union = new Set<string>();
  for (const k of kids) for (const n of deptNames(k)) union.add(n);
  const missing = [...union].filter((n) => !mine.has(n));
  const extra = [...mine].filter((n) => !union.has(n));
  if (!missing.length && !extra.length) return;
  out.push(
    finding("PARENT-CHILD", sev, parent, parent.departments.cell, "rule.PARENT-CHILD.departments", {
      field: fieldLabel(profile, parent, "departments"),
      missing: missing.length ? listText(missing) : "—",
      extra: extra.length ? listText(extra) : "—",
    }),
  );
}

function label(p: ValuePart): string {
  return normalizeForCompare(`${p.group ?? ""}${p.label ?? ""}`);
}

const MULT_STEP: Record<string, number> = { 千: 1e3, 万: 1e4, 百万: 1e6, 千万: 1e7, 億: 1e8 };

/** Figures copied from the parent must be the same figures; unit changes are fine within rounding. */
function differingPart(child: IndicatorValueRead, parent: IndicatorValueRead): { c: ValuePart; p: ValuePart } | undefined {
  if (!isNumericValue(child.parsed) || !isNumericValue(parent.parsed)) return undefined;
  const byLabel = new Map(parent.parsed.parts.map((p) => [label(p), p] as const));
  const cparts = child.parsed.parts;
  const pairs: [ValuePart, ValuePart][] = [];
  if (cparts.length === 1 && parent.parsed.parts.length === 1 && !cparts[0].label && !parent.parsed.parts[0].label) {
    pairs.push([cparts[0], parent.parsed.parts[0]]);
  } else {
    for (const c of cparts) {
      const p = byLabel.get(label(c));
      if (p) pairs.push([c, p]);
    }
  }
  for (const [c, p] of pairs) {
    if (c.unit && p.unit && c.unit !== p.unit) continue;
    const step = Math.max(MULT_STEP[c.multiplier ?? ""] ?? 1, MULT_STEP[p.multiplier ?? ""] ?? 1);
    const tolerance = c.multiplier === p.multiplier ? 1e-9 : step / 2;
    if (Math.abs(c.value - p.value) > tolerance) return { c, p };
  }
  return undefined;
}

function valueChecks(child: SurveyRecord, cover: SurveyRecord, profile: Profile, sev: Severity, out: Finding[]): void {
  const byName = new Map(cover.indicators.map((i) => [normalizeForCompare(indicatorName(i.label.text)), i] as const));
  for (const ind of child.indicators) {
    const p = byName.get(normalizeForCompare(indicatorName(ind.label.text)));
    if (!p) continue;
    for (const col of ["baseline", "target"] as const) {
      const cv = ind[col];
      const pv = p[col];
      if (!cv || !pv) continue;
      const d = differingPart(cv, pv);
      if (!d) continue;
      out.push(
        finding("PARENT-CHILD", sev, child, cv.cell, "rule.PARENT-CHILD.value", {
          column: fieldLabel(profile, child, col),
          label: clip(d.c.label ?? indicatorName(ind.label.text), 24),
          value: formatPart(d.c),
          parentSheet: cover.sheet,
          parentValue: formatPart(d.p),
        }),
      );
    }
  }
}

function unratedChild(parent: SurveyRecord, kids: SurveyRecord[], profile: Profile, sev: Severity, out: Finding[]): void {
  if (!parent.codes.eval1?.parsed.code) return;
  // Where 1次評価 is required, REQUIRED-MISSING already reports the empty cell.
  const required = profile.layouts.some((l) => l.shape === "form" && l.fields.some((f) => f.id === "eval1" && f.required === "always"));
  if (required) return;
  for (const k of kids) {
    const at = k.emptyCells.eval1;
    if (at) out.push(finding("PARENT-CHILD", sev, k, at, "rule.PARENT-CHILD.unrated", { parentSheet: parent.sheet }));
  }
}

export function checkFamilies(records: readonly SurveyRecord[], family: Family, settingFor: (p: string) => { severity: Severity } | undefined, profiles: readonly Profile[]): Finding[] {
  const out: Finding[] = [];
  for (const rec of records) {
    if (rec.role !== "records" || !rec.id) continue;
    const s = settingFor(rec.profileId);
    const profile = profiles.find((p) => p.id === rec.profileId);
    if (!s || !profile) continue;
    const pid = parseRecordId(rec.id.text);
    if (pid.sub !== undefined) {
      const cover = family.coveringOf(rec);
      if (cover) valueChecks(rec, cover, profile, s.severity, out);
      continue;
    }
    if (!family.isParent(rec)) continue;
    const all = family.childrenOf(rec);
    // A main item's parts are its numbered sub-sheets; an aggregate's are the parts it covers.
    const parts = pid.range ? all : all.filter((k) => parseRecordId(k.id!.text).sub !== undefined);
    if (parts.length === 0) continue;
    ratingChecks(rec, parts, codeOrder(profile), s.severity, out);
    departmentCheck(rec, parts, profile, s.severity, out);
    unratedChild(rec, parts, profile, s.severity, out);
  }
  return out;
}

export const parentChild: WorkbookRule = {
  id: "PARENT-CHILD",
  scope: "workbook",
  defaultSeverity: "warning",
  check(env) {
    return checkFamilies(env.records, env.family, (p) => env.settingFor(p), env.profiles);
  },
};
