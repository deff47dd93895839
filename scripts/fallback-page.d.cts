// Types for fallback-page.cjs, so that TypeScript tests can import it.
export function fallbackHtml(i18n: { t(lang: "ja" | "en", key: string): string }, page: "taskpane" | "demo"): string;
export const FALLBACK_CSS: string;
