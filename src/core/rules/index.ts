/** Every rule, by id: RULES is generated from the rule files (npm run generate; scripts/lib/rule-registry.ts). */
import type { RuleId } from "../model/finding";
import type { ParamSchema, RuleParams } from "./params";
import { RULES } from "./registry.generated";

export { RULES };

/**
 * The JSON Schema of a rule id's `params`: a profile's setting for an id is every rule's that reports under it, so
 * their declarations are joined (one name declared twice is a bug). Undefined for an id whose rules take none.
 */
export function paramsSchemaOf(id: RuleId): RuleParams["schema"] | undefined {
  const declared = RULES.filter((r) => r.id === id && r.params).map((r) => r.params!.schema);
  if (declared.length === 0) return undefined;
  const properties: Record<string, ParamSchema> = {};
  const required: string[] = [];
  for (const s of declared) {
    for (const [name, p] of Object.entries(s.properties)) {
      if (properties[name]) throw new Error(`${id}: two rules declare the parameter ${name}`);
      properties[name] = p;
    }
    required.push(...(s.required ?? []));
  }
  return { type: "object", additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}
