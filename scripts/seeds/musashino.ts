/**
 * Turns the extracted 武蔵野市 取組状況 data (seeds/data/musashino) into inputs for the canonical stacked layout.
 *
 * Structure (names, departments, headings, plan rows, statuses, the 目次) comes from projects.json. The free-text
 * cells (課題・目的, 取組事項, 目標に対する…, 未着手・中止の理由) are taken from the source text itself
 * (000-torikumi-h29.txt) by the line numbers projects.json gives, so that they keep their full length and their
 * `<p>…</p>` residue; projects.json only has the progress text, cleaned and cut to 200 characters. The plan cells
 * come from the source lines too (two plan rows carry `<p>`), except #19's row, which a page break split over two
 * lines and which projects.json has rejoined. The 目次 rows and headings are read from the source's contents lines
 * (L15–L145), so the contents keep their own spelling (#21's name, the notes of #35 and #37, the spaces of #8 …).
 *
 * Real oddities kept on purpose: #1's merged `平成 29～30 年度` header over 4 columns; #25 and #53 with a sub-item
 * column (6 columns, the status in column C); spaced and unspaced year headers; HTML residue; the label variants
 * `目標に対する 1 年間の…` and `未着手・中止 の理由`. What is only damage from the PDF extraction (page footers inside
 * records, labels split or truncated by a footer, `-----` separator lines) is repaired.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface PlanJson {
  readonly years: Readonly<Record<string, string>>;
  readonly status: string;
  readonly label?: string;
  readonly header_line: number;
  readonly value_lines: readonly number[];
  readonly status_line: number;
}

export interface ProjectJson {
  readonly no: number;
  readonly policy_id: string;
  readonly policy_raw: string;
  readonly section: string;
  readonly subsection: string;
  readonly subsection_raw: string;
  readonly name: string;
  readonly departments: readonly string[];
  readonly departments_raw: string;
  readonly departments_norm: readonly string[];
  readonly toc_page: number;
  readonly toc_name: string;
  readonly toc_departments_raw: string;
  readonly plans: readonly PlanJson[];
  readonly progress_text: string;
  readonly progress_text_chars: number;
  readonly reason_text: string | null;
  readonly source_lines: { readonly start: number; readonly labels: readonly (readonly [number, string])[] };
}

export interface PlanInput {
  /** Year headers exactly as written (`平成 29 年度`, `平成29年度`, `平成 29～30 年度`). */
  readonly headers: readonly string[];
  /** One cell per header. */
  readonly cells: readonly string[];
  readonly status: string;
  /** The sub-item written before the first year column (#25, #53). */
  readonly subItem?: string;
  /** Source line numbers, for citations: the header, the status. */
  readonly headerLine: number;
  readonly statusLine: number;
}

export interface ProjectInput {
  readonly no: number;
  /** The headings as written in the body. */
  readonly policy: string;
  readonly section: string;
  readonly subsection: string;
  readonly name: string;
  readonly departments: string;
  readonly purpose: string;
  readonly actions: string;
  readonly plans: readonly PlanInput[];
  /** The progress label as written (with or without spaces). */
  readonly progressLabel: string;
  readonly progress: string;
  readonly reasonLabel: string;
  readonly reason: string | null;
  /**
   * Variant A: a sub-item column between the label and the years. `merged` when the source writes the sub-item in
   * both the label and the sub-item cell (#25: A:B is a merged cell), `column` when only the sub-item cell holds it (#53).
   */
  readonly subItemColumn?: "merged" | "column";
  readonly nameLine: number;
}

export type TocLine = { readonly kind: "heading"; readonly text: string; readonly line: number } | { readonly kind: "entry"; readonly name: string; readonly departments: string; readonly page: number; readonly line: number };

export const MUSASHINO_TITLE = "武蔵野市行財政改革アクションプラン（平成 29～32 年度） 取組状況（平成 29 年度末時点）";
export const MUSASHINO_LEGEND = "※「実施状況」欄について　各取組みの実施状況については、進捗度合いに応じて以下の記号で記載。　完了：◎　実施中：○　未着手：△　中止：×";
export const MUSASHINO_ERA_NOTE = "本文中における年・年度の表記は、原則として全て和暦とし、平成 31 年度以降も、便宜上「平成」の元号を使用する。";
export const MUSASHINO_TOC_TITLE = "第五次行財政改革アクションプラン実施事業一覧";

