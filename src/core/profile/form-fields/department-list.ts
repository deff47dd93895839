/** `department-list`: the departments in charge, split into a list (docs/values.md). */
import type { DepartmentsRead } from "../../model/record";
import { parseDepartments } from "../../values/departments";
import type { DepartmentField } from "../types";
import { valueNear } from "./cells";
import type { FormFieldType } from "./field-reader";

export const departmentListField: FormFieldType<DepartmentField> = {
  keys: ["at"],
  requires: [],
  read(field, { hits, hit, rec, emptyCells }) {
    const v = valueNear(hits, hit, field.at);
    if (v.read) rec.departments = { list: parseDepartments(v.read.text), raw: v.read.raw, cell: v.read.cell } satisfies DepartmentsRead;
    else emptyCells[field.id] = v.emptyAt;
  },
};
