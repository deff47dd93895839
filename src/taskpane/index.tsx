/**
 * Entry of the Excel task pane (dist/taskpane.html, with office.js). ExcelJS is not in this bundle: the pane
 * reaches the workbook through the Office.js adapter only.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { initialLang, storedLang } from "./i18n";
import { connectOffice, type OfficeStart } from "./office-host";
import { connectWithTimeouts, type Waiting } from "./office-loader";
import { OutsideExcel } from "./OutsideExcel";
import { Root } from "./Root";
import { pickThemeName } from "./theme";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container");
const root = createRoot(container);

function render(started: OfficeStart | Waiting): void {
  const displayLanguage = started.ok ? started.host.displayLanguage : "displayLanguage" in started ? started.displayLanguage : undefined;
  root.render(
    // Remounted when Excel answers after a message was shown: the language then follows Office's display language.
    <Root key={started.ok ? "excel" : "outside"} initialLang={initialLang(displayLanguage, storedLang())} theme={pickThemeName(started.ok ? started.themeBackground : undefined)}>
      {started.ok ? <App host={started.host} /> : <OutsideExcel reason={started.reason} waiting={"waiting" in started} />}
    </Root>,
  );
}

void connectWithTimeouts<OfficeStart>({ connect: connectOffice, render, failed: { ok: false, reason: "no-office-js" } });
