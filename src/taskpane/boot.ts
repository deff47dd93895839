/**
 * Start-up marks shared by the task pane and the demo. The page shows a static message by default (for the
 * Internet Explorer webview of volume-licensed Office 2016/2019, where this app cannot run); the app removes it
 * once it has mounted, and records when that happened (the first-render figure of the browser tests).
 */
export const FALLBACK_ID = "unsupported";
export const READY_MARK = "chosahyo-ready";

export function markReady(): void {
  document.getElementById(FALLBACK_ID)?.remove();
  const html = document.documentElement;
  html.classList.remove("booting");
  if (html.dataset.ready) return;
  html.dataset.ready = "true";
  try {
    performance.mark(READY_MARK);
  } catch {
    // no User Timing: the figure is simply not recorded
  }
}
