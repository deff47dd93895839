/**
 * The 第3次行財政再構築プラン item list as a clerk would type it for `chosahyo new-plan` (docs/new-plan.md): one row per
 * item of seeds/data/kodaira/items.json, with the columns 方針, No., 取組項目, 所管課, 目的・ねらい and 財政効果. The
 * item cell carries the tags and the repost mark as the 評価一覧 writes them (`【新規】 協働事業の推進`,
 * `… 【No.15の再掲】`). The source gives no 財政効果 per item, so that column is empty.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ItemJson } from "./kodaira";

export const PLAN_ITEMS_HEADER = ["方針", "No.", "取組項目", "所管課", "目的・ねらい", "財政効果"];

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text, with a BOM and CRLF line ends, as Excel writes "CSV UTF-8". */
export function kodairaPlanItemsCsv(): string {
  const file = path.join(__dirname, "..", "..", "seeds", "data", "kodaira", "items.json");
  const items = JSON.parse(readFileSync(file, "utf8")) as ItemJson[];
  const rows = items.map((it) => {
    const tags = it.tags.map((t) => `【${t}】`).join("");
    const title = [tags, it.title, it.repost_of ? `【No.${it.repost_of}の再掲】` : ""].filter(Boolean).join(" ");
    const departments = it.departments.join("、") + (it.departments_etc ? " 他" : "");
    return [it.policy, String(it.no), title, departments, it.purpose, ""];
  });
  return "\uFEFF" + [PLAN_ITEMS_HEADER, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
