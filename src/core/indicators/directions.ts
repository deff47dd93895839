/**
 * The direction setting for an indicator (docs/values.md): what the sheet says for it (三鷹 目標の型), else the profile's
 * per-indicator entry, else the profile's default. A comparator written in the target beats all of these.
 */
import type { Indicator, SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import { normalizeForCompare } from "../values/text";
import type { DirectionSetting } from "./achievement";
import { indicatorName } from "./format";

const compiled = new WeakMap<Profile, readonly (readonly [string, "higher" | "lower"])[]>();

/**
 * 目標の型 as written in the flat 三鷹 layout (docs/formats.md): 以上 / 以下 / 維持 / 帯 / 定性, and the finer
 * 下限 / 上限 / 0維持. 維持 and 下限 keep the value at or above the target; 帯 takes the band the target writes
 * (`80%台`) and so sets nothing; 定性 is not judged against numbers. Blank: inferred as without the column.
 */
const TARGET_TYPES: Readonly<Record<string, DirectionSetting>> = {
  以上: "higher",
  下限: "higher",
  維持: "higher",
  以下: "lower",
  上限: "lower",
  "0維持": "lower",
  定性: "qualitative",
};

/** The direction a record's 目標の型 cell gives, if it has one. */
export function targetTypeSetting(rec: SurveyRecord | undefined): DirectionSetting {
  const t = rec?.texts.targetType?.text;
  if (!t) return undefined;
  return TARGET_TYPES[t.normalize("NFKC").replace(/\s+/g, "")];
}

export function directionSetting(profile: Profile, ind: Indicator, rec?: SurveyRecord): DirectionSetting {
  const written = targetTypeSetting(rec);
  if (written) return written;
  const s = profile.indicators;
  if (!s) return undefined;
  let keys = compiled.get(profile);
  if (!keys) {
    keys = Object.entries(s.directions ?? {}).map(([k, d]) => [normalizeForCompare(k), d] as const);
    compiled.set(profile, keys);
  }
  if (keys.length > 0) {
    const name = normalizeForCompare(indicatorName(ind.label.text));
    // Indexed: it runs for every indicator of every record, mostly before V8 optimises it.
    for (let i = 0; i < keys.length; i++) if (name.includes(keys[i][0])) return keys[i][1];
  }
  return s.defaultDirection === "higher" || s.defaultDirection === "lower" ? s.defaultDirection : undefined;
}
