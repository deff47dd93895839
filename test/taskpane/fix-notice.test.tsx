/**
 * @jest-environment jsdom
 *
 * What the pane says after a fix whose cell holds a formula (issue 12, item 2): the cell is named and the user is
 * told to fix the formula or its inputs; nothing was written there.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { kodairaSeed } from "../helpers/grid";
import { MemoryPort } from "./memory-port";
import { pane, validateNow } from "./pane";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await kodairaSeed();
});

beforeEach(() => {
  localStorage.clear();
});

test("数式のセルへの修正は書かれず、そのセルを名前で示して数式か参照先を直すよう言う", async () => {
  const report = validateWorkbook(seed, { profiles: BUILT_IN_PROFILES });
  const code = report.records.find((r) => r.sheet === "No.1")!.codes.eval1!;
  const sheets = seed.sheets.map((g) => {
    if (g.name !== "No.1") return g;
    const rows = g.rows.map((r) => [...r]);
    rows[code.cell.row - g.top][code.cell.col - g.left] = "Ａ";
    return { ...g, rows };
  });
  const cell = `${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[code.cell.col]}${code.cell.row + 1}`;
  const port = new MemoryPort({ ...seed, sheets });
  port.formulaCells.add(`No.1!${cell}`);
  pane(port);
  await validateNow();
  fireEvent.change(screen.getByLabelText("規則で絞り込む"), { target: { value: "CODE-VARIANT" } });
  fireEvent.click(await screen.findByRole("button", { name: new RegExp(`^${cell}`) }));
  fireEvent.click(screen.getByRole("button", { name: "この修正を適用" }));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toBe(`No.1!${cell} は数式の計算結果（動的配列によるものを含む）のため変更しませんでした。数式か、数式が参照しているセルを直してください。`),
  );
  expect(port.applied).toEqual([]);
});
