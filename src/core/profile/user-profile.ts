/**
 * A municipality's own profile, from a file (CLI) or from the workbook's settings (task pane): parsed, checked
 * and explained the same way in both, so a typo is reported with the same words wherever it is found.
 */
import { t, type Lang } from "../i18n";
import { checkProfile, type ProfileProblem } from "./check-profile";
import type { Profile } from "./types";

export type UserProfileResult =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly reason: "not-json" }
  | { readonly ok: false; readonly reason: "invalid"; readonly problems: readonly ProfileProblem[] };

export function parseUserProfile(text: string): UserProfileResult {
  let json: unknown;
  try {
    // Notepad saves UTF-8 with a BOM, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, reason: "not-json" };
  }
  const { profile, problems } = checkProfile(json);
  return profile ? { ok: true, profile } : { ok: false, reason: "invalid", problems };
}

/** One line per problem, naming the field's path: `layouts[0].fields[4].lable: 不明な項目です…`. */
export function describeProfileProblems(problems: readonly ProfileProblem[], lang: Lang, max = 5): string[] {
  const lines = problems.slice(0, max).map((p) => p.message?.[lang] ?? t(lang, `profile.problem.${p.problem}`, { path: p.path || "(root)", detail: p.detail ?? "" }));
  if (problems.length > max) lines.push(t(lang, "profile.problem.more", { count: problems.length - max }));
  return lines;
}

/** The built-in profiles, with a user's profile replacing the built-in one of the same id. */
export function withUserProfiles(builtIn: readonly Profile[], mine: readonly Profile[]): Profile[] {
  const byId = new Map(builtIn.map((p) => [p.id, p] as const));
  for (const p of mine) byId.set(p.id, p);
  return [...byId.values()];
}
