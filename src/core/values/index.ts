export * from "./types";
export {
  EXCEL_MAX_CELL_CHARS,
  blankHtmlTags,
  findInvisible,
  hasHtmlResidue,
  normalizeForCompare,
  normalizeLabel,
  normalizeValueChars,
  stripHtml,
  trimInvisible,
} from "./text";
export {
  eraToWestern,
  findFiscalYears,
  fiscalYearEnd,
  fiscalYearOfDate,
  lastDayOfMonth,
  matchWarekiAt,
  parseFiscalYear,
  parseWarekiDate,
  prepareWarekiText,
  type WarekiKind,
  type WarekiMatch,
} from "./wareki";
export { splitMarkedSegments } from "./number/circled-segments";
export { parseValue, type ParseValueOptions, type ValueCell } from "./number/parse-value";
export { RATING_SAB, STATUS_SYMBOLS, parseCode } from "./codes";
export { parseDepartments } from "./departments";
