/**
 * Checks a profile file before use, so that a municipality's own profile fails with a message that names the
 * bad field (`layouts[0].fields[3].lable: unknown field`) rather than misbehaving at run time.
 */
import { both, type LocalizedText } from "../i18n";
import { RULE_IDS, type RuleId } from "../model/finding";
import { paramsSchemaOf } from "../rules";
import { checkParamValue, FIELD_ID_REF, NO_PARAMS, type ParamDefinitions, type ParamProblem, paramProblemText } from "../rules/params";
import { FORM_FIELD_TYPES } from "./form-fields";
import { COMMON_FIELD_KEYS } from "./form-fields/field-reader";
import { COLUMN_TYPES } from "./table-columns";
import type { FormField, Profile } from "./types";

export interface ProfileProblem {
  /** JSON path of the bad field: `layouts[0].labels.item.text`. */
  readonly path: string;
  readonly problem: "unknown-field" | "missing" | "wrong-type" | "bad-value" | "unknown-reference";
  readonly detail?: string;
  /** A rule parameter's problem in both languages, naming the profile, the rule and the field. */
  readonly message?: LocalizedText;
}

type Json = unknown;

export const FIELD_IDS = [
  "id", "title", "tags", "repostOf", "purpose", "group", "departments", "plan", "result", "next",
  "eval1", "eval2", "status", "reason", "indicators", "tasks", "yearlyResults", "fiscalYear", "page",
  "section", "subsection", "category", "plans", "marks", "indicator", "baseline", "target", "actual",
  "unit", "targetType", "note", "goals", "ended", "planNext",
];
/** The form field types: those that have a reader (form-fields/index.ts). */
export const FIELD_TYPES = Object.keys(FORM_FIELD_TYPES) as FormField["type"][];

const HEADING_FIELDS = ["group", "section", "subsection", "category"];

function checkRegex(c: Checker, v: unknown, path: string): void {
  if (!c.str(v, path)) return;
  try {
    new RegExp(v, "u");
  } catch {
    c.add(path, "bad-value", "a valid regular expression");
  }
}

function checkHeadings(c: Checker, v: unknown, path: string): void {
  if (!Array.isArray(v)) {
    c.add(path, "wrong-type", "array");
    return;
  }
  v.forEach((h, i) => {
    const p = `${path}[${i}]`;
    if (!c.obj(h, p)) return;
    c.keys(h, p, ["level", "field", "pattern"], ["level", "field", "pattern"]);
    if (![1, 2, 3].includes(h.level as number)) c.add(join(p, "level"), "bad-value", "1, 2 or 3");
    c.str(h.field, join(p, "field"), HEADING_FIELDS);
    checkRegex(c, h.pattern, join(p, "pattern"));
  });
}
export const REQUIRED_WHEN = ["always", "final-stage", "unless-parent", "unless-ended", "never"];
export const SEVERITIES = ["error", "warning", "info"];

class Checker {
  readonly problems: ProfileProblem[] = [];

  add(path: string, problem: ProfileProblem["problem"], detail?: string): void {
    this.problems.push({ path, problem, detail });
  }

  obj(v: Json, path: string): v is Record<string, Json> {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return true;
    this.add(path, v === undefined ? "missing" : "wrong-type", "object");
    return false;
  }

