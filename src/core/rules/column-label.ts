/**
 * The name of a table column for a message, as the profile's header label reads (`「主な取組の方向性」`), so that a finding
 * names the column the clerk sees; the generic field name (`取組実績(D)`) where the layout has no such column.
 */
import type { LocalizedText } from "../i18n";
import type { Profile } from "../profile/types";
import { fieldName } from "./helpers";

export function columnLabel(profile: Profile, layoutId: string, field: string): LocalizedText {
  const layout = profile.layouts.find((l) => l.id === layoutId);
  if (layout?.shape === "table") {
    const col = layout.columns.find((c) => c.id === field);
    const text = col?.label ? layout.labels[col.label]?.text[0]?.replace(/\{FY\}|\*/g, "").trim() : undefined;
    if (text) return { ja: `「${text}」`, en: `"${text}"` };
  }
  return fieldName(field);
}
