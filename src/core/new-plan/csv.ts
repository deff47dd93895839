/**
 * CSV text as rows of fields (RFC 4180): fields separated by commas, a quoted field may hold commas, line breaks and
 * doubled quotes. A leading BOM is dropped; CRLF, LF and a lone CR all end a row, as Excel and Notepad write them.
 * Decoding the bytes (UTF-8 or Shift_JIS) is the caller's job.
 */

/**
 * Rows as a spreadsheet shows them: row n of the result is row n + 1 in Excel, blank rows included (a quoted line
 * break keeps a row in one cell). `unclosedQuoteRow` is the 1-based row where a quote that never closes opens.
 */
export type CsvResult = { readonly ok: true; readonly rows: readonly (readonly string[])[] } | { readonly ok: false; readonly unclosedQuoteRow: number };

export function parseCsv(text: string): CsvResult {
  const s = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  const endRow = () => {
    fields.push(field);
    rows.push(fields);
    fields = [];
    field = "";
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else if (ch === "\r" || ch === "\n") {
        // A line break in a cell is LF, as Excel keeps it, whatever the file's line ends.
        if (ch === "\r" && s[i + 1] === "\n") i++;
        field += "\n";
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      endRow();
    } else field += ch; // a quote inside an unquoted field is kept as written
  }
  if (quoted) return { ok: false, unclosedQuoteRow: rows.length + 1 };
  if (field !== "" || fields.length > 0) endRow();
  return { ok: true, rows };
}