export function musashinoDataDir(): string {
  return path.join(__dirname, "..", "..", "seeds", "data", "musashino");
}

export function musashinoProjects(): ProjectJson[] {
  return JSON.parse(readFileSync(path.join(musashinoDataDir(), "projects.json"), "utf8")) as ProjectJson[];
}

function sourceLines(): string[] {
  return readFileSync(path.join(musashinoDataDir(), "000-torikumi-h29.txt"), "utf8").split("\n");
}

const PROGRESS_LABEL = "目標に対する1年間の取組状況、課題及び今後の予定";
const REASON_LABEL = "未着手・中止の理由";
const FULL_LABELS = ["事業名", "担当課", "課題・目的", "取組事項", "年次計画", "実施状況", PROGRESS_LABEL, REASON_LABEL];
const noSpace = (s: string): string => s.replace(/\s+/g, "");

/** A page footer (the status legend) that the extraction put inside records. */
function isFooter(line: string): boolean {
  const t = line.trim();
  return t.startsWith("※「実施状況」欄について") || /^各取組み?の実施状況については/.test(t) || /^完了[：:]◎/.test(t);
}

/** The cells after the label on a source line, trimmed, empty ones dropped. */
function valueCells(line: string): string[] {
  return line
    .split("\t")
    .slice(1)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

interface Field {
  readonly label: string;
  readonly lines: readonly number[];
}

/**
 * The record's fields from its label lines. A page footer may split a label over two lines
 * (`目標に対する 1 年間の` + `取組状況、…`, `未着手・中止` + `の理由`, `目標に対する` + `る 1 年間の…`): the parts are one field.
 */
function fieldsOf(p: ProjectJson): Field[] {
  const out: { label: string; lines: number[] }[] = [];
  for (const [line, written] of p.source_lines.labels) {
    const prev = out[out.length - 1];
    const key = noSpace(prev ? prev.label : "");
    const partial = prev && !FULL_LABELS.includes(key) && (PROGRESS_LABEL.startsWith(key) || REASON_LABEL.startsWith(key));
    if (partial) {
      // `目標に対する` + `る 1 年間の…`: the footer duplicated the last character.
      const cont = written.startsWith(prev.label.slice(-1)) && !FULL_LABELS.some((l) => l.startsWith(noSpace(written))) ? written.slice(1) : written;
      prev.label += cont;
      prev.lines.push(line);
    } else out.push({ label: written, lines: [line] });
  }
  return out;
}

/** A free-text field: the value cells of its label lines, then the tab-led continuation lines after a page footer. */
function fieldText(lines: readonly string[], field: Field, end: number, last: boolean): string {
  let text = "";
  for (let i = 0; i < field.lines.length; i++) {
    const at = field.lines[i];
    const until = i + 1 < field.lines.length ? field.lines[i + 1] : end;
    text += valueCells(lines[at - 1]).join(" ");
    for (let n = at + 1; n < until; n++) {
      const l = lines[n - 1];
      if (l.trim() === "" || isFooter(l)) continue;
      if (!l.startsWith("\t")) {
        if (last) break; // after the last field: a heading, the next record or a `-----` separator line
        continue;
      }
      text += valueCells(l).join(" ");
    }
  }
  return text;
}

/** `</p> <p>` is one space and the tags go, as projects.json cleaned its texts. */
export function cleanedLikeJson(s: string): string {
  return s
    .replace(/<\/p>\s+<p>/g, " ")
    .replace(/<\/?p>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function spacedLabel(written: string, canonical: string): string {
  // Keep the source's spacing, repaired where a footer cut or duplicated characters.
  return noSpace(written) === noSpace(canonical) ? written.replace(/\s+/g, " ").trim() : canonical;
}

export function musashinoProjectInputs(): ProjectInput[] {
  const lines = sourceLines();
  const projects = musashinoProjects();
  return projects.map((p, i) => {
    const next = i + 1 < projects.length ? projects[i + 1].source_lines.start : lines.length + 1;
    const fields = fieldsOf(p);
    const at = (k: number) => (k + 1 < fields.length ? fields[k + 1].lines[0] : next);
    const text = (canonical: string): { label: string; text: string } => {
      const k = fields.findIndex((f) => noSpace(f.label) === canonical || (canonical === PROGRESS_LABEL && noSpace(f.label) === "取組状況、課題及び今後の予定"));
      if (k < 0) throw new Error(`#${p.no}: no ${canonical}`);
      return { label: fields[k].label, text: fieldText(lines, fields[k], at(k), k === fields.length - 1) };
    };
    const purpose = text("課題・目的");
    const actions = text("取組事項");
    const progress = text(PROGRESS_LABEL);
    const reason = text(REASON_LABEL);
    if (cleanedLikeJson(progress.text).slice(0, 200) !== p.progress_text.slice(0, 200)) {
      throw new Error(`#${p.no}: progress text differs from projects.json`);
    }

    const plans: PlanInput[] = p.plans.map((pl) => {
      const headers = Object.keys(pl.years);
      const json = headers.map((h) => pl.years[h]);
      let cells = json;
      if (pl.value_lines.length === 1) {
        // The raw cells keep their <p> residue; they must say the same as the cleaned ones.
        const raw = lines[pl.value_lines[0] - 1].split("\t").map((c) => c.trim());
        const fromRaw = raw.slice(raw.length - headers.length);
        if (fromRaw.map(cleanedLikeJson).join("|") !== json.map(cleanedLikeJson).join("|")) throw new Error(`#${p.no}: plan cells differ at L${pl.value_lines[0]}`);
        cells = fromRaw;
      }
      return { headers, cells, status: pl.status, subItem: pl.label, headerLine: pl.header_line, statusLine: pl.status_line };
    });
    const withSub = p.plans.filter((pl) => pl.label);
    let subItemColumn: ProjectInput["subItemColumn"];
    if (withSub.length) {
      const first = lines[withSub[0].value_lines[0] - 1].split("\t");
      subItemColumn = first[0].trim() ? "merged" : "column";
    }
    return {
      no: p.no,
      policy: p.policy_raw,
      section: p.section,
      subsection: p.subsection_raw,
      name: p.name,
      departments: p.departments_raw,
      purpose: purpose.text,
      actions: actions.text,
      plans,
      progressLabel: spacedLabel(progress.label, PROGRESS_LABEL),
      progress: progress.text,
      reasonLabel: spacedLabel(reason.label, REASON_LABEL),
      reason: reason.text || null,
      subItemColumn,
      nameLine: p.source_lines.start,
    };
  });
}

const TOC_HEADING = /^(?:[IVXⅠ-Ⅻ]+\s*[：:]|\d+\.\s|\(\d+\))/;

/** The 目次 as the source prints it: headings and entries in order (L15–L145). */
export function musashinoTocLines(): TocLine[] {
  const lines = sourceLines();
  const start = lines.findIndex((l) => noSpace(l) === "事業名担当課頁");
  const end = lines.findIndex((l, i) => i > start && l.startsWith("本文中における"));
  const out: TocLine[] = [];
  for (let i = start + 1; i < end; i++) {
    const cells = lines[i]
      .split("\t")
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    if (cells.length === 0) continue;
    if (cells.length === 1 && TOC_HEADING.test(cells[0])) out.push({ kind: "heading", text: cells[0], line: i + 1 });
    else if (cells.length === 3 && /^\d+$/.test(cells[2])) out.push({ kind: "entry", name: cells[0], departments: cells[1], page: Number(cells[2]), line: i + 1 });
    else throw new Error(`contents line L${i + 1} not understood: ${lines[i]}`);
  }
  const entries = out.filter((l) => l.kind === "entry");
  const projects = musashinoProjects();
  if (entries.length !== projects.length) throw new Error(`contents has ${entries.length} entries`);
  entries.forEach((e, k) => {
    const p = projects[k];
    if (e.kind !== "entry" || e.name !== p.toc_name || e.departments !== p.toc_departments_raw || e.page !== p.toc_page) throw new Error(`contents entry ${k + 1} differs from projects.json`);
  });
  return out;
}
