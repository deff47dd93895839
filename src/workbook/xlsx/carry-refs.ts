/**
 * What a sheet copied into another workbook may keep of its references outside itself (docs/file-layer.md, "Sheets
 * copied into another workbook"): a reference to a sheet the target holds is kept (renamed if the sheet's name
 * changed); a defined name the sheet uses is carried with it when everything it refers to is in the target; a list
 * validation whose source stays behind gets the source's values as its list. Anything else cannot be followed: the
 * copier then keeps the cell's value, or leaves the validation or conditional format out, and names it (配布
 * lists those in its marker, and 回収 leaves them to the master).
 */
import { type CellRange, parseRangeA1, quoteSheetName } from "../../core/model/address";
import type { CellValue } from "../../core/model/cell";
import { MAX_COLS, MAX_ROWS } from "../../core/model/grid";
import type { RefPolicy } from "./copy-sheet";
import { mapSheetRefs, refsOf, sheetRange } from "../../core/formula/sheets";
import type { DefinedName } from "./workbook-xml";

/** Excel 4 macro functions: a name calling one works only in a macro-enabled workbook, which a copy never is. */
const MACRO_FUNCTION = /(?:^|[^\w.])(?:GET\.[A-Z.]+|EVALUATE|FILES|SET\.NAME|SET\.VALUE)\s*\(/i;
/** The longest list Excel accepts written into a validation (the characters between the quotes). */
const MAX_LIST_CHARS = 255;
/** Names followed into names: deeper chains are not followed (and a name defined by itself ends here). */
const MAX_DEPTH = 8;

const key = (s: string) => s.toUpperCase();

export interface CarryContext {
  /** The source workbook's defined names. */
  readonly names: readonly DefinedName[];
  /** The copied sheet's name and index in the source (its own names are scoped by the index). */
  readonly sheet: string;
  readonly sheetIndex: number;
  /** Source sheet name → its name in the target, for every sheet the target holds, the copied one included. */
  readonly sheets: ReadonlyMap<string, string>;
  /** The cells of a range of a source sheet, row by row; undefined when they were not read. */
  readonly values: (sheet: string, range: CellRange) => readonly (readonly CellValue[])[] | undefined;
}

/** A defined name the target must hold for the copy: `sheetScoped` ones belong to the copied sheet. */
export interface CarriedName {
  readonly name: string;
  readonly value: string;
  readonly sheetScoped: boolean;
}

export class RefCarrier implements RefPolicy {
  private readonly sheets = new Map<string, string>();
  private readonly carried = new Map<string, CarriedName | null>();

  constructor(private readonly ctx: CarryContext) {
    for (const [from, to] of ctx.sheets) this.sheets.set(key(from), to);
  }

  /** The names the copy uses, each once, their references as the target must hold them. */
  names(): CarriedName[] {
    return [...this.carried.values()].filter((n): n is CarriedName => n !== null);
  }

  formula(text: string): string | undefined {
    return this.follow(text, 0);
  }

  list(text: string): string[] | undefined {
    const cells = this.listSource(text.trim(), 0);
    if (!cells) return undefined;
    const out: string[] = [];
    for (const row of cells) {
      for (const v of row) {
        if (v === null || v === "") continue;
        if (typeof v === "string") {
          if (v.includes(",")) return undefined;
          out.push(v);
        } else if (typeof v === "number") out.push(String(v));
        else if (typeof v === "boolean") out.push(v ? "TRUE" : "FALSE");
        else return undefined; // dates and error values would show differently as text
      }
    }
    return out.length && out.join(",").length <= MAX_LIST_CHARS ? out : undefined;
  }

  private follow(text: string, depth: number): string | undefined {
    const refs = refsOf(text);
    if (refs.opaque) return undefined;
    for (const s of refs.sheets) if (!this.sheets.has(key(s))) return undefined;
    for (const n of refs.names) {
      const d = this.lookup(n);
      // An identifier the source does not define (a LET or LAMBDA parameter, a name already missing) stays as it is.
      if (d && !this.carry(d, depth)) return undefined;
    }
    return mapSheetRefs(text, (sheet) => {
      const to = this.sheets.get(key(sheet));
      return to === undefined || to === sheet ? undefined : `${quoteSheetName(to)}!`;
    });
  }

  /** The name `n` as Excel finds it on the copied sheet: one scoped to the sheet first, then the workbook's. */
  private lookup(n: string): DefinedName | undefined {
    const k = key(n);
    let book: DefinedName | undefined;
    for (const d of this.ctx.names) {
      if (key(d.name) !== k) continue;
      if (d.localSheetId === this.ctx.sheetIndex) return d;
      if (d.localSheetId === undefined) book ??= d;
    }
    return book;
  }

  private carry(d: DefinedName, depth: number): boolean {
    const sheetScoped = d.localSheetId !== undefined;
    const k = (sheetScoped ? "sheet:" : "book:") + key(d.name);
    const known = this.carried.get(k);
    if (known !== undefined) return known !== null;
    if (depth >= MAX_DEPTH || MACRO_FUNCTION.test(d.value)) {
      this.carried.set(k, null);
      return false;
    }
    const value = this.follow(d.value, depth + 1);
    this.carried.set(k, value === undefined ? null : { name: d.name, value, sheetScoped });
    return value !== undefined;
  }

  /** The cells a validation's list source names: `Sheet!$A$1:$A$5`, or a name that comes to one. */
  private listSource(text: string, depth: number): readonly (readonly CellValue[])[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const refs = refsOf(text);
    if (!refs.opaque && refs.sheets.length === 0 && refs.names.length === 1 && refs.names[0] === text) {
      const d = this.lookup(text);
      return d ? this.listSource(d.value.trim(), depth + 1) : undefined;
    }
    const at = sheetRange(text);
    const range = at && parseRangeA1(at.range.replace(/\$/g, ""));
    if (!at || !range || range.bottom >= MAX_ROWS || range.right >= MAX_COLS) return undefined;
    return this.ctx.values(at.sheet, range);
  }
}
