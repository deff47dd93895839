/**
 * Entry of the browser demo (dist/demo.html): no office.js at all. ExcelJS and the embedded sample workbook come
 * in a chunk of their own, loaded by relative path, so the pane paints first and file:// works.
 */
import { createRoot } from "react-dom/client";
import { initialLang, storedLang } from "../i18n";
import { Root } from "../Root";
import { pickThemeName } from "../theme";
import { DemoShell } from "./DemoShell";

const container = document.getElementById("container");
if (!container) throw new Error("demo.html has no #container");

let books: ReturnType<typeof load> | undefined;
function load() {
  return import(/* webpackChunkName: "xlsx" */ "./book-loader");
}
const loadBooks = () => (books ??= load());

// Japanese by default; `demo.html?lang=en` or the toggle (remembered in this browser) for English.
const fromUrl = new URLSearchParams(location.search).get("lang");
const lang = initialLang(undefined, fromUrl === "en" || fromUrl === "ja" ? fromUrl : storedLang());

createRoot(container).render(
  <Root initialLang={lang} theme={pickThemeName()}>
    <DemoShell loadBooks={loadBooks} />
  </Root>,
);
