/**
 * What the input aids (入力支援, docs/input-aids.md) set on each recognised sheet, computed from a check's records and
 * their profiles, never from a city's name: a drop-down list on every code cell (the profile's code set, with the
 * codes and their meanings in the input message), an input message on each field a rule says something about
 * (a comment a rating needs, the reason a status needs, a required field, a length limit), a highlight on the
 * required cells that are empty at the stage, and, when asked, the input cells to leave unlocked. Pure.
 */
import { t, type Lang } from "../i18n";
import type { CellRange } from "../model/address";
import { cellText, isEmptyCell } from "../model/cell";
import { GridView, type WorkbookSnapshot } from "../model/grid";
import type { CellPos, SurveyRecord } from "../model/record";
import { type CompiledLabel, compileLabel, matchesLabel } from "../profile/labels";
import { DEFAULT_STAGE, type FieldId, type FormLayout, type Layout, type Profile, type RequiredWhen, type Stage, type TableLayout } from "../profile/types";
import { EVAL_COMMENT_MISSING_PARAMS } from "../rules/eval-comment-missing";
import { Family } from "../rules/family";
import { fieldLabel } from "../rules/field-label";
import { readParams } from "../rules/params";
import { NOT_STARTED } from "../rules/reason-required";
import { isRequired } from "../rules/required-missing";
import type { ValidationReport } from "../validate";
import { normalizeLabel } from "../values/text";
import type { InputValidation, RequiredHighlight, SheetInputAids } from "./types";

/** Excel's limits on a data validation: longer texts are refused when the file opens, so they are clipped here. */
export const INPUT_AID_LIMITS = { title: 32, prompt: 255, error: 225, listFormula: 255 } as const;

/** The fill of an empty required cell: a pale yellow that reads as "fill me in" and prints light. */
export const REQUIRED_FILL = "#FFF2CC";

/**
 * Fields a clerk writes in each report, unlocked when the sheet is protected: the ratings and status (and the
 * comment cell under a rating), the plan of the year (P, 取組事項, next year's plan), the results (D), the next steps
 * (A), the reason for △/×, the indicators' actual values (下半期値 …) and the yearly results. What names and places the
 * item (No., title, purpose, departments, indicator names, baselines, targets, the 工程表) stays locked, unless it is
 * a required field left empty.
 */
export const INPUT_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>(["eval1", "eval2", "status", "plan", "planNext", "result", "next", "reason", "actual", "yearlyResults"]);

export interface InputAidsOptions {
  /** Protect each sheet with only its input cells unlocked. */
  readonly protect?: boolean;
  /** The language of the messages written into the sheets. */
  readonly lang?: Lang;
  /** The stage the required cells are judged at; the report's by default (提出前 when none was set). */
  readonly stage?: Stage;
  /**
   * Plan protected sheets too, as if they were not: 回収 needs the input cells of a master protected by the aids
   * themselves (`--protect`), where nothing will be set.
   */
  readonly includeProtected?: boolean;
}

export interface InputAidsPlan {
  readonly aids: readonly SheetInputAids[];
  /** Sheets that would get aids but are protected: the user removes the protection first. */
  readonly skippedProtected: readonly string[];
}

/** The list as Excel stores it in a validation: `"S,A,B"`, a `"` doubled. */
export function listFormula(codes: readonly string[]): string {
  return `"${codes.join(",").replace(/"/g, '""')}"`;
}

/** A text cut to `max` characters, ending in `…` when cut. */
export function clipText(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + "…";
}

interface Aid {
  readonly list?: readonly string[];
  readonly promptTitle?: string;
  readonly prompt?: string;
  readonly errorTitle?: string;
  readonly error?: string;
}

/** One sheet's aids as they are found, cell by cell (a merged cell counts once, as its whole area). */
class SheetAids {
  private readonly validations = new Map<string, { area: CellRange; aid: Aid }>();
  private readonly highlights = new Map<string, CellRange>();
  private readonly inputs = new Map<string, CellRange>();

  constructor(readonly view: GridView) {}

  private area(pos: CellPos): { key: string; area: CellRange } {
    const a = this.view.anchor(pos.row, pos.col);
    return { key: `${a.row},${a.col}`, area: this.view.windowExtent(a.row, a.col) };
  }

  /** The first aid set on a cell stays: two validations on one cell would be a broken file. */
  validate(pos: CellPos, aid: Aid | undefined): void {
    if (!aid || (!aid.list && !aid.prompt)) return;
    const { key, area } = this.area(pos);
    if (!this.validations.has(key)) this.validations.set(key, { area, aid });
    if (aid.list) this.inputs.set(key, area); // a value is chosen there
  }

