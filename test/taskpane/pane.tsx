/** The whole pane rendered over a port, and 検証 pressed and waited for: the set-up every pane test shares. */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { Lang } from "../../src/core/i18n";
import { App } from "../../src/taskpane/App";
import type { Host } from "../../src/taskpane/host";
import { Root } from "../../src/taskpane/Root";
import type { WorkbookPort } from "../../src/workbook/port";

export function pane(port: WorkbookPort, lang: Lang = "ja", host: Partial<Host> = {}) {
  const h: Host = { port, kind: "demo", missingRequirements: [], ...host };
  return render(
    <Root initialLang={lang} theme="light">
      <App host={h} />
    </Root>,
  );
}

/** Presses 検証 (or its English name) once it is enabled and waits until the run has finished. */
export async function validateNow(name = "検証", timeout = 10000): Promise<void> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  const before = Number(document.querySelector("main")!.dataset.runs);
  fireEvent.click(button);
  await waitFor(() => expect(Number(document.querySelector("main")!.dataset.runs)).toBe(before + 1), { timeout });
}
