/** The direction setting for an indicator: the profile's per-indicator entry, else its default (values.md). */
import type { Indicator } from "../model/record";
import type { Profile } from "../profile/types";
import { normalizeForCompare } from "../values/text";
import type { DirectionSetting } from "./achievement";
import { indicatorName } from "./format";

export function directionSetting(profile: Profile, ind: Indicator): DirectionSetting {
  const s = profile.indicators;
  if (!s) return undefined;
  const name = normalizeForCompare(indicatorName(ind.label.text));
  for (const [key, dir] of Object.entries(s.directions ?? {})) {
    if (name.includes(normalizeForCompare(key))) return dir;
  }
  return s.defaultDirection === "higher" || s.defaultDirection === "lower" ? s.defaultDirection : undefined;
}