  highlight(pos: CellPos): void {
    const { key, area } = this.area(pos);
    this.highlights.set(key, area);
    this.inputs.set(key, area); // what the clerk is asked to fill can be filled
  }

  input(pos: CellPos): void {
    const { key, area } = this.area(pos);
    this.inputs.set(key, area);
  }

  result(sheet: string, protect: boolean): SheetInputAids | undefined {
    const groups = new Map<string, { aid: Aid; areas: CellRange[] }>();
    for (const { area, aid } of this.validations.values()) {
      const key = JSON.stringify([aid.list ?? null, aid.promptTitle ?? "", aid.prompt ?? "", aid.errorTitle ?? "", aid.error ?? ""]);
      const g = groups.get(key);
      if (g) g.areas.push(area);
      else groups.set(key, { aid, areas: [area] });
    }
    const validations: InputValidation[] = [];
    for (const { aid, areas } of groups.values()) for (const range of coalesce(areas)) validations.push({ range, ...aid });
    validations.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
    const highlights: RequiredHighlight[] = coalesce([...this.highlights.values()]).map((range) => ({ range, fill: REQUIRED_FILL }));
    const unlocked = protect && this.inputs.size ? coalesce([...this.inputs.values()]) : undefined;
    if (!validations.length && !highlights.length && !unlocked) return undefined;
    return { sheet, validations, highlights, ...(unlocked ? { unlocked } : {}) };
  }
}

/** Areas that do not overlap, joined where they stack in a column or sit side by side in a row; in reading order. */
export function coalesce(areas: readonly CellRange[]): CellRange[] {
  const columns: CellRange[] = [];
  for (const a of [...areas].sort((x, y) => x.left - y.left || x.right - y.right || x.top - y.top)) {
    const last = columns[columns.length - 1];
    if (last && last.left === a.left && last.right === a.right && a.top === last.bottom + 1) columns[columns.length - 1] = { ...last, bottom: a.bottom };
    else columns.push(a);
  }
  const out: CellRange[] = [];
  for (const a of columns.sort((x, y) => x.top - y.top || x.bottom - y.bottom || x.left - y.left)) {
    const last = out[out.length - 1];
    if (last && last.top === a.top && last.bottom === a.bottom && a.left === last.right + 1) out[out.length - 1] = { ...last, right: a.right };
    else out.push(a);
  }
  return out.sort((x, y) => x.top - y.top || x.left - y.left);
}

interface Ctx {
  readonly profile: Profile;
  readonly layout: Layout;
  readonly rec: SurveyRecord;
  readonly lang: Lang;
  readonly stage: Stage;
  readonly family: Family;
  readonly sheet: SheetAids;
}

function enabled(profile: Profile, rule: string): boolean {
  const s = profile.rules[rule];
  return !!s && s.enabled !== false;
}

/** A field's name as the sheet labels it, without the quotes a sentence puts around it (for a title). */
function nameOf(ctx: Ctx, field: string): string {
  return fieldLabel(ctx.profile, ctx.rec, field)[ctx.lang];
}

function bare(name: string): string {
  return name.replace(/^[「"](.*)[」"]$/, "$1");
}

function joinCodes(ctx: Ctx, codes: readonly string[]): string {
  return codes.join(t(ctx.lang, "aids.codes.separator"));
}

/** The cell of a field on the record, and whether it is empty. */
function fieldCell(rec: SurveyRecord, id: FieldId): { cell: CellPos; empty: boolean } | undefined {
  const code = rec.codes[id as keyof SurveyRecord["codes"]];
  if (code) return { cell: code.cell, empty: false };
  const text = rec.texts[id as keyof SurveyRecord["texts"]];
  if (text) return { cell: text.cell, empty: false };
  const own = id === "title" ? rec.title : id === "purpose" ? rec.purpose : id === "group" ? rec.group : id === "id" ? rec.id : id === "departments" ? rec.departments : undefined;
  if (own) return { cell: own.cell, empty: false };
  const e = rec.emptyCells[id];
  return e ? { cell: e, empty: true } : undefined;
}

/** Required now (at the stage, for this record), as REQUIRED-MISSING judges it, when the profile runs that rule. */
function requiredNow(ctx: Ctx, when: RequiredWhen | undefined): boolean {
  return enabled(ctx.profile, "REQUIRED-MISSING") && isRequired(when, ctx.rec, { stage: ctx.stage, family: ctx.family });
}

