/** The direction setting for an indicator: the profile's per-indicator entry, else its default (values.md). */
import type { Indicator } from "../model/record";
import type { Profile } from "../profile/types";
import { normalizeForCompare } from "../values/text";
import type { DirectionSetting } from "./achievement";
import { indicatorName } from "./format";

const compiled = new WeakMap<Profile, readonly (readonly [string, "higher" | "lower"])[]>();

export function directionSetting(profile: Profile, ind: Indicator): DirectionSetting {
  const s = profile.indicators;
  if (!s) return undefined;
  let keys = compiled.get(profile);
  if (!keys) {
    keys = Object.entries(s.directions ?? {}).map(([k, d]) => [normalizeForCompare(k), d] as const);
    compiled.set(profile, keys);
  }
  if (keys.length > 0) {
    const name = normalizeForCompare(indicatorName(ind.label.text));
    for (const [key, dir] of keys) if (name.includes(key)) return dir;
  }
  return s.defaultDirection === "higher" || s.defaultDirection === "lower" ? s.defaultDirection : undefined;
}
