/**
 * @jest-environment node
 *
 * Form field types are one registry (src/core/profile/form-fields/index.ts): every type the schema offers has a
 * reader, every reader is a type the schema offers, and the keys each type takes and needs are the same in the
 * schema, the checker and the registry. (The registry's keys are FormField["type"] of types.ts, by its type.)
 */
import Ajv from "ajv";
import schema from "../src/core/profile/profile.schema.json";
import { checkProfile } from "../src/core/profile/check-profile";
import { FORM_FIELD_TYPES } from "../src/core/profile/form-fields";
import { COMMON_FIELD_KEYS } from "../src/core/profile/form-fields/field-reader";

type Json = Record<string, unknown>;
interface FormFieldSchema {
  properties: Record<string, unknown> & { type: { enum: string[] } };
  allOf: { if: { properties: { type: { const: string } } }; then: { required: string[] } }[];
}
const formField = (schema as unknown as { definitions: { formField: FormFieldSchema } }).definitions.formField;
const readers = FORM_FIELD_TYPES as unknown as Record<string, { keys: readonly string[]; requires: readonly string[] }>;
const schemaTypes = formField.properties.type.enum;

/** A one-layout profile whose only field is `field` (with the labels and code set any type refers to). */
function profileWith(field: Json): Json {
  return {
    id: "field-types",
    name: { ja: "項目の種類", en: "field types" },
    codeSets: { rating: { id: "rating", codes: [{ code: "A", meaning: { ja: "A", en: "A" } }] } },
    layouts: [
      {
        id: "form",
        name: { ja: "様式", en: "form" },
        shape: "form",
        role: "records",
        labels: { a: { text: ["項目"] }, b: { text: ["現状値"] }, c: { text: ["目標値"] }, d: { text: ["実績値"] }, y: { text: ["{FY}年度"], multiple: true } },
        recognition: { required: ["a"] },
        fields: [field],
      },
    ],
    rules: {},
  };
}

/** A value for each key a field type may take. */
const SAMPLE: Json = { at: "below", codeSet: "rating", comment: "below", purposeMarker: "<目的>", baseline: "b", target: "c", actual: "d", years: "y", status: "a" };

// The formats of rule parameters are not what this file is about.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const fitsSchema = ajv.compile(schema);

test("every field type of the schema has a reader, and every reader a type in the schema, in the same order", () => {
  expect(Object.keys(readers)).toEqual(schemaTypes);
});

test.each(schemaTypes)("%s: the keys it needs are the same in the schema and the registry", (type) => {
  const rule = formField.allOf.find((x) => x.if.properties.type.const === type);
  expect([...(rule?.then.required ?? [])].sort()).toEqual([...readers[type].requires].sort());
  for (const key of [...COMMON_FIELD_KEYS, ...readers[type].keys]) expect(Object.keys(formField.properties)).toContain(key);
});

test.each(schemaTypes)("%s: a field with every key it takes passes the schema and the checker; one it does not take is refused", (type) => {
  const full: Json = { id: "note", type, label: "a", required: "never", maxLength: 100 };
  for (const k of readers[type].keys) full[k] = SAMPLE[k];
  expect(fitsSchema(profileWith(full))).toBe(true);
  expect(checkProfile(profileWith(full)).problems).toEqual([]);

  const other = Object.keys(SAMPLE).find((k) => !readers[type].keys.includes(k))!;
  const extra = { ...full, [other]: SAMPLE[other] };
  expect(checkProfile(profileWith(extra)).problems.map((p) => [p.path, p.problem])).toEqual([[`layouts[0].fields[0].${other}`, "unknown-field"]]);
});

test.each(schemaTypes.filter((t) => readers[t].requires.length > 0))("%s: each key it needs, left out, is named as missing", (type) => {
  for (const key of readers[type].requires) {
    const field: Json = { id: "note", type, label: "a" };
    for (const k of readers[type].requires) if (k !== key) field[k] = SAMPLE[k];
    expect(fitsSchema(profileWith(field))).toBe(false);
    expect(checkProfile(profileWith(field)).problems.map((p) => [p.path, p.problem])).toEqual([[`layouts[0].fields[0].${key}`, "missing"]]);
  }
});

test("a type without a reader is refused by both, naming the field's type", () => {
  const p = profileWith({ id: "note", type: "picture", label: "a" });
  expect(fitsSchema(p)).toBe(false);
  expect(checkProfile(p).problems.map((x) => [x.path, x.problem])).toEqual([["layouts[0].fields[0].type", "bad-value"]]);
});
