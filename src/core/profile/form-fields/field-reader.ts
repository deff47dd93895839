/**
 * What a form field type is: the profile keys it takes and the reader that puts its value on the record. Each type
 * has its file here and its entry in FORM_FIELD_TYPES (./index.ts).
 */
import type { CellPos, CodeRead, TextRead } from "../../model/record";
import type { Hits } from "../compiled";
import type { LabelCandidate } from "../labels";
import type { MutableRecord } from "../read-form";
import type { FormField } from "../types";

/** A field's reading: the sheet's label hits, the field's label cell, and the record being filled. */
export interface FieldReading {
  readonly hits: Hits;
  /** The field's label cell. */
  readonly hit: LabelCandidate;
  readonly rec: MutableRecord;
  readonly texts: Record<string, TextRead>;
  readonly codes: Record<string, CodeRead>;
  /** Where each field found empty would have its value (REQUIRED-MISSING points there). */
  readonly emptyCells: Record<string, CellPos>;
}

/** Keys every form field takes, whatever its type. */
export const COMMON_FIELD_KEYS = ["id", "type", "label", "required", "maxLength"] as const;

export interface FormFieldType<F extends FormField> {
  /** The profile keys this type takes besides COMMON_FIELD_KEYS. */
  readonly keys: readonly Exclude<keyof F & string, (typeof COMMON_FIELD_KEYS)[number]>[];
  /** Those of its keys a profile must give. */
  readonly requires: readonly Exclude<keyof F & string, (typeof COMMON_FIELD_KEYS)[number]>[];
  readonly read: (field: F, reading: FieldReading) => void;
}
