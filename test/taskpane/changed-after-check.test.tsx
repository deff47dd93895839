/**
 * @jest-environment jsdom
 *
 * Issue 12, guard "undo and staleness", in the pane over the Office adapter and the strict fake: when the user changes
 * the workbook after a check (an undo of a fix counts too), the pane says the findings may be out of date and offers
 * 再検証; the add-in's own writes do not count.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { FakeBook, FakeExcel } from "../fakes/excel-fake";
import { ROOT } from "../helpers/grid";
import { pane, validateNow } from "./pane";

const SEED = new Uint8Array(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
const CHANGED = "検証のあとでブックが変更されました（元に戻す操作を含む）。指摘が今のブックと合っていないかもしれません。";

beforeEach(() => localStorage.clear());

test("検証のあとで利用者がセルを変えると「指摘が古いかもしれない」と言い、「再検証」で検証し直すと消える", async () => {
  const fake = new FakeExcel(await FakeBook.fromXlsx(SEED));
  pane(new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }), "ja", { kind: "excel" });
  await validateNow();
  await waitFor(() => expect(fake.changeHandlers.length).toBe(1));
  expect(document.body.textContent).not.toContain(CHANGED);

  fake.userEdit("No.1", "A1", "書き換え");
  const banner = await screen.findByTestId("changed");
  expect(banner.textContent).toContain(CHANGED);
  const runs = Number(document.querySelector("main")!.dataset.runs);
  fireEvent.click(within(banner).getByRole("button", { name: "再検証" }));
  await waitFor(() => expect(Number(document.querySelector("main")!.dataset.runs)).toBe(runs + 1));
  await waitFor(() => expect(screen.queryByTestId("changed")).toBeNull());
  // Still one handler: checking again does not add another.
  expect(fake.changeHandlers.length).toBe(1);
});
