/**
 * A rule's parameters, declared once on the rule (`params`): the JSON Schema of its `params` object, the TypeScript
 * type the rule reads, and the defaults a profile may leave out. profile.schema.json's per-rule `params` are
 * generated from these declarations (npm run schema), the profile check refuses a value they do not allow when the
 * profile loads, and a rule reads its values through readParams, which applies the defaults.
 */
import { both, type LocalizedText, t } from "../i18n";
import type { RuleSetting } from "../profile/types";
import { parseFiscalYear } from "../values/wareki";

/** The part of JSON Schema that rule parameters use. */
export interface ParamSchema {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  readonly enum?: readonly string[];
  /** `regex`: a regular expression source; `fiscal-year`: a year as a sheet writes it (平成29年度, 令和5年度, 2023年度). */
  readonly format?: "regex" | "fiscal-year";
  readonly minimum?: number;
  readonly items?: ParamSchema;
  readonly properties?: Readonly<Record<string, ParamSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
  readonly anyOf?: readonly ParamSchema[];
  /** Only `#/definitions/fieldId`, which the caller resolves (the profile check knows the field ids). */
  readonly $ref?: string;
  readonly description?: string;
  readonly default?: unknown;
}

/** A rule's parameters, whatever their type: what the profile check and the schema generator read. */
export interface RuleParams {
  /** The JSON Schema of the `params` object: an object with these properties and no others. */
  readonly schema: ParamSchema & { readonly properties: Readonly<Record<string, ParamSchema>> };
  readonly defaults: Readonly<Record<string, unknown>>;
}

/** A rule's parameters with the type `P` its check reads. */
export interface ParamsDeclaration<P extends object> extends RuleParams {
  readonly defaults: Readonly<P>;
  /** Type only: the parameters as the rule reads them. */
  readonly _type?: P;
}

type ParamSpec<T> = { readonly schema: ParamSchema; readonly description: string; readonly default?: T };

/** Each parameter's schema and meaning; a parameter whose type does not allow `undefined` must have a default. */
export type ParamSpecs<P extends object> = {
  readonly [K in keyof P]-?: undefined extends P[K] ? ParamSpec<Exclude<P[K], undefined>> : ParamSpec<P[K]> & { readonly default: P[K] };
};

export const FIELD_ID_REF = "#/definitions/fieldId";
/** A list of rating or status codes (`["S", "B"]`), never one string: `"SB"` would read as a substring. */
export const CODE_LIST: ParamSchema = { type: "array", items: { type: "string" } };
export const FIELD_ID_LIST: ParamSchema = { type: "array", items: { $ref: FIELD_ID_REF } };

/** The `params` of a rule that takes none: only `{}`. */
export const NO_PARAMS: RuleParams["schema"] = { type: "object", additionalProperties: false, properties: {}, description: "This rule takes no parameters." };

export function declareParams<P extends object>(specs: ParamSpecs<P>, required: readonly (keyof P & string)[] = []): ParamsDeclaration<P> {
  const properties: Record<string, ParamSchema> = {};
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs) as [string, ParamSpec<unknown>][]) {
    properties[name] = { ...spec.schema, description: spec.description, ...(spec.default !== undefined ? { default: spec.default } : {}) };
    if (spec.default !== undefined) defaults[name] = spec.default;
  }
  const schema = { type: "object" as const, additionalProperties: false as const, properties, ...(required.length ? { required } : {}) };
  return { schema, defaults: defaults as P };
}

/** What is wrong with a parameter value, at `field` (`params.positive`, `params.planPeriod.from`). */
export type ParamProblem =
  | { readonly kind: "wrong"; readonly field: string; readonly expected: ParamSchema }
  | { readonly kind: "unknown"; readonly field: string; readonly allowed: readonly string[] }
  | { readonly kind: "missing"; readonly field: string };

export type ParamDefinitions = Readonly<Record<string, ParamSchema>>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function fits(schema: ParamSchema, v: unknown, defs: ParamDefinitions): boolean {
  return checkParamValue(schema, v, "", defs).length === 0;
}

/** Checks a value against a parameter schema; an array is refused whole (`params.codes`), an object key by key. */
export function checkParamValue(schema: ParamSchema, v: unknown, field: string, defs: ParamDefinitions): ParamProblem[] {
  const wrong: ParamProblem[] = [{ kind: "wrong", field, expected: schema }];
  if (schema.$ref !== undefined) {
    const target = defs[schema.$ref];
    if (!target) throw new Error(`no definition for ${schema.$ref}`);
    return fits(target, v, defs) ? [] : wrong;
  }
  if (schema.anyOf) return schema.anyOf.some((s) => fits(s, v, defs)) ? [] : wrong;
  if (schema.enum && !schema.enum.includes(v as string)) return wrong;
  switch (schema.type) {
    case "string":
      if (typeof v !== "string") return wrong;
      if (schema.format === "regex" && !isRegex(v)) return wrong;
      if (schema.format === "fiscal-year" && parseFiscalYear(v) === null) return wrong;
      return [];
    case "integer":
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v) || (schema.type === "integer" && !Number.isInteger(v))) return wrong;
      return schema.minimum !== undefined && v < schema.minimum ? wrong : [];
    case "boolean":
      return typeof v === "boolean" ? [] : wrong;
    case "array":
      return Array.isArray(v) && (!schema.items || v.every((x) => fits(schema.items!, x, defs))) ? [] : wrong;
    case "object": {
      if (!isPlainObject(v)) return wrong;
      const props = schema.properties ?? {};
      const out: ParamProblem[] = [];
      for (const [k, x] of Object.entries(v)) {
        const sub = join(field, k);
        if (props[k]) out.push(...checkParamValue(props[k], x, sub, defs));
        else if (schema.additionalProperties === false) out.push({ kind: "unknown", field: sub, allowed: Object.keys(props) });
      }
      for (const k of schema.required ?? []) if (v[k] === undefined) out.push({ kind: "missing", field: join(field, k) });
      return out;
    }
    default:
      return [];
  }
}

