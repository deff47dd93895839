import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { t, type Lang } from "../core/i18n";
import { App } from "./App";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container");
const root = createRoot(container);

function render(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = t(lang, "app.name");
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} />
    </FluentProvider>,
  );
}

// Japanese by default; Office's display language decides once Office.js is ready. Outside Office (a plain
// browser, tests) `Office` may be missing altogether.
render("ja");
if (typeof Office !== "undefined") {
  void Office.onReady().then(() => {
    const display = Office.context?.displayLanguage ?? "";
    if (display.toLowerCase().startsWith("en")) render("en");
  });
}