function requiredLine(ctx: Ctx, when: RequiredWhen | undefined): string | undefined {
  if (requiredNow(ctx, when)) return t(ctx.lang, "aids.required");
  if (when === "final-stage" && enabled(ctx.profile, "REQUIRED-MISSING")) return t(ctx.lang, "aids.required.final");
  return undefined;
}

function prompt(lines: readonly (string | undefined)[]): string | undefined {
  const text = lines.filter((l): l is string => !!l).join("\n");
  return text ? clipText(text, INPUT_AID_LIMITS.prompt) : undefined;
}

/** The codes a rating needs a comment for (EVAL-COMMENT-MISSING's `codes`); none when its parameter is broken. */
function commentCodes(ctx: Ctx): readonly string[] {
  try {
    return readParams(EVAL_COMMENT_MISSING_PARAMS, ctx.profile.rules["EVAL-COMMENT-MISSING"]).codes;
  } catch {
    return []; // the check reports the broken parameter (RULE-FAILED)
  }
}

/** The status field's codes that need a reason (REASON-REQUIRED), and those under way (REASON-UNEXPECTED). */
function reasonCodes(ctx: Ctx, setKey: string | undefined): { needed: string[]; underWay: string[] } {
  const codes = (setKey && ctx.profile.codeSets[setKey]?.codes.map((c) => c.code)) || [];
  return { needed: codes.filter((c) => NOT_STARTED.includes(c)), underWay: codes.filter((c) => !NOT_STARTED.includes(c)) };
}

/** The layout's status code set and whether it has a reason field (武蔵野: 実施状況 and 未着手・中止の理由). */
function statusAndReason(layout: Layout): { statusSet?: string; hasReason: boolean } {
  if (layout.shape === "form") {
    const blocks = layout.fields.find((f) => f.type === "plan-blocks");
    const code = layout.fields.find((f) => f.type === "code" && f.id === "status");
    const statusSet = blocks?.type === "plan-blocks" ? blocks.codeSet : code?.type === "code" ? code.codeSet : undefined;
    return { statusSet, hasReason: layout.fields.some((f) => f.id === "reason") };
  }
  return { statusSet: layout.columns.find((c) => c.id === "status")?.codeSet, hasReason: layout.columns.some((c) => c.id === "reason") };
}

/** What the rules say about a rating or status, for its input message. */
function ruleLines(ctx: Ctx, field: FieldId, comment: "below" | "same-cell"): string[] {
  const { lang, profile } = ctx;
  const out: string[] = [];
  if (ctx.layout.role !== "records") return out;
  if (field === "eval1" && enabled(profile, "EVAL-COMMENT-MISSING")) {
    const codes = commentCodes(ctx);
    if (codes.length) out.push(t(lang, comment === "same-cell" ? "aids.rule.commentSameCell" : "aids.rule.commentBelow", { codes: joinCodes(ctx, codes) }));
  }
  if (field === "eval2" && enabled(profile, "EVAL2-CHANGED-NO-COMMENT")) {
    out.push(t(lang, comment === "same-cell" ? "aids.rule.changedSameCell" : "aids.rule.changedBelow", { other: nameOf(ctx, "eval1") }));
  }
  const { statusSet, hasReason } = statusAndReason(ctx.layout);
  if (field === "status" && hasReason && enabled(profile, "REASON-REQUIRED")) {
    const { needed } = reasonCodes(ctx, statusSet);
    if (needed.length) out.push(t(lang, "aids.rule.reason", { codes: joinCodes(ctx, needed), reason: nameOf(ctx, "reason") }));
  }
  return out;
}

/** A drop-down list of the code set with its meanings and rules in the input message, or undefined without codes. */
function codeAid(ctx: Ctx, field: FieldId, setKey: string | undefined, required: RequiredWhen | undefined, comment: "below" | "same-cell" = "below"): Aid | undefined {
  const set = setKey ? ctx.profile.codeSets[setKey] : undefined;
  if (!set || set.codes.length === 0) return undefined;
  const { lang } = ctx;
  const codes = set.codes.map((c) => c.code);
  const title = clipText(bare(nameOf(ctx, field)), INPUT_AID_LIMITS.title);
  const lines = [...set.codes.map((c) => t(lang, "aids.code.meaning", { code: c.code, meaning: c.meaning })), ...ruleLines(ctx, field, comment), requiredLine(ctx, required)];
  // A list Excel cannot hold (too long, or a code with a comma) is left out; the message still names the codes.
  const listable = listFormula(codes).length <= INPUT_AID_LIMITS.listFormula && !codes.some((c) => c.includes(",") || c === "");
  const base = { promptTitle: title, prompt: prompt(lines) };
  if (!listable) return base;
  return { list: codes, ...base, errorTitle: title, error: clipText(t(lang, "aids.list.error", { codes: joinCodes(ctx, codes) }), INPUT_AID_LIMITS.error) };
}

