// Types for manifest-base.cjs, so that TypeScript tests can import it.
/** The manifest with every URL of its own origin moved under `base` (https, a folder URL); throws on a bad base. */
export function rebaseManifest(xmlText: string, base: string): string;
/** The base as a URL ending in "/"; throws when it is not an https folder URL. */
export function normaliseBase(base: string): string;
/** The paths under the base that a rebased manifest names (taskpane.html, assets/icon-32.png…). */
export function servedPaths(xmlText: string, base: string): string[];
