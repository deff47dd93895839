/*
 * ES5 on purpose: this file must run in the Internet Explorer webview of volume-licensed Office 2016/2019.
 * The page shows a static message by default (#unsupported). In a browser that can run the app, this hides the
 * message while the app loads; the app removes it when it mounts. If a script fails before that (a webview too
 * old for the bundle) or nothing has mounted after 15 s, the message comes back.
 */
(function () {
  var html = document.documentElement;
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
})();