/** The comment cell of a rating: where the reader found it, or for an empty rating the cell under it. */
function commentCell(ctx: Ctx, field: FieldId, at: { cell: CellPos; empty: boolean }): CellPos | undefined {
  const view = ctx.sheet.view;
  if (!at.empty) {
    const c = ctx.rec.codes[field as keyof SurveyRecord["codes"]]?.commentAt;
    return c && (c.row !== at.cell.row || c.col !== at.cell.col) ? c : undefined;
  }
  const below = { row: view.extent(at.cell.row, at.cell.col).bottom + 1, col: at.cell.col };
  if (!view.contains(below.row, below.col)) return undefined; // merged down to the sheet's last row
  const a = view.anchor(below.row, below.col);
  if (a.row !== below.row || a.col !== below.col) return undefined;
  const v = view.raw(below.row, below.col);
  return isEmptyCell(v) || !isLabel(ctx.layout, cellText(v)) ? below : undefined;
}

const labelMemo = new WeakMap<Layout, CompiledLabel[]>();

function isLabel(layout: Layout, text: string): boolean {
  let labels = labelMemo.get(layout);
  if (!labels) labelMemo.set(layout, (labels = Object.entries(layout.labels).map(([k, spec]) => compileLabel(k, spec))));
  const n = normalizeLabel(text);
  return labels.some((l) => matchesLabel(l, n));
}

function commentAid(ctx: Ctx, field: FieldId): Aid | undefined {
  if (ctx.layout.role !== "records") return undefined;
  const name = nameOf(ctx, field);
  const title = clipText(t(ctx.lang, "aids.comment.title", { field: bare(name) }), INPUT_AID_LIMITS.title);
  if (field === "eval1" && enabled(ctx.profile, "EVAL-COMMENT-MISSING")) {
    const codes = commentCodes(ctx);
    if (codes.length) return { promptTitle: title, prompt: prompt([t(ctx.lang, "aids.comment.code", { field: name, codes: joinCodes(ctx, codes) })]) };
  }
  if (field === "eval2" && enabled(ctx.profile, "EVAL2-CHANGED-NO-COMMENT")) {
    return { promptTitle: title, prompt: prompt([t(ctx.lang, "aids.comment.changed", { field: name, other: nameOf(ctx, "eval1") })]) };
  }
  return undefined;
}

function codeCell(ctx: Ctx, field: FieldId, at: { cell: CellPos; empty: boolean }, setKey: string | undefined, required: RequiredWhen | undefined, comment?: "below" | "same-cell"): void {
  ctx.sheet.validate(at.cell, codeAid(ctx, field, setKey, required, comment));
  if (at.empty && requiredNow(ctx, required)) ctx.sheet.highlight(at.cell);
  if (INPUT_FIELDS.has(field)) ctx.sheet.input(at.cell);
}

/** A text field: unlocked when the clerk writes it, highlighted when required and empty, with what the rules say. */
function textCell(ctx: Ctx, field: FieldId, at: { cell: CellPos; empty: boolean }, required: RequiredWhen | undefined, maxLength?: number): void {
  const isInput = INPUT_FIELDS.has(field);
  const missing = at.empty && requiredNow(ctx, required);
  if (missing) ctx.sheet.highlight(at.cell);
  if (isInput) ctx.sheet.input(at.cell);
  if (!isInput && !missing) return; // no message on what the clerk is not asked to write
  const { lang, profile } = ctx;
  const lines: (string | undefined)[] = [];
  const { statusSet, hasReason } = statusAndReason(ctx.layout);
  if (field === "reason" && hasReason && ctx.layout.role === "records" && enabled(profile, "REASON-REQUIRED")) {
    const { needed, underWay } = reasonCodes(ctx, statusSet);
    if (needed.length) {
      lines.push(t(lang, "aids.reason.when", { status: nameOf(ctx, "status"), codes: joinCodes(ctx, needed) }));
      if (underWay.length && enabled(profile, "REASON-UNEXPECTED")) lines.push(t(lang, "aids.reason.unexpected", { codes: joinCodes(ctx, underWay) }));
    }
  }
  lines.push(requiredLine(ctx, required));
  if (maxLength && enabled(profile, "TEXT-TOO-LONG")) lines.push(t(lang, "aids.maxLength", { max: maxLength }));
  const text = prompt(lines);
  if (text) ctx.sheet.validate(at.cell, { promptTitle: clipText(bare(nameOf(ctx, field)), INPUT_AID_LIMITS.title), prompt: text });
}

