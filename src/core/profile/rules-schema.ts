/**
 * The `rules` section of profile.schema.json, built from what each rule declares (rules/params.ts), so that an
 * editor that reads the schema knows each rule's parameters. `npm run schema` writes it into the file;
 * test/profile-schema.test.ts fails when the committed file is out of step.
 */
import { RULE_IDS } from "../model/finding";
import { paramsSchemaOf } from "../rules";
import { NO_PARAMS, type ParamSchema } from "../rules/params";
import { SEVERITIES } from "./check-profile";

function ruleSetting(params: ParamSchema): object {
  return {
    type: "object",
    additionalProperties: false,
    properties: { enabled: { type: "boolean" }, severity: { enum: SEVERITIES }, params },
  };
}

export function rulesSchema(): object {
  const properties: Record<string, object> = {};
  for (const id of RULE_IDS) {
    const params = paramsSchemaOf(id);
    if (params) properties[id] = ruleSetting(params);
  }
  return {
    type: "object",
    propertyNames: { $ref: "#/definitions/ruleId" },
    properties,
    additionalProperties: ruleSetting(NO_PARAMS),
  };
}
