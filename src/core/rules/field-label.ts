/**
 * The name of a record's field in a message, as the clerk's sheet labels it: 武蔵野 writes 事業名, 担当課, 課題・目的 where
 * 小平 writes 取組項目, 所管課, 目的・ねらい. It is the label the record's layout gives the field (`「事業名」`, `「令和4年度
 * までの取組実績」`), or the catalogue's name when that label is the catalogue's name or contains it (`1次評価(C)` →
 * 1次評価), or when the layout has no label of its own for the field. The catalogue's names are the 小平 調査票's, so its
 * messages keep them.
 */
import { label as catalogueLabel, type LocalizedText, type MessageKey } from "../i18n";
import { ja } from "../i18n/ja";
import type { SurveyRecord } from "../model/record";
import { compileLabel, matchesLabel } from "../profile/labels";
import type { Layout, Profile } from "../profile/types";
import { normalizeLabel } from "../values/text";

/** Indicator columns keep the generic names that the indicator messages use (現状値, 目標値, 実績値). */
const INDICATOR_FIELDS = new Set(["indicator", "indicators", "baseline", "target", "actual"]);
/** A table's schedule column holds the tasks; its year cells are named after it too. */
const SCHEDULE_FIELDS = new Set(["task", "tasks", "schedule"]);

/** The label key a layout reads a field from; none for a cell that packs several fields (No. + 項目 + 目的). */
function labelKeyOf(layout: Layout, field: string): string | undefined {
  if (layout.shape === "table") {
    const col = layout.columns.find((c) => c.id === field) ?? (SCHEDULE_FIELDS.has(field) ? layout.columns.find((c) => c.type === "schedule") : undefined);
    return col?.label;
  }
  for (const f of layout.fields) {
    if (f.type === "schedule-rows" && (field === "task" || field === "tasks")) return f.label;
    if (f.id !== field) continue;
    if (f.type === "text" || f.type === "department-list" || f.type === "code" || f.type === "title" || f.type === "plan-blocks") return f.label;
  }
  return undefined;
}

function catalogueName(field: string): LocalizedText | undefined {
  const key = `field.${field}`;
  return Object.prototype.hasOwnProperty.call(ja, key) ? catalogueLabel(key as MessageKey) : undefined;
}

const quoted = (text: string): LocalizedText => ({ ja: `「${text}」`, en: `"${text}"` });

/** Without its record: a name, or "as read" when only the sheet's header says it (the label has a year in it). */
type Resolved = LocalizedText | { readonly asRead: string; readonly fallback: LocalizedText; readonly upTo?: string };

const memo = new WeakMap<Layout, Map<string, Resolved>>();

function resolve(profile: Profile, layout: Layout, field: string): Resolved {
  let byField = memo.get(layout);
  if (!byField) memo.set(layout, (byField = new Map()));
  let r = byField.get(field);
  if (!r) {
    r = resolveUncached(profile, layout, field);
    byField.set(field, r);
  }
  return r;
}

function resolveUncached(profile: Profile, layout: Layout, field: string): Resolved {
  const generic = catalogueName(field) ?? { ja: field, en: field };
  if (INDICATOR_FIELDS.has(field)) return generic;
  // A list row (評価一覧, 目次) stands for a record on another sheet: name its fields as the record sheets do.
  const source = layout.role === "list" ? (profile.layouts.find((l) => l.role === "records" && labelKeyOf(l, field)) ?? layout) : layout;
  const key = labelKeyOf(source, field);
  const primary = key ? source.labels[key]?.text[0] : undefined;
  if (!key || !primary) return generic;
  const g = catalogueName(field) ? normalizeLabel(generic.ja) : undefined;
  if (g && (matchesLabel(compileLabel(key, { text: [primary] }), g) || normalizeLabel(primary.replace(/\*|\{FY\}/g, "")).includes(g))) return generic;
  const fixed = primary.replace(/\*/g, "").trim();
  if (!fixed.includes("{FY}")) return quoted(fixed);
  const stripped = fixed.replace(/(?:平成|令和)?\{FY\}/g, "").trim();
  const fallback = stripped ? quoted(stripped) : generic;
  // A label that goes on past its fixed text (`{FY}年度当初予定・設定目標*`) is named up to that text, without the note
  // the header adds (`（前年度末の状況）`).
  const tail = primary.endsWith("*") ? normalizeLabel(fixed.split("{FY}").pop() ?? "") : "";
  return source === layout ? { asRead: field, fallback, ...(tail ? { upTo: tail } : {}) } : fallback;
}

/** The name of `field` of `rec` for a message, in both languages. */
export function fieldLabel(profile: Profile | undefined, rec: Pick<SurveyRecord, "layoutId" | "labelsRead">, field: string): LocalizedText {
  const layout = profile?.layouts.find((l) => l.id === rec.layoutId);
  if (!profile || !layout) return catalogueName(field) ?? { ja: field, en: field };
  const r = resolve(profile, layout, field);
  if (!("asRead" in r)) return r;
  const read = rec.labelsRead?.[r.asRead];
  if (!read) return r.fallback;
  const text = normalizeLabel(read);
  const end = r.upTo ? text.indexOf(r.upTo) : -1;
  return quoted(end >= 0 ? text.slice(0, end + r.upTo!.length) : text);
}
