// Types for manifest-check.cjs, so that TypeScript tests can import it.
export interface ManifestReport {
  /** Problems that make the manifest fail. */
  errors: string[];
  /** Things that are allowed but worth a look (a narrower permission, an unused resource…). */
  warnings: string[];
  /** A one-line description of a manifest that parsed, or null when it did not. */
  summary: string | null;
}
export function checkManifestReport(xmlText: string, manifestDir: string): ManifestReport;
/** The problems in a manifest; empty when it passes. */
export function checkManifest(xmlText: string, manifestDir: string): string[];
