// Types for office-js-files.cjs, so that TypeScript tests can import it.
export interface OfficeJsFile {
  /** Absolute path in node_modules/@microsoft/office-js/dist. */
  from: string;
  /** Path under the build's office/ folder, "/"-separated. */
  to: string;
}
export function officeJsFiles(): OfficeJsFile[];
/** Copies every file into destDir; returns how many. */
export function copyOfficeJs(destDir: string): number;
export function packageDist(): string;
