/**
 * How the values of all sheets are split into syncs that each stay under Excel on the web's 5 MB response limit.
 * A sheet's bounded block becomes pieces of whole rows; pieces are packed into chunks, one sync per chunk.
 */

/** Excel on the web rejects a response over 5 MB; the estimate aims lower to absorb its error. */
export const RESPONSE_BUDGET = 4 * 1024 * 1024;
/** The least a refused chunk shrinks the budget to. */
export const MIN_BUDGET = 64 * 1024;

/**
 * Expected response bytes per cell for `values` + `valueTypes` + `numberFormat`: an empty cell costs 21
 * (`"",` `"Empty",` `"General",`); the 小平 sample and the 500-sheet workbook built from it both average 41.
 * Raised to what a chunk actually returned, so a workbook of long texts gets smaller chunks after its first one.
 */
export const PRIOR_BYTES_PER_CELL = 48;

export interface SheetBlock {
  /** Index of the sheet in the caller's list. */
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number; // 0 when only merges are to be read
  readonly cols: number;
  /** The sheet's merged areas are read with its first piece; what they are expected to cost. */
  readonly merges: boolean;
  readonly mergeBytes: number;
}

export interface Piece {
  readonly block: SheetBlock;
  readonly top: number;
  readonly rows: number;
  /** The sheet's merged areas are read with this piece (its first). */
  readonly merges: boolean;
}

export class ReadPlanner {
  private bytesPerCell: number;
  private readonly pending: Piece[] = [];
  private nextBlock = 0;

  constructor(
    private readonly blocks: readonly SheetBlock[],
    private budgetBytes = RESPONSE_BUDGET,
    private readonly prior = PRIOR_BYTES_PER_CELL,
  ) {
    this.bytesPerCell = prior;
  }

  get budget(): number {
    return this.budgetBytes;
  }

  /**
   * Excel refused a chunk as too large: the budget drops to half the chunk's estimate, and the chunk's pieces and
   * those waiting are cut again to it, the refused ones first. False when the chunk is one row and cannot be cut.
   */
  putBack(refused: readonly Piece[]): boolean {
    if (refused.length === 1 && refused[0].rows < 2) return false;
    const bytes = refused.reduce((n, p) => n + this.estimate(p), 0);
    this.budgetBytes = Math.max(MIN_BUDGET, Math.floor(Math.min(this.budgetBytes, bytes) / 2));
    const waiting = [...refused, ...this.pending.splice(0)];
    for (const p of waiting) this.pending.push(...this.cutRows(p.block, p.top, p.rows, p.merges));
    return true;
  }

  estimate(p: Piece): number {
    return p.rows * p.block.cols * this.bytesPerCell + (p.merges ? p.block.mergeBytes : 0);
  }

  /** The next chunk: pieces in sheet order until the budget is full (always at least one piece). */
  next(): Piece[] | undefined {
    const out: Piece[] = [];
    let total = 0;
    for (let p = this.peek(); p; p = this.peek()) {
      const e = this.estimate(p);
      if (out.length > 0 && total + e > this.budgetBytes) break;
      out.push(this.pending.shift()!);
      total += e;
    }
    return out.length ? out : undefined;
  }

  /** What a chunk really returned: later pieces are cut with max(prior, observed × 1.25). */
  observe(cells: number, bytes: number): void {
    if (cells > 0) this.bytesPerCell = Math.max(this.prior, (bytes / cells) * 1.25);
  }

  private peek(): Piece | undefined {
    while (this.pending.length === 0 && this.nextBlock < this.blocks.length) {
      this.pending.push(...this.cut(this.blocks[this.nextBlock++]));
    }
    return this.pending[0];
  }

  /** Whole rows per piece, as many as fit the budget on their own. */
  private cut(block: SheetBlock): Piece[] {
    return this.cutRows(block, block.top, block.rows, block.merges);
  }

  /** Rows top…top+rows-1 of a block; the merged areas go with the first piece when `merges`. */
  private cutRows(block: SheetBlock, top: number, rows: number, merges: boolean): Piece[] {
    if (rows === 0) return merges ? [{ block, top, rows: 0, merges: true }] : [];
    const perRow = Math.max(1, block.cols * this.bytesPerCell);
    const room = Math.max(perRow, this.budgetBytes - (merges ? block.mergeBytes : 0));
    const step = Math.max(1, Math.floor(room / perRow));
    const out: Piece[] = [];
    for (let r = 0; r < rows; r += step) out.push({ block, top: top + r, rows: Math.min(step, rows - r), merges: r === 0 && merges });
    return out;
  }
}
