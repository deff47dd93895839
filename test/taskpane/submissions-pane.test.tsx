/**
 * @jest-environment jsdom
 *
 * 提出状況 in the pane: offered after a check when the workbook's settings hold a SubmissionsState (a master that has
 * distributed), and neither offered nor named as missing otherwise.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { SUBMISSIONS_KEY, type SubmissionsState } from "../../src/core/cycle/types";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { kodairaSeed } from "../helpers/grid";
import { MemoryPort } from "./memory-port";
import { pane, validateNow } from "./pane";

const STATE: SubmissionsState = { version: 1, masterId: "m", expected: [{ department: "市民課", sheets: ["2-1"] }], received: [] };
let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await kodairaSeed();
});
beforeEach(() => localStorage.clear());

async function summaryChoices(settings: Record<string, string>) {
  pane(new MemoryPort(seed, settings));
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  await validateNow();
  const view = screen.getByTestId("summaries");
  await within(view).findAllByRole("checkbox");
  return view;
}

test("設定に提出状況の記録があれば、検証のあと 提出状況 を説明つきで選べる", async () => {
  const view = await summaryChoices({ [SUBMISSIONS_KEY]: JSON.stringify(STATE) });
  const box = await within(view).findByRole("checkbox", { name: "提出状況" });
  expect(document.getElementById(box.getAttribute("aria-describedby")!)!.textContent).toContain("未提出の所管課を先頭に");
  expect(within(view).getByText(/作成できないシート/).textContent).not.toContain("提出状況");
});

test.each([
  ["記録がない", {}],
  ["記録の JSON が壊れている", { [SUBMISSIONS_KEY]: "{broken" }],
])("%sブックでは選べず、作成できないシートとしても挙げない", async (_, settings: Record<string, string>) => {
  const view = await summaryChoices(settings);
  expect(within(view).getAllByRole("checkbox").map((b) => b.getAttribute("data-summary"))).toContain("評価一覧");
  expect(within(view).queryByRole("checkbox", { name: "提出状況" })).toBeNull();
  expect(within(view).getByText(/作成できないシート/).textContent).not.toContain("提出状況");
});