  keys(o: Record<string, Json>, path: string, allowed: readonly string[], required: readonly string[]): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k) && k !== "$schema") this.add(join(path, k), "unknown-field");
    for (const k of required) if (o[k] === undefined) this.add(join(path, k), "missing");
  }

  str(v: Json, path: string, oneOf?: readonly string[]): v is string {
    if (v === undefined) return false;
    if (typeof v !== "string" || v.length === 0) {
      this.add(path, "wrong-type", "non-empty string");
      return false;
    }
    if (oneOf && !oneOf.includes(v)) {
      this.add(path, "bad-value", `one of ${oneOf.join(", ")}`);
      return false;
    }
    return true;
  }

  localized(v: Json, path: string): void {
    if (!this.obj(v, path)) return;
    this.keys(v, path, ["ja", "en"], ["ja", "en"]);
    this.str(v.ja, join(path, "ja"));
    this.str(v.en, join(path, "en"));
  }

  strings(v: Json, path: string): v is string[] {
    if (!Array.isArray(v) || v.length === 0) {
      this.add(path, v === undefined ? "missing" : "wrong-type", "non-empty array of strings");
      return false;
    }
    v.forEach((s, i) => this.str(s, `${path}[${i}]`));
    return true;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function checkCodeSet(c: Checker, v: Json, path: string): void {
  if (!c.obj(v, path)) return;
  c.keys(v, path, ["id", "codes", "variants", "acceptBlackTriangle"], ["id", "codes"]);
  c.str(v.id, join(path, "id"));
  if (!Array.isArray(v.codes) || v.codes.length === 0) c.add(join(path, "codes"), "wrong-type", "non-empty array");
  else
    v.codes.forEach((code, i) => {
      const p = `${path}.codes[${i}]`;
      if (!c.obj(code, p)) return;
      c.keys(code, p, ["code", "meaning"], ["code", "meaning"]);
      c.str(code.code, join(p, "code"));
      c.localized(code.meaning, join(p, "meaning"));
    });
  if (v.variants !== undefined && c.obj(v.variants, join(path, "variants"))) {
    for (const [k, x] of Object.entries(v.variants)) c.str(x, join(join(path, "variants"), k));
  }
  if (v.acceptBlackTriangle !== undefined && typeof v.acceptBlackTriangle !== "boolean") c.add(join(path, "acceptBlackTriangle"), "wrong-type", "boolean");
}

function checkLayout(c: Checker, v: Json, path: string, codeSets: Set<string>): void {
  if (!c.obj(v, path)) return;
  const shape = v.shape;
  const common = ["id", "name", "shape", "role", "labels", "recognition", "headings"];
  if (shape === "form") c.keys(v, path, [...common, "recordsPerSheet", "recordStart", "fields"], [...common.slice(0, 6), "fields"]);
  else if (shape === "table") c.keys(v, path, [...common, "columns", "repeatHeader", "subHeader", "requireAny"], [...common.slice(0, 6), "columns"]);
  else {
    c.add(join(path, "shape"), shape === undefined ? "missing" : "bad-value", "form or table");
    return;
  }
  c.str(v.id, join(path, "id"));
  c.localized(v.name, join(path, "name"));
  c.str(v.role, join(path, "role"), ["records", "list"]);
  const labelKeys = new Set<string>();
  if (c.obj(v.labels, join(path, "labels"))) {
    for (const [k, spec] of Object.entries(v.labels)) {
      const p = join(join(path, "labels"), k);
      labelKeys.add(k);
      if (!c.obj(spec, p)) continue;
      c.keys(spec, p, ["text", "multiple"], ["text"]);
      c.strings(spec.text, join(p, "text"));
      if (spec.multiple !== undefined && typeof spec.multiple !== "boolean") c.add(join(p, "multiple"), "wrong-type", "boolean");
    }
  }
  const ref = (x: Json, p: string) => {
    if (c.str(x, p) && !labelKeys.has(x)) c.add(p, "unknown-reference", `no label "${x}" in labels`);
  };
  if (c.obj(v.recognition, join(path, "recognition"))) {
    const r = v.recognition;
    c.keys(r, join(path, "recognition"), ["required", "threshold"], ["required"]);
    if (c.strings(r.required, join(path, "recognition.required"))) r.required.forEach((k, i) => ref(k, `${path}.recognition.required[${i}]`));
    if (r.threshold !== undefined && (typeof r.threshold !== "number" || r.threshold <= 0 || r.threshold > 1)) {
      c.add(join(path, "recognition.threshold"), "bad-value", "a number in (0, 1]");
    }
  }
  if (v.headings !== undefined) checkHeadings(c, v.headings, join(path, "headings"));
  if (shape === "form") {
    if (v.recordsPerSheet !== undefined) c.str(v.recordsPerSheet, join(path, "recordsPerSheet"), ["one", "stacked"]);
    if (v.recordsPerSheet === "stacked" && v.recordStart === undefined) c.add(join(path, "recordStart"), "missing");
    if (v.recordStart !== undefined && c.obj(v.recordStart, join(path, "recordStart"))) {
      const rs = v.recordStart;
      const p = join(path, "recordStart");
      c.keys(rs, p, ["label", "pattern", "cells"], []);
      if (rs.label === undefined && rs.pattern === undefined) c.add(join(p, "label"), "missing", "label or pattern");
      if (rs.label !== undefined) ref(rs.label, join(p, "label"));
      if (rs.pattern !== undefined) checkRegex(c, rs.pattern, join(p, "pattern"));
      if (rs.cells !== undefined) {
        if (!Array.isArray(rs.cells)) c.add(join(p, "cells"), "wrong-type", "array");
        else
          rs.cells.forEach((cell, i) => {
            const q = `${p}.cells[${i}]`;
            if (!c.obj(cell, q)) return;
            c.keys(cell, q, ["id", "offset", "type"], ["id", "offset", "type"]);
            c.str(cell.id, join(q, "id"), FIELD_IDS);
            if (typeof cell.offset !== "number") c.add(join(q, "offset"), "wrong-type", "number");
            c.str(cell.type, join(q, "type"), ["text", "title", "department-list"]);
          });
      }
    }
    if (!Array.isArray(v.fields)) c.add(join(path, "fields"), "wrong-type", "array");
    else
      v.fields.forEach((f, i) => {
        const p = `${path}.fields[${i}]`;
        if (!c.obj(f, p)) return;
        if (!c.str(f.type, join(p, "type"), FIELD_TYPES)) return;
        const type = FORM_FIELD_TYPES[f.type as FormField["type"]];
        c.keys(f, p, [...COMMON_FIELD_KEYS, ...type.keys], ["id", "type", "label", ...type.requires]);
        c.str(f.id, join(p, "id"), FIELD_IDS);
        ref(f.label, join(p, "label"));
        for (const k of ["baseline", "target", "actual", "years", "status"]) if (f[k] !== undefined) ref(f[k], join(p, k));
        if (f.at !== undefined) c.str(f.at, join(p, "at"), ["below", "right"]);
        if (f.required !== undefined) c.str(f.required, join(p, "required"), REQUIRED_WHEN);
        if (f.comment !== undefined) c.str(f.comment, join(p, "comment"), ["below", "same-cell"]);
        if (f.codeSet !== undefined && c.str(f.codeSet, join(p, "codeSet")) && !codeSets.has(f.codeSet)) c.add(join(p, "codeSet"), "unknown-reference", `no code set "${f.codeSet}"`);
        if (f.maxLength !== undefined && (typeof f.maxLength !== "number" || f.maxLength < 1)) c.add(join(p, "maxLength"), "bad-value", "a positive number");
      });
  } else {
    if (!Array.isArray(v.columns)) c.add(join(path, "columns"), "wrong-type", "array");
    else
      v.columns.forEach((col, i) => {
        const p = `${path}.columns[${i}]`;
        if (!c.obj(col, p)) return;
        c.keys(col, p, ["id", "label", "relativeTo", "offset", "type", "codeSet", "carryDown", "required", "years", "goals", "idInTitle"], ["id", "type"]);
        if (col.type === "schedule" && col.years === undefined) c.add(join(p, "years"), "missing", "the label key of the year headers");
        if (col.years !== undefined) ref(col.years, join(p, "years"));
        if (col.goals !== undefined && typeof col.goals !== "boolean") c.add(join(p, "goals"), "wrong-type", "boolean");
        if (col.idInTitle !== undefined && typeof col.idInTitle !== "boolean") c.add(join(p, "idInTitle"), "wrong-type", "boolean");
        c.str(col.id, join(p, "id"), FIELD_IDS);
        if (col.label !== undefined) ref(col.label, join(p, "label"));
        else if (col.relativeTo === undefined) c.add(join(p, "label"), "missing", "label, or relativeTo and offset");
        if (col.relativeTo !== undefined) c.str(col.relativeTo, join(p, "relativeTo"), FIELD_IDS);
        if (col.offset !== undefined && typeof col.offset !== "number") c.add(join(p, "offset"), "wrong-type", "number");
        c.str(col.type, join(p, "type"), COLUMN_TYPES);
        if (col.codeSet !== undefined && c.str(col.codeSet, join(p, "codeSet")) && !codeSets.has(col.codeSet)) c.add(join(p, "codeSet"), "unknown-reference", `no code set "${col.codeSet}"`);
        if (col.carryDown !== undefined && typeof col.carryDown !== "boolean") c.add(join(p, "carryDown"), "wrong-type", "boolean");
        if (col.required !== undefined) c.str(col.required, join(p, "required"), REQUIRED_WHEN);
      });
    if (v.repeatHeader !== undefined && typeof v.repeatHeader !== "boolean") c.add(join(path, "repeatHeader"), "wrong-type", "boolean");
    if (v.subHeader !== undefined) ref(v.subHeader, join(path, "subHeader"));
    if (v.requireAny !== undefined) {
      if (!Array.isArray(v.requireAny)) c.add(join(path, "requireAny"), "wrong-type", "array");
      else v.requireAny.forEach((x, i) => c.str(x, `${path}.requireAny[${i}]`, FIELD_IDS));
    }
  }
}

const PARAM_DEFINITIONS: ParamDefinitions = { [FIELD_ID_REF]: { enum: FIELD_IDS } };

/** A rule's `params` against what its rules declare (rules/params.ts); a rule that declares none takes none. */
function checkRuleParams(c: Checker, profile: string | LocalizedText, rule: RuleId, params: Json, path: string): void {
  const declared = paramsSchemaOf(rule);
  for (const found of checkParamValue(declared ?? NO_PARAMS, params, "params", PARAM_DEFINITIONS)) {
    // For a rule without parameters, say so rather than what shape of nothing it wants.
    const x: ParamProblem = declared ? found : { kind: "unknown", field: found.field, allowed: [] };
    const text = paramProblemText(x);
    c.problems.push({
      path: join(path, x.field),
      problem: x.kind === "wrong" ? "wrong-type" : x.kind === "missing" ? "missing" : "unknown-field",
      detail: text.en,
      message: both("profile.problem.param", { profile, rule, problem: text }),
    });
  }
}

/** The `rollover` section (docs/rollover.md): layouts and label keys that exist, field ids the reader knows. */
function checkRollover(c: Checker, v: Json, layouts: Json): void {
  if (!c.obj(v, "rollover")) return;
  c.keys(v, "rollover", ["layouts", "ended"], ["layouts"]);
  const known = new Map<string, Record<string, Json>>();
  if (Array.isArray(layouts)) for (const l of layouts) if (l && typeof l === "object" && !Array.isArray(l) && typeof l.id === "string") known.set(l.id, l);
  if (c.obj(v.layouts, "rollover.layouts")) {
    for (const [id, spec] of Object.entries(v.layouts)) {
      const p = `rollover.layouts.${id}`;
      const layout = known.get(id);
      if (!layout) {
        c.add(p, "unknown-field", "not a layout id of this profile");
        continue;
      }
      if (!c.obj(spec, p)) continue;
      c.keys(spec, p, ["shiftYears", "carry", "yearValue", "clear", "yearOf"], []);
      if (spec.yearOf !== undefined) c.str(spec.yearOf, join(p, "yearOf"), FIELD_IDS);
      const labels = layout.labels && typeof layout.labels === "object" && !Array.isArray(layout.labels) ? Object.keys(layout.labels) : [];
      // A label key of the layout, or a label pattern of its own.
      if (spec.shiftYears !== undefined && c.strings(spec.shiftYears, join(p, "shiftYears"))) {
        spec.shiftYears.forEach((k, i) => {
          if (typeof k === "string" && !labels.includes(k) && !/\*|\{FY\}/.test(k)) c.add(`${p}.shiftYears[${i}]`, "bad-value", `a label key (${labels.join(", ")}) or a pattern with * or {FY}`);
        });
      }
      if (spec.clear !== undefined && c.strings(spec.clear, join(p, "clear"))) spec.clear.forEach((f, i) => c.str(f, `${p}.clear[${i}]`, FIELD_IDS));
      const pair = (x: Json, q: string) => {
        if (!c.obj(x, q)) return;
        c.keys(x, q, ["from", "to"], ["from", "to"]);
        c.str(x.from, join(q, "from"), FIELD_IDS);
        c.str(x.to, join(q, "to"), FIELD_IDS);
      };
      if (spec.yearValue !== undefined) pair(spec.yearValue, join(p, "yearValue"));
      if (spec.carry !== undefined) {
        if (!Array.isArray(spec.carry)) c.add(join(p, "carry"), "wrong-type", "array");
        else spec.carry.forEach((x, i) => pair(x, `${p}.carry[${i}]`));
      }
    }
  }
  if (v.ended !== undefined && c.obj(v.ended, "rollover.ended")) {
    c.keys(v.ended, "rollover.ended", ["words", "fields"], ["words"]);
    if (v.ended.words !== undefined) c.strings(v.ended.words, "rollover.ended.words");
    if (v.ended.fields !== undefined && c.strings(v.ended.fields, "rollover.ended.fields")) v.ended.fields.forEach((f, i) => c.str(f, `rollover.ended.fields[${i}]`, FIELD_IDS));
  }
}

const RATING_FIELDS = ["eval1", "eval2", "status"];

/** A ratio in (0, 1]: a similarity threshold. */
function checkRatio(c: Checker, v: Json, path: string): void {
  if (v !== undefined && (typeof v !== "number" || !(v > 0) || v > 1)) c.add(path, "bad-value", "a number in (0, 1]");
}

/** The `compare` section (docs/compare.md): rating fields the profile reads with a code set, or an order of their own. */
function checkCompare(c: Checker, v: Json, layouts: Json): void {
  if (!c.obj(v, "compare")) return;
  c.keys(v, "compare", ["ratings", "indicators", "texts", "titleThreshold", "ended"], []);
  const coded = new Set<string>();
  if (Array.isArray(layouts)) {
    for (const l of layouts) {
      const fields = l && typeof l === "object" && !Array.isArray(l) ? ((l as Record<string, Json>).fields ?? (l as Record<string, Json>).columns) : undefined;
      if (Array.isArray(fields)) for (const f of fields) if (f && typeof f === "object" && typeof f.codeSet === "string") coded.add(f.type === "plan-blocks" ? "status" : String(f.id));
    }
  }
  if (v.ratings !== undefined) {
    if (!Array.isArray(v.ratings)) c.add("compare.ratings", "wrong-type", "array");
    else
      v.ratings.forEach((r, i) => {
        const p = `compare.ratings[${i}]`;
        if (!c.obj(r, p)) return;
        c.keys(r, p, ["field", "order"], ["field"]);
        if (!c.str(r.field, join(p, "field"), RATING_FIELDS)) return;
        if (r.order !== undefined) c.strings(r.order, join(p, "order"));
        else if (!coded.has(r.field)) c.add(join(p, "order"), "missing", `the field ${r.field} reads no code set: give its codes, best first`);
      });
  }
  if (v.indicators !== undefined && typeof v.indicators !== "boolean") c.add("compare.indicators", "wrong-type", "boolean");
  if (v.texts !== undefined && c.obj(v.texts, "compare.texts")) {
    c.keys(v.texts, "compare.texts", ["fields", "threshold", "minLength"], ["fields"]);
    if (v.texts.fields !== undefined && c.strings(v.texts.fields, "compare.texts.fields")) v.texts.fields.forEach((f, i) => c.str(f, `compare.texts.fields[${i}]`, FIELD_IDS));
    checkRatio(c, v.texts.threshold, "compare.texts.threshold");
    if (v.texts.minLength !== undefined && (typeof v.texts.minLength !== "number" || v.texts.minLength < 0)) c.add("compare.texts.minLength", "bad-value", "a number of characters, 0 or more");
  }
  checkRatio(c, v.titleThreshold, "compare.titleThreshold");
  if (v.ended !== undefined && c.obj(v.ended, "compare.ended")) {
    c.keys(v.ended, "compare.ended", ["words", "fields", "codes"], []);
    if (v.ended.words !== undefined) c.strings(v.ended.words, "compare.ended.words");
    if (v.ended.fields !== undefined && c.strings(v.ended.fields, "compare.ended.fields")) v.ended.fields.forEach((f, i) => c.str(f, `compare.ended.fields[${i}]`, FIELD_IDS));
    if (v.ended.codes !== undefined && c.obj(v.ended.codes, "compare.ended.codes")) {
      for (const [k, x] of Object.entries(v.ended.codes)) {
        if (!RATING_FIELDS.includes(k)) c.add(`compare.ended.codes.${k}`, "unknown-field", `one of ${RATING_FIELDS.join(", ")}`);
        else c.strings(x, `compare.ended.codes.${k}`);
      }
    }
  }
}

export function checkProfile(json: Json): { profile?: Profile; problems: ProfileProblem[] } {
  const c = new Checker();
  if (!c.obj(json, "")) return { problems: c.problems };
  const v = json;
  c.keys(v, "", ["id", "name", "description", "layouts", "codeSets", "groups", "indicators", "titleMarks", "rollover", "compare", "rules"], ["id", "name", "layouts", "codeSets", "rules"]);
  if (c.str(v.id, "id") && !/^[a-z0-9][a-z0-9-]*$/.test(v.id)) c.add("id", "bad-value", "lower-case letters, digits and -");
  c.localized(v.name, "name");
  const profileName = typeof v.id === "string" && v.id ? v.id : both("profile.noId");
  if (v.description !== undefined) c.localized(v.description, "description");
  const codeSets = new Set<string>();
  if (c.obj(v.codeSets, "codeSets")) {
    for (const [k, cs] of Object.entries(v.codeSets)) {
      codeSets.add(k);
      checkCodeSet(c, cs, `codeSets.${k}`);
    }
  }
  if (v.groups !== undefined && c.obj(v.groups, "groups")) {
    c.keys(v.groups, "groups", ["name", "order"], ["name"]);
    c.localized(v.groups.name, "groups.name");
    if (v.groups.order !== undefined) c.strings(v.groups.order, "groups.order");
  }
  if (v.indicators !== undefined && c.obj(v.indicators, "indicators")) {
    c.keys(v.indicators, "indicators", ["defaultDirection", "directions"], []);
    if (v.indicators.defaultDirection !== undefined) c.str(v.indicators.defaultDirection, "indicators.defaultDirection", ["higher", "lower", "infer"]);
    if (v.indicators.directions !== undefined && c.obj(v.indicators.directions, "indicators.directions")) {
      for (const [k, d] of Object.entries(v.indicators.directions)) c.str(d, `indicators.directions.${k}`, ["higher", "lower"]);
    }
  }
  if (v.titleMarks !== undefined) c.strings(v.titleMarks, "titleMarks");
  if (!Array.isArray(v.layouts) || v.layouts.length === 0) c.add("layouts", v.layouts === undefined ? "missing" : "wrong-type", "non-empty array");
  else v.layouts.forEach((l, i) => checkLayout(c, l, `layouts[${i}]`, codeSets));
  if (v.rollover !== undefined) checkRollover(c, v.rollover, v.layouts);
  if (v.compare !== undefined) checkCompare(c, v.compare, v.layouts);
  if (c.obj(v.rules, "rules")) {
    for (const [id, s] of Object.entries(v.rules)) {
      const p = `rules.${id}`;
      if (!(RULE_IDS as readonly string[]).includes(id)) {
        c.add(p, "unknown-field", "not a rule id");
        continue;
      }
      if (!c.obj(s, p)) continue;
      c.keys(s, p, ["enabled", "severity", "params"], []);
      if (s.enabled !== undefined && typeof s.enabled !== "boolean") c.add(join(p, "enabled"), "wrong-type", "boolean");
      if (s.severity !== undefined) c.str(s.severity, join(p, "severity"), SEVERITIES);
      if (s.params !== undefined) checkRuleParams(c, profileName, id as RuleId, s.params, p);
    }
  }
  return c.problems.length ? { problems: c.problems } : { profile: json as unknown as Profile, problems: [] };
}
