/**
 * Going to a cell from the pane (a finding, a summary sheet just written). Excel will not activate a hidden sheet: the
 * pane says so and offers to show it, and shows it only when the user asks (the sheet may have been hidden on purpose).
 */
import type { Lang } from "../core/i18n";
import { t } from "../core/i18n";
import { isWorkbookError, type WorkbookPort } from "../workbook/port";
import { errorMessage } from "./format";
import type { Notice } from "./use-checker";

export interface GoToCell {
  readonly port: WorkbookPort;
  /** Sets (or, after the sheet is shown, clears) the notice of the view that asked. */
  readonly setNotice: (n: Notice | undefined) => void;
  /** False once the view is gone: nothing is set then. */
  readonly mounted: () => boolean;
}

export async function goToCell(g: GoToCell, sheet: string, cell: string, reveal = false): Promise<void> {
  try {
    await g.port.selectCell(sheet, cell, { reveal });
    if (reveal && g.mounted()) g.setNotice(undefined);
  } catch (e) {
    if (!g.mounted()) return;
    const hidden = !reveal && isWorkbookError(e) && (e.code === "sheet-hidden" || e.code === "sheet-very-hidden");
    g.setNotice({
      intent: hidden ? "warning" : "error",
      text: (lang) => errorMessage(lang, e),
      ...(hidden ? { action: { label: (lang: Lang) => t(lang, "pane.notice.reveal"), run: () => void goToCell(g, sheet, cell, true) } } : {}),
    });
  }
}
