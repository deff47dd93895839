/**
 * A minimal .xlsx package around rendered sheets, written by hand (fflate for the zip), so tests can open what
 * renderSheetXml produces in ExcelJS and LibreOffice without the product's package writer.
 */
import { zipSync, strToU8 } from "fflate";
import type { SheetSpec } from "../../../src/core/sheet-spec";
import { renderSheetXml, type RenderedSheet } from "../../../src/workbook/xlsx/sheet-xml";
import { StylesAmender } from "../../../src/workbook/xlsx/styles-xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface MiniPackage {
  readonly bytes: Uint8Array;
  readonly rendered: RenderedSheet[];
  readonly stylesXml: string;
}

/** Renders each spec into one sheet of a new package; `stylesXml` is the styles part to amend (undefined: none). */
export function miniPackage(specs: readonly SheetSpec[], stylesXml?: string, taken: readonly string[] = []): MiniPackage {
  const styles = new StylesAmender(stylesXml);
  const files: Record<string, Uint8Array> = {};
  const rendered: RenderedSheet[] = [];
  const overrides: string[] = [];
  const sheets: string[] = [];
  const wbRels: string[] = [];
  const defined: string[] = [];
  let nextTableId = 1;
  const takenNames = [...taken];
  specs.forEach((spec, i) => {
    const r = renderSheetXml(spec, styles, { takenTableNames: takenNames, nextTableId, tabSelected: i === 0 });
    rendered.push(r);
    const n = i + 1;
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(r.xml);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    sheets.push(`<sheet name="${esc(spec.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    if (r.printTitles) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${esc(spec.name.replace(/'/g, "''"))}'!${r.printTitles}</definedName>`);
    if (r.tables.length) {
      const rels = r.tables.map((t) => `<Relationship Id="${t.relId}" Type="${REL}/table" Target="../tables/table${t.id}.xml"/>`);
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`);
      for (const t of r.tables) {
        files[`xl/tables/table${t.id}.xml`] = strToU8(t.xml);
        overrides.push(`<Override PartName="/xl/tables/table${t.id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
        takenNames.push(t.name);
      }
      nextTableId += r.tables.length;
    }
  });
  const stylesOut = styles.toXml();
  files["xl/styles.xml"] = strToU8(stylesOut);
  const n = specs.length;
  wbRels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      overrides.join("") +
      `</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews>` +
      `<sheets>${sheets.join("")}</sheets>${defined.length ? `<definedNames>${defined.join("")}</definedNames>` : ""}</workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${wbRels.join("")}</Relationships>`);
  return { bytes: zipSync(files), rendered, stylesXml: stylesOut };
}
