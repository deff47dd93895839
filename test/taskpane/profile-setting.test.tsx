/**
 * @jest-environment jsdom
 *
 * 設定 → 独自プロファイル: a municipality's profile loaded from a file is stored in the workbook and reads the
 * city's own sheet; a file with a typo is refused before it is stored, naming the field.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSettings } from "../../src/core/settings";
import { exampleCitySheet } from "../helpers/example-city";
import { ROOT } from "../helpers/grid";
import { MemoryPort } from "./memory-port";
import { pane, validateNow } from "./pane";

const EXAMPLE = readFileSync(path.join(ROOT, "docs/examples/example-city-chosahyo.json"), "utf8");

beforeEach(() => localStorage.clear());



/** LABEL-MISSING findings listed in the pane. */
function labelMissing(): number {
  fireEvent.click(screen.getByRole("tab", { name: /^指摘/ }));
  return document.querySelectorAll('[data-rule="LABEL-MISSING"]').length;
}

function choose(text: string, name = "my-city.json"): void {
  fireEvent.change(screen.getByTestId("profile-file"), { target: { files: [new File([text], name, { type: "application/json" })] } });
}

test("誤りのあるプロファイルは保存せず項目名を示し、正しいものは保存して、その様式のシートを読む", async () => {
  const { relabelled } = exampleCitySheet();
  const port = new MemoryPort({ sheets: [relabelled], skippedSheets: [] });
  const first = pane(port);
  await validateNow();
  // With the built-in profiles the city's headings are not known: the sheet is not taken for a 調査票.
  expect(screen.getByText("1 シートのうち 0 シートを調査票として確認しました。")).toBeTruthy();

  fireEvent.click(screen.getByRole("tab", { name: "設定" }));
  expect(screen.getByTestId("profile-current").textContent).toBe("保存されていません（組み込みのプロファイルを使います）。");

  const typo = JSON.parse(EXAMPLE) as { layouts: { fields: Record<string, unknown>[] }[] };
  typo.layouts[0].fields[4].lable = typo.layouts[0].fields[4].label;
  delete typo.layouts[0].fields[4].label;
  choose(JSON.stringify(typo));
  expect(await screen.findByText("このプロファイルは保存しませんでした。次の項目を直してください。")).toBeTruthy();
  expect(screen.getByText(/^layouts\[0\]\.fields\[4\]\.lable: 不明な項目です/)).toBeTruthy();
  expect(port.settingsWrites.filter((w) => w.profile)).toEqual([]);

  choose("{ \"id\": ");
  expect(await screen.findByText(/JSON 形式になっていません/)).toBeTruthy();

  choose(EXAMPLE);
  expect(await screen.findByText("プロファイル「例示市 行財政改革 取組状況調査票」を保存しました。次の検証から使われます。")).toBeTruthy();
  await waitFor(() => expect(parseSettings(port.settings).profileJson).toBe(EXAMPLE));
  expect(screen.getByTestId("profile-current").textContent).toBe("保存済み: 例示市 行財政改革 取組状況調査票（example-city-chosahyo）");

  await validateNow();
  expect(labelMissing()).toBe(0);
  expect(screen.getByText("1 シートのうち 1 シートを調査票として確認しました。")).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  const select = screen.getByLabelText("シート「例示市_3」のプロファイル") as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent).filter((t) => t?.startsWith("例示市"))).toEqual(["例示市 行財政改革 取組状況調査票／取組状況調査票"]);
  expect(document.querySelector('[data-sheet="例示市_3"]')!.textContent).toContain("例示市 行財政改革 取組状況調査票（");
  first.unmount();

  // Reopened: the profile came back from the workbook and can be removed.
  pane(port);
  await validateNow();
  expect(labelMissing()).toBe(0);
  fireEvent.click(screen.getByRole("tab", { name: "設定" }));
  fireEvent.click(screen.getByRole("button", { name: "保存したプロファイルを削除" }));
  await waitFor(() => expect(parseSettings(port.settings).profileJson).toBeUndefined());
});
