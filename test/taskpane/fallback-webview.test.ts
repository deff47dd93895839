/**
 * @jest-environment jsdom
 *
 * The static message of taskpane.html (scripts/fallback-page.cjs, with boot.js) names the webview the Excel really
 * uses: Internet Explorer (Trident: volume-licensed Office 2016/2019) or the old Microsoft Edge (EdgeHTML: retail
 * Office 2016/2019 without WebView2), in Japanese and English; a general wording when it is neither or JavaScript is
 * off. The page is built from the message catalogue as webpack.config.js builds it, boot.js runs under each user
 * agent, and the test reads what the CSS leaves visible.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FALLBACK_CSS, fallbackHtml } from "../../scripts/fallback-page.cjs";
import * as i18n from "../../src/core/i18n";

const BOOT = readFileSync(path.join(__dirname, "..", "..", "src", "taskpane", "static", "boot.js"), "utf8");

/** User agents as the webviews send them. */
const UA = {
  // Volume-licensed Office 2016 on Windows 10: the IE 11 webview.
  trident: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; .NET CLR 3.0.30729; .NET CLR 3.5.30729; ms-office; MSOffice 16) like Gecko",
  // IE 10 and earlier say MSIE.
  msie: "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)",
  // Retail Office 2019 without WebView2: the EdgeHTML webview.
  edgeHtml: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
  // Microsoft 365 with WebView2: Chromium Edge says "Edg/", and the app runs there.
  webView2: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
  // Excel on the Mac: WKWebView.
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

const originalUa = navigator.userAgent;

/** Builds taskpane.html's head and body, runs boot.js as `ua`, and gives back what it did to <html>. */
function openAs(ua: string, { modern }: { modern: boolean }) {
  Object.defineProperty(window.navigator, "userAgent", { value: ua, configurable: true });
  // What boot.js takes for a webview that can run the app (IE has none of it; EdgeHTML 18 has it).
  const w = window as unknown as { fetch?: unknown };
  if (modern) w.fetch = () => Promise.reject(new Error("no network in this test"));
  else delete w.fetch;
  Object.defineProperty(HTMLScriptElement.prototype, "noModule", { value: false, configurable: true, writable: true });
  if (!modern) delete (HTMLScriptElement.prototype as unknown as { noModule?: boolean }).noModule;
  document.documentElement.className = "";
  document.documentElement.removeAttribute("data-ready");
  document.head.innerHTML = `<style>${FALLBACK_CSS}</style>`;
  document.body.innerHTML = `${fallbackHtml(i18n, "taskpane")}<div id="container"></div>`;
  new Function(BOOT)();
}

const shown = (el: Element | null): boolean => {
  for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).display === "none") return false;
  return !!el;
};

/** The message's paragraphs that are visible, per language. */
function visibleText(lang: "ja" | "en"): string[] {
  return [...document.querySelectorAll(`#unsupported div[lang=${lang}] p`)].filter(shown).map((p) => p.textContent ?? "");
}

afterAll(() => {
  Object.defineProperty(window.navigator, "userAgent", { value: originalUa, configurable: true });
});

const t = (lang: "ja" | "en", key: i18n.MessageKey) => i18n.t(lang, key);

test("Internet Explorer (Trident): the message names Internet Explorer, in Japanese and English", () => {
  for (const ua of [UA.trident, UA.msie]) {
    openAs(ua, { modern: false });
    expect(document.documentElement.classList.contains("webview-trident")).toBe(true);
    expect(visibleText("ja")).toEqual([t("ja", "page.unsupported.taskpane.trident"), t("ja", "page.unsupported.link")]);
    expect(visibleText("en")).toEqual([t("en", "page.unsupported.taskpane.trident"), t("en", "page.unsupported.link")]);
    expect(visibleText("ja")[0]).toContain("Internet Explorer");
  }
});

test("the old Edge (EdgeHTML): hidden while the app loads; when the bundle fails, the message names the old Edge and WebView2, not Internet Explorer", () => {
  openAs(UA.edgeHtml, { modern: true });
  expect(document.documentElement.classList.contains("webview-edgehtml")).toBe(true);
  expect(shown(document.getElementById("unsupported"))).toBe(false); // booting: no flash of the message
  // The bundle cannot run in EdgeHTML: its SyntaxError reaches window.onerror, and boot.js shows the message.
  window.dispatchEvent(new Event("error"));
  expect(shown(document.getElementById("unsupported"))).toBe(true);
  expect(visibleText("ja")).toEqual([t("ja", "page.unsupported.taskpane.edgeHtml"), t("ja", "page.unsupported.link")]);
  expect(visibleText("en")).toEqual([t("en", "page.unsupported.taskpane.edgeHtml"), t("en", "page.unsupported.link")]);
  for (const text of [...visibleText("ja"), ...visibleText("en")]) expect(text).not.toContain("Internet Explorer");
  expect(visibleText("ja")[0]).toContain("WebView2");
  expect(visibleText("en")[0]).toContain("WebView2");
});

test.each([
  ["WebView2 (Chromium Edge)", UA.webView2],
  ["the Mac's WKWebView", UA.mac],
])("%s is neither: if the app cannot start there, the general wording shows", (_, ua) => {
  openAs(ua, { modern: true });
  expect(document.documentElement.className).not.toMatch(/webview-/);
  window.dispatchEvent(new Event("error"));
  expect(visibleText("ja")).toEqual([t("ja", "page.unsupported.taskpane"), t("ja", "page.unsupported.link")]);
  expect(visibleText("en")).toEqual([t("en", "page.unsupported.taskpane"), t("en", "page.unsupported.link")]);
});

test("without JavaScript (boot.js never runs), the general wording shows, naming both old webviews", () => {
  Object.defineProperty(window.navigator, "userAgent", { value: UA.trident, configurable: true });
  document.documentElement.className = "";
  document.head.innerHTML = `<style>${FALLBACK_CSS}</style>`;
  document.body.innerHTML = fallbackHtml(i18n, "taskpane");
  expect(visibleText("ja")).toEqual([t("ja", "page.unsupported.taskpane"), t("ja", "page.unsupported.link")]);
  expect(visibleText("ja")[0]).toMatch(/Internet Explorer.*Microsoft Edge/);
  expect(visibleText("en")[0]).toMatch(/Internet Explorer.*Microsoft Edge/);
});

test("the demo page keeps its one wording", () => {
  document.head.innerHTML = `<style>${FALLBACK_CSS}</style>`;
  document.body.innerHTML = fallbackHtml(i18n, "demo");
  expect(visibleText("ja")).toEqual([t("ja", "page.unsupported.demo")]);
  expect(visibleText("en")).toEqual([t("en", "page.unsupported.demo")]);
});
