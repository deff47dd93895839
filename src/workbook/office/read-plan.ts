/**
 * How the values of all sheets are split into syncs that each stay under Excel on the web's 5 MB response limit.
 * A sheet's bounded block becomes pieces of whole rows; pieces are packed into chunks, one sync per chunk.
 */

/** Excel on the web rejects a response over 5 MB; the estimate aims lower to absorb its error. */
export const RESPONSE_BUDGET = 4 * 1024 * 1024;

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
    private readonly budget = RESPONSE_BUDGET,
    private readonly prior = PRIOR_BYTES_PER_CELL,
  ) {
    this.bytesPerCell = prior;
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
      if (out.length > 0 && total + e > this.budget) break;
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
    if (block.rows === 0) return block.merges ? [{ block, top: block.top, rows: 0, merges: true }] : [];
    const perRow = Math.max(1, block.cols * this.bytesPerCell);
    const room = Math.max(perRow, this.budget - (block.merges ? block.mergeBytes : 0));
    const step = Math.max(1, Math.floor(room / perRow));
    const out: Piece[] = [];
    for (let r = 0; r < block.rows; r += step) {
      out.push({ block, top: block.top + r, rows: Math.min(step, block.rows - r), merges: r === 0 && block.merges });
    }
    return out;
  }
}

/** Halves a chunk that Excel refused as too large: by pieces, or a single piece by rows. */
export function halve(chunk: readonly Piece[]): [Piece[], Piece[]] | undefined {
  if (chunk.length > 1) {
    const mid = Math.ceil(chunk.length / 2);
    return [chunk.slice(0, mid), chunk.slice(mid)];
  }
  const p = chunk[0];
  if (!p || p.rows < 2) return undefined;
  const h = Math.ceil(p.rows / 2);
  return [[{ ...p, rows: h }], [{ ...p, top: p.top + h, rows: p.rows - h, merges: false }]];
}