function formAids(ctx: Ctx, layout: FormLayout): void {
  const { rec, sheet } = ctx;
  const blocks = layout.fields.find((f) => f.type === "plan-blocks");
  const statusField = blocks?.type === "plan-blocks" ? layout.fields.find((f) => f.type === "code" && f.label === blocks.status) : undefined;
  for (const f of layout.fields) {
    switch (f.type) {
      case "code": {
        // The statuses of a 年次計画 record are one per plan row (below), not the record's summary status.
        if (f === statusField && rec.plans?.length) break;
        const at = fieldCell(rec, f.id);
        if (!at) break;
        codeCell(ctx, f.id, at, f.codeSet, f.required, f.comment);
        if (f.comment === "same-cell" || !INPUT_FIELDS.has(f.id)) break;
        const c = commentCell(ctx, f.id, at);
        if (!c) break;
        sheet.input(c);
        sheet.validate(c, commentAid(ctx, f.id));
        break;
      }
      case "plan-blocks": {
        const field = statusField?.id ?? "status";
        for (const p of rec.plans ?? []) {
          if (!p.statusLabel) continue; // a block without its 実施状況 label has no status to set
          codeCell(ctx, field, { cell: p.status?.cell ?? p.statusAt, empty: !p.status }, f.codeSet, statusField?.required);
        }
        break;
      }
      case "text":
      case "title":
      case "item-heading":
      case "department-list": {
        const at = fieldCell(rec, f.id);
        if (at) textCell(ctx, f.id, at, f.required, f.maxLength);
        break;
      }
      case "indicator-rows":
        for (const ind of rec.indicators) {
          const c = ind.actual?.cell ?? ind.actualCell;
          if (c) sheet.input(c);
        }
        break;
      case "year-values":
        for (const y of rec.yearlyResults) sheet.input(y.cell);
        break;
      default:
        break;
    }
  }
}

function tableAids(ctx: Ctx, layout: TableLayout): void {
  for (const col of layout.columns) {
    const at = fieldCell(ctx.rec, col.id);
    if (!at) continue;
    if (col.type === "code") codeCell(ctx, col.id, at, col.codeSet, col.required);
    else if (col.type === "text" || col.type === "title" || col.type === "department-list" || col.type === "id") textCell(ctx, col.id, at, col.required);
  }
}

/**
 * The aids for every recognised sheet that has something to set, in sheet order. Sheets the add-in made, sheets
 * not recognised and sheets without records get none; a protected sheet is listed in `skippedProtected` instead.
 */
export function planInputAids(snapshot: WorkbookSnapshot, report: ValidationReport, profiles: readonly Profile[], options: InputAidsOptions = {}): InputAidsPlan {
  const lang = options.lang ?? "ja";
  const stage = options.stage ?? report.stage ?? DEFAULT_STAGE;
  const family = new Family(report.records);
  const byId = new Map(profiles.map((p) => [p.id, p] as const));
  const bySheet = new Map<string, SurveyRecord[]>();
  for (const r of report.records) {
    const list = bySheet.get(r.sheet);
    if (list) list.push(r);
    else bySheet.set(r.sheet, [r]);
  }
  const aids: SheetInputAids[] = [];
  const skippedProtected: string[] = [];
  for (const s of report.sheets) {
    const records = bySheet.get(s.name);
    const grid = snapshot.sheets.find((g) => g.name === s.name);
    if (s.status !== "recognised" || !records || !grid) continue;
    const sheet = new SheetAids(new GridView(grid));
    for (const rec of records) {
      const profile = byId.get(rec.profileId);
      const layout = profile?.layouts.find((l) => l.id === rec.layoutId);
      if (!profile || !layout) continue;
      const ctx: Ctx = { profile, layout, rec, lang, stage, family, sheet };
      if (layout.shape === "form") formAids(ctx, layout);
      else tableAids(ctx, layout);
    }
    const result = sheet.result(s.name, !!options.protect);
    if (!result) continue;
    if (grid.protected && !options.includeProtected) skippedProtected.push(s.name);
    else aids.push(result);
  }
  return { aids, skippedProtected };
}
