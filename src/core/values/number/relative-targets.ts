/** Relative targets: a target cell with no number that says which way to go (前年度以上, 維持, 削減). */
import type { RelativeTarget } from "../types";
import { ALL_WS } from "./characters";

const PREVIOUS_RE = /^(?:前年度|前年|昨年度|前回|前年同期)(?:実績値?|値)?(?:以上|を上回る(?:こと)?|超)$/;
const MAINTAIN_RE = /維持/;
const DECREASE_RE = /(?:減|減少|削減|縮減|低減|抑制)(?:を図る|させる|する)?$/;
const INCREASE_RE = /(?:増|増加|向上|拡大|拡充)(?:を図る|させる|する)?$/;

export function relativeOf(text: string): RelativeTarget | null {
  const c = text.replace(ALL_WS, "").replace(/[。.]+$/, "");
  if (c.length === 0) return null;
  if (PREVIOUS_RE.test(c)) return { text, kind: "at-least-previous" };
  if (MAINTAIN_RE.test(c)) return { text, kind: "maintain" };
  if (DECREASE_RE.test(c)) return { text, kind: "decrease" };
  if (INCREASE_RE.test(c)) return { text, kind: "increase" };
  return null;
}
