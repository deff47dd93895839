/** Values as a clerk would write them back: `9,718人`, `1千万円/年`, `80%台`. */
import type { ValuePart } from "../values/types";

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  const [int, frac] = Math.abs(rounded).toString().split(".");
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${withCommas}${frac ? "." + frac : ""}`;
}

export function formatPart(p: ValuePart): string {
  const unit = p.writtenUnit ?? p.unit ?? "";
  const band = p.band ? "台" : "";
  return `${p.prefix ?? ""}${formatNumber(p.number)}${unit}${p.per ? "/" + p.per : ""}${band}${p.comparatorText ?? ""}`;
}

/** An indicator's name without its ①② marker and without PDF wrap spaces at the ends. */
export function indicatorName(label: string): string {
  return label.replace(/^[\s①-⑳]+/, "").replace(/\s+/g, " ").trim();
}
