/**
 * Entry of the browser demo (dist/demo.html): no office.js at all. The workbook code comes in a chunk of its own,
 * loaded by relative path, so the pane paints first and file:// works: the worker's bundle as text (started from a
 * Blob URL), or, only when no worker can start, the same code to run on the page.
 */
import { createRoot } from "react-dom/client";
import { initialLang, storedLang } from "../i18n";
import { Root } from "../Root";
import { pickThemeName } from "../theme";
import type { BookSources } from "./book-client";
import { DemoShell } from "./DemoShell";

const container = document.getElementById("container");
if (!container) throw new Error("demo.html has no #container");

const sources: BookSources = {
  workerSource: () => import(/* webpackChunkName: "book-worker" */ "book-worker-source").then((m) => m.default),
  pageHost: () => import(/* webpackChunkName: "book-host" */ "./book-host"),
};

// Japanese by default; `demo.html?lang=en` or the toggle (remembered in this browser) for English.
const fromUrl = new URLSearchParams(location.search).get("lang");
const lang = initialLang(undefined, fromUrl === "en" || fromUrl === "ja" ? fromUrl : storedLang());

createRoot(container).render(
  <Root initialLang={lang} theme={pickThemeName()}>
    <DemoShell sources={sources} />
  </Root>,
);
