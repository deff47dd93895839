/**
 * Themes come from Fluent's tokens only, so light, dark and high contrast follow the host. Components use
 * `tokens.*` and never a colour of their own.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Segoe UI has no Japanese glyphs: name the Japanese UI fonts of Windows and macOS before the generic family. */
const FONT_FAMILY =
  "'Segoe UI', 'Yu Gothic UI', 'Meiryo UI', Meiryo, -apple-system, BlinkMacSystemFont, 'Hiragino Sans', 'Noto Sans CJK JP', Roboto, 'Helvetica Neue', sans-serif";

export type ThemeName = "light" | "dark" | "high-contrast";

export function themeFor(name: ThemeName): Theme {
  const base = name === "high-contrast" ? teamsHighContrastTheme : name === "dark" ? webDarkTheme : webLightTheme;
  return { ...base, fontFamilyBase: FONT_FAMILY };
}

function mediaMatches(query: string): boolean {
  try {
    return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(query).matches;
  } catch {
    return false;
  }
}

/** Relative luminance of a `#rrggbb` colour, 0 (black) … 1 (white). */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Forced colours (Windows high contrast) win; then the Office theme's background when the host gives one;
 * then the browser's colour-scheme preference.
 */
export function pickThemeName(officeBackground?: string): ThemeName {
  if (mediaMatches("(forced-colors: active)")) return "high-contrast";
  const l = officeBackground ? luminance(officeBackground) : undefined;
  if (l !== undefined) return l < 0.5 ? "dark" : "light";
  return mediaMatches("(prefers-color-scheme: dark)") ? "dark" : "light";
}
