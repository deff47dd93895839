/**
 * The form field types, one registry: a profile field's `type` → its reader and the keys it takes. A new type is its
 * file here, its entry below, its interface in ../types.ts (in FormField) and its entry in profile.schema.json.
 */
import type { FormField } from "../types";
import { codeField } from "./code";
import { departmentListField } from "./department-list";
import type { FieldReading, FormFieldType } from "./field-reader";
import { fiscalYearField } from "./fiscal-year";
import { indicatorRowsField } from "./indicator-rows";
import { itemHeadingField } from "./item-heading";
import { planBlocksField } from "./plan-blocks";
import { scheduleRowsField } from "./schedule-rows";
import { textField } from "./text";
import { titleField } from "./title";
import { yearValuesField } from "./year-values";

type FieldOfType<T extends FormField["type"]> = Extract<FormField, { readonly type: T }>;

/** In the schema's order (profile.schema.json lists the same types). */
export const FORM_FIELD_TYPES: { readonly [T in FormField["type"]]: FormFieldType<FieldOfType<T>> } = {
  text: textField,
  "department-list": departmentListField,
  code: codeField,
  "item-heading": itemHeadingField,
  title: titleField,
  "indicator-rows": indicatorRowsField,
  "schedule-rows": scheduleRowsField,
  "year-values": yearValuesField,
  "fiscal-year": fiscalYearField,
  "plan-blocks": planBlocksField,
};

/** Reads one field of a form record with the reader of its type. */
export function readFormField<F extends FormField>(field: F, reading: FieldReading): void {
  (FORM_FIELD_TYPES[field.type] as FormFieldType<F>).read(field, reading);
}
