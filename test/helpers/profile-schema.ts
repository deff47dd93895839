/** The profile JSON schema compiled as the tests check against it, with the two formats rule parameters use (rules/params.ts). */
import Ajv from "ajv";
import schema from "../../src/core/profile/profile.schema.json";
import { parseFiscalYear } from "../../src/core/values/wareki";

export function compileProfileSchema() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat("regex", (s: string) => {
    try {
      new RegExp(s, "u");
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat("fiscal-year", (s: string) => parseFiscalYear(s) !== null);
  return ajv.compile(schema);
}
