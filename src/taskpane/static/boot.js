/*
 * ES5 on purpose: this file must run in the Internet Explorer webview of volume-licensed Office 2016/2019.
 * The page shows a static message by default (#unsupported). This marks the webview's engine on <html> so that the
 * message names the right one (webview-trident: Internet Explorer; webview-edgehtml: the old Microsoft Edge, which
 * retail Office 2016/2019 uses without WebView2). In a browser that can run the app, it hides the message while the
 * app loads; the app removes it when it mounts. If a script fails before that (a webview too old for the bundle)
 * or nothing has mounted after 15 s, the message comes back. It also notes whether office.js (loaded with async,
 * id "office-js") has loaded or failed, which can happen before the app's script runs.
 */
(function () {
  var html = document.documentElement;
  var ua = navigator.userAgent || "";
  // Trident/7.0 is IE 11 (MSIE n.0 older ones); "Edge/18.x" is EdgeHTML, never the Chromium Edge, which says "Edg/".
  var engine = /Trident\/|MSIE /.test(ua) ? "trident" : /\bEdge\/\d/.test(ua) ? "edgehtml" : "";
  if (engine) html.className += " webview-" + engine;
  var modern =
    typeof window.Promise === "function" &&
    typeof window.Symbol === "function" &&
    typeof window.Map === "function" &&
    typeof Object.assign === "function" &&
    typeof window.fetch === "function" &&
    "noModule" in document.createElement("script");
  if (!modern) return;
  html.className += " booting";
  function giveUp() {
    if (!html.getAttribute("data-ready")) html.className = html.className.replace(/(^|\s)booting(\s|$)/g, " ");
  }
  window.addEventListener("error", giveUp);
  window.setTimeout(giveUp, 15000);
  // A script's load and error events do not bubble: caught on the way down.
  var officeJs = (window.chosahyoOfficeJs = { state: "loading" });
  function track(e) {
    var el = e.target;
    if (el && el.id === "office-js") officeJs.state = e.type === "load" ? "loaded" : "failed";
  }
  document.addEventListener("load", track, true);
  document.addEventListener("error", track, true);
})();