function join(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}

function isRegex(s: string): boolean {
  try {
    new RegExp(s, "u");
    return true;
  } catch {
    return false;
  }
}

/** A type in words, singular (`文字列の配列`, `an array of strings`) and, for English, plural (`arrays of strings`). */
interface TypeWords {
  readonly ja: string;
  readonly en: string;
  readonly enPlural: string;
}

function words(key: Parameters<typeof t>[1], plural: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]): TypeWords {
  return { ja: t("ja", key, params), en: t("en", key, params), enPlural: t("en", plural, params) };
}

function typeWords(s: ParamSchema): TypeWords {
  if (s.$ref === FIELD_ID_REF) return words("param.type.fieldId", "param.types.fieldId");
  if (s.anyOf) {
    const parts = s.anyOf.map(typeWords);
    return parts.slice(1).reduce(
      (a, b) => ({
        ja: t("ja", "param.type.or", { a: a.ja, b: b.ja }),
        en: t("en", "param.type.or", { a: a.en, b: b.en }),
        enPlural: t("en", "param.type.or", { a: a.enPlural, b: b.enPlural }),
      }),
      parts[0],
    );
  }
  if (s.enum) {
    const values = { ja: s.enum.map((v) => `「${v}」`).join(""), en: s.enum.map((v) => `"${v}"`).join(", ") };
    return words("param.type.enum", "param.types.enum", { values });
  }
  switch (s.type) {
    case "string":
      if (s.format === "regex") return words("param.type.regex", "param.types.regex");
      if (s.format === "fiscal-year") return words("param.type.fiscal-year", "param.types.fiscal-year");
      return words("param.type.string", "param.types.string");
    case "integer":
      return s.minimum !== undefined ? words("param.type.integer-from", "param.types.integer-from", { minimum: s.minimum }) : words("param.type.integer", "param.types.integer");
    case "number":
      return words("param.type.number", "param.types.number");
    case "boolean":
      return words("param.type.boolean", "param.types.boolean");
    case "array": {
      const item = s.items ? typeWords(s.items) : words("param.type.value", "param.types.value");
      return {
        ja: t("ja", "param.type.array", { items: item.ja }),
        en: t("en", "param.type.array", { items: item.enPlural }),
        enPlural: t("en", "param.types.array", { items: item.enPlural }),
      };
    }
    case "object": {
      const keys = Object.keys(s.properties ?? {});
      const names = { ja: keys.map((k) => `「${k}」`).join(""), en: keys.join(", ") };
      return words("param.type.object", "param.types.object", { keys: names });
    }
    default:
      return words("param.type.value", "param.types.value");
  }
}

/** The type a parameter must have, in words: `文字列の配列` / `an array of strings`. */
export function expectedText(s: ParamSchema): LocalizedText {
  const w = typeWords(s);
  return { ja: w.ja, en: w.en };
}

/** What is wrong, without naming the profile or the rule (a RULE-FAILED finding names the rule itself). */
export function paramProblemText(p: ParamProblem): LocalizedText {
  if (p.kind === "wrong") return both("param.problem.wrong", { field: p.field, expected: expectedText(p.expected) });
  if (p.kind === "missing") return both("param.problem.missing", { field: p.field });
  if (p.allowed.length === 0) return both("param.problem.none", { field: p.field });
  return both("param.problem.unknown", { field: p.field, allowed: p.allowed.join(", ") });
}

/** A rule's parameter that the profile did not check (a profile built in code): the rule stops and says which. */
export class RuleParamError extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason.en);
    this.name = "RuleParamError";
  }
}

// At run time a field id is only checked to be text: the list of field ids is the profile check's.
const RUN_TIME_DEFINITIONS: ParamDefinitions = { [FIELD_ID_REF]: { type: "string" } };

const read = new WeakMap<object, WeakMap<RuleParams, Readonly<Record<string, unknown>> | RuleParamError>>();

/**
 * The rule's parameters as the profile sets them, with the defaults for those it leaves out. A value of the wrong
 * type throws RuleParamError (a profile loaded from a file never has one: the profile check refused it); names the
 * declaration does not list are ignored here (the profile check has already refused them).
 */
export function readParams<P extends object>(decl: ParamsDeclaration<P>, setting: RuleSetting): Readonly<P> {
  const given = setting.params;
  if (given === undefined) return decl.defaults;
  let bySetting = read.get(given);
  if (!bySetting) read.set(given, (bySetting = new WeakMap()));
  let result = bySetting.get(decl);
  if (!result) {
    result = resolve(decl, given);
    bySetting.set(decl, result);
  }
  if (result instanceof RuleParamError) throw result;
  return result as Readonly<P>;
}

function resolve(decl: RuleParams, given: unknown): Readonly<Record<string, unknown>> | RuleParamError {
  if (!isPlainObject(given)) return new RuleParamError(paramProblemText({ kind: "wrong", field: "params", expected: decl.schema }));
  const out: Record<string, unknown> = { ...decl.defaults };
  for (const [name, schema] of Object.entries(decl.schema.properties)) {
    if (given[name] === undefined) continue;
    const problems = checkParamValue(schema, given[name], `params.${name}`, RUN_TIME_DEFINITIONS);
    if (problems.length) return new RuleParamError(paramProblemText(problems[0]));
    out[name] = given[name];
  }
  for (const name of decl.schema.required ?? []) {
    if (given[name] === undefined) return new RuleParamError(paramProblemText({ kind: "missing", field: `params.${name}` }));
  }
  return out;
}
