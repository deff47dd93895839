// The static message of taskpane.html and demo.html for webviews and browsers that cannot run the app, built from
// the message catalogue by webpack.config.js. The task pane's message comes in three wordings; boot.js marks the
// engine on <html> (webview-trident, webview-edgehtml) and the CSS shows the one that fits, or the general one
// when it is neither or JavaScript is off. test/taskpane/fallback-webview.test.ts runs it in jsdom.
"use strict";

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The taskpane's wordings: [class, catalogue key]. */
const TASKPANE_WHY = [
  ["why-any", "page.unsupported.taskpane"],
  ["why-trident", "page.unsupported.taskpane.trident"],
  ["why-edgehtml", "page.unsupported.taskpane.edgeHtml"],
];

/** `i18n` is the catalogue module (t(lang, key)); `page` is "taskpane" or "demo". */
function fallbackHtml(i18n, page) {
  const t = (lang, key) => escapeHtml(i18n.t(lang, key));
  const why = (lang) =>
    page === "taskpane" ? TASKPANE_WHY.map(([cls, key]) => `<p class="${cls}">${t(lang, key)}</p>`).join("") : `<p>${t(lang, `page.unsupported.${page}`)}</p>`;
  const block = (lang) =>
    `<div lang="${lang}"><h1>${t(lang, "page.unsupported.title")}</h1>${why(lang)}` +
    (page === "taskpane" ? `<p><a href="demo.html" target="_blank" rel="noopener">${t(lang, "page.unsupported.link")}</a></p>` : "") +
    `</div>`;
  return `<main id="unsupported" class="unsupported">${block("ja")}${block("en")}</main>`;
}

// `display:block` because Internet Explorer 11 does not know <main>.
const FALLBACK_CSS = [
  "body{margin:0}",
  ".unsupported{display:block;font-family:'Segoe UI','Yu Gothic UI',Meiryo,sans-serif;font-size:14px;line-height:1.6;padding:12px;max-width:40em}",
  ".unsupported h1{font-size:16px;margin:0 0 8px}",
  ".unsupported div+div{margin-top:16px;border-top:1px solid #999;padding-top:8px}",
  ".unsupported .why-trident,.unsupported .why-edgehtml{display:none}",
  "html.webview-trident .unsupported .why-trident,html.webview-edgehtml .unsupported .why-edgehtml{display:block}",
  "html.webview-trident .unsupported .why-any,html.webview-edgehtml .unsupported .why-any{display:none}",
  "html.booting .unsupported{display:none}",
].join("");

module.exports = { fallbackHtml, FALLBACK_CSS };
