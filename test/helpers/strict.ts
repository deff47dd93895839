/**
 * A Transitional workbook re-labelled as Strict Open XML, as Excel's "Strict Open XML Spreadsheet" writes one: the
 * SpreadsheetML and relationship namespaces and relationship types under http://purl.oclc.org/ooxml/, and
 * `conformance="strict"` on the workbook (compare test/fixtures/reader/poi__test-data_spreadsheet_sample.strict.xlsx,
 * which Excel wrote).
 */
import { Package } from "../../src/workbook/xlsx/package";

const SWAPS: readonly [RegExp, string][] = [
  [/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  [/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, "http://purl.oclc.org/ooxml/officeDocument/relationships"],
];

export function asStrict(bytes: Uint8Array): Uint8Array {
  const pkg = Package.open(bytes);
  for (const name of pkg.names()) {
    if (!/\.(xml|rels)$/i.test(name) || /^docProps\//.test(name)) continue;
    let xml = pkg.text(name)!;
    for (const [from, to] of SWAPS) xml = xml.replace(from, to);
    if (/(^|\/)workbook\.xml$/.test(name)) xml = xml.replace(/<workbook\b/, '<workbook conformance="strict"');
    pkg.set(name, xml);
  }
  return pkg.toBytes();
}
