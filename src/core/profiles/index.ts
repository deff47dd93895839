/** The profiles that ship built in. Each is data, checked like a user's profile file. */
import { checkProfile } from "../profile/check-profile";
import type { Profile } from "../profile/types";
import kodairaChosahyo from "./kodaira-chosahyo.json";
import kodairaProgram from "./kodaira-program.json";
import mitakaActionplan from "./mitaka-actionplan.json";
import mitakaShihyo from "./mitaka-shihyo.json";
import musashinoTorikumi from "./musashino-torikumi.json";

function builtIn(json: unknown): Profile {
  const { profile, problems } = checkProfile(json);
  // A broken built-in profile is a bug in this repository, caught by the tests; fail loudly.
  if (!profile) throw new Error(`built-in profile is invalid: ${problems.map((p) => `${p.path} ${p.problem}`).join("; ")}`);
  return profile;
}

export const BUILT_IN_PROFILES: readonly Profile[] = [builtIn(kodairaChosahyo), builtIn(musashinoTorikumi), builtIn(kodairaProgram), builtIn(mitakaShihyo), builtIn(mitakaActionplan)];

export function builtInProfile(id: string): Profile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id);
}
