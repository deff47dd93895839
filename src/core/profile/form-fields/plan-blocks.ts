/**
 * `plan-blocks` (武蔵野 年次計画): a header row with the label and fiscal-year headers, a row of plan cells (an optional
 * sub-item before the first year), then a status row; the block may repeat within a record.
 */
import { cellText, isEmptyCell } from "../../model/cell";
import type { CodeRead, PlanCell, PlanRow, TextRead } from "../../model/record";
import { parseCode } from "../../values/codes";
import type { parseFiscalYear } from "../../values/wareki";
import type { Hits } from "../compiled";
import { cachedNormalize } from "../labels";
import type { PlanBlocksField } from "../types";
import { MAX_SKIP, textRead } from "./cells";
import type { FormFieldType } from "./field-reader";
import { headerInfo } from "./year-headers";

export const planBlocksField: FormFieldType<PlanBlocksField> = {
  keys: ["years", "status", "codeSet"],
  requires: ["years", "status", "codeSet"],
  read(field, { hits, rec, codes }) {
    rec.plans = readPlans(hits, field);
    if (rec.plans.length) {
      const status = planStatus(rec.plans, hits.compiled.profile.codeSets[field.codeSet]?.codes.map((c) => c.code) ?? []);
      if (status) codes.status = status;
    }
  },
};

function readPlans(hits: Hits, f: PlanBlocksField): PlanRow[] {
  const view = hits.index.view;
  const codeSet = hits.compiled.profile.codeSets[f.codeSet];
  const out: PlanRow[] = [];
  for (const h of hits.all(f.label)) {
    // Year headers sit in the label's row, to its right.
    const yearHits = hits.all(f.years).filter((y) => y.row === h.row && y.col > h.col);
    const headers = yearHits
      .map((y) => ({ y, fy: headerInfo(y.text).fy }))
      .filter((x): x is { y: (typeof yearHits)[number]; fy: NonNullable<ReturnType<typeof parseFiscalYear>> } => !!x.fy)
      .map(({ y, fy }) => ({ fiscalYear: fy.fiscalYear, text: y.text, cell: { row: y.row, col: y.col }, toFiscalYear: fy.toFiscalYear }));
    const firstYearCol = headers.length ? headers[0].cell.col : h.extent.right + 1;
    // The plan row: the next non-blank row under the year headers. Not under the label: a 年次計画 merged down over
    // the plan row would hide it.
    const headerBottom = yearHits.length ? Math.max(...yearHits.map((y) => y.extent.bottom)) : h.extent.bottom;
    let r = headerBottom + 1;
    while (r <= view.bottom && r <= headerBottom + MAX_SKIP && view.isBlankRow(r)) r++;
    const statusHit = hits.all(f.status).find((st) => st.row > headerBottom && st.row <= headerBottom + 1 + MAX_SKIP + 1);
    const valueRow = statusHit && statusHit.row === r ? undefined : r;
    const cells: PlanCell[] = [];
    let subItem: TextRead | undefined;
    if (valueRow !== undefined) {
      for (const hd of headers) {
        const a = view.anchor(valueRow, hd.cell.col);
        const raw = view.raw(a.row, a.col);
        cells.push({ fiscalYear: hd.fiscalYear, toFiscalYear: hd.toFiscalYear, text: isEmptyCell(raw) ? "" : cellText(raw).trim(), raw, cell: a });
      }
      // A sub-item sits before the first year column (its own column, or the label column of the value row).
      for (let c = firstYearCol - 1; c >= h.col; c--) {
        const t = textRead(hits, valueRow, c);
        if (t && !hits.isLabelText(cachedNormalize(t.text))) {
          subItem = t;
          break;
        }
      }
    }
    const statusAt = { row: statusHit ? statusHit.row : (valueRow ?? headerBottom) + 1, col: firstYearCol };
    let status: CodeRead | undefined;
    if (statusHit) {
      const a = view.anchor(statusHit.row, firstYearCol);
      const raw = view.raw(a.row, a.col);
      if (!isEmptyCell(raw)) status = { parsed: parseCode(raw, codeSet), raw, cell: a };
    }
    const statusLabel = statusHit ? { row: statusHit.row, col: statusHit.col } : undefined;
    out.push({ headers, cells, subItem, status, statusAt, ...(statusLabel ? { statusLabel } : {}), labelCell: { row: h.row, col: h.col } });
  }
  return out;
}

/** A record's status: the least advanced of its plan rows (a project is done only when every row is). */
function planStatus(plans: readonly PlanRow[], order: readonly string[]): CodeRead | undefined {
  let worst: CodeRead | undefined;
  for (const p of plans) {
    const c = p.status;
    if (!c?.parsed.code) continue;
    if (!worst || order.indexOf(c.parsed.code) > order.indexOf(worst.parsed.code!)) worst = c;
  }
  return worst;
}
