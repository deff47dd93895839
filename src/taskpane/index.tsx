/**
 * Entry of the Excel task pane (dist/taskpane.html, with office.js). ExcelJS is not in this bundle: the pane
 * reaches the workbook through the Office.js adapter only.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { initialLang, storedLang } from "./i18n";
import { connectOffice, type OfficeStart } from "./office-host";
import { OutsideExcel } from "./OutsideExcel";
import { Root } from "./Root";
import { pickThemeName } from "./theme";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container");
const root = createRoot(container);

async function start(): Promise<void> {
  let started: OfficeStart;
  try {
    started = await connectOffice();
  } catch {
    started = { ok: false, reason: "no-office-js" };
  }
  const displayLanguage = started.ok ? started.host.displayLanguage : started.displayLanguage;
  root.render(
    <Root initialLang={initialLang(displayLanguage, storedLang())} theme={pickThemeName(started.ok ? started.themeBackground : undefined)}>
      {started.ok ? <App host={started.host} /> : <OutsideExcel reason={started.reason} />}
    </Root>,
  );
}

void start();
