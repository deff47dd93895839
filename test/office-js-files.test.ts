/**
 * @jest-environment node
 *
 * The LGWAN build's office.js folder (scripts/office-js-files.cjs, copied into dist-lgwan/office/ by
 * `npm run build:lgwan`): every file office.js asks for from its own folder, as its code names it
 * (test/helpers/office-js-requests.ts reads @microsoft/office-js), is written by the copy. The browser test
 * test/e2e/lgwan.test.ts checks the built folder itself and loads it in Chromium.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { copyOfficeJs, officeJsFiles } from "../scripts/office-js-files.cjs";
import { officeJsRequests } from "./helpers/office-js-requests";

function filesUnder(dir: string, base = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(path.join(dir, e.name), rel) : [rel];
  });
}

let out: string;
let written: Set<string>;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), "chosahyo-office-js-"));
  copyOfficeJs(out);
  written = new Set(filesUnder(out));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("office.js's own code names the host files, the strings and the telemetry sink the issue lists", () => {
  const { local } = officeJsRequests();
  for (const rel of [
    "office.js",
    "o15apptofilemappingtable.js",
    "excel-win32-16.01.js",
    "excel-web-16.00.js",
    "excel-mac-16.00.js",
    "ja-jp/office_strings.js",
    "en-us/office_strings.js",
    "telemetry/oteljs_agave.js",
  ]) {
    expect([rel, local.has(rel)]).toEqual([rel, true]);
  }
});

test("every file office.js loads from its folder is copied, under the name office.js asks for", () => {
  const { local } = officeJsRequests();
  const missing = [...local].filter(([rel]) => !written.has(rel)).map(([rel, by]) => `${rel} (asked for by ${by})`);
  expect(missing).toEqual([]);
});

test("only release files for Excel are copied: no .debug.js, nothing for Word, Outlook or PowerPoint", () => {
  expect([...written].filter((f) => /\.debug\.js$|^(word|outlook|powerpoint|onenote|project|access)[\w-]*[-.]/.test(f))).toEqual([]);
  expect(officeJsFiles().length).toBe(written.size);
});

test("the scripts on other origins that office.js's files can load are only those the README names", () => {
  // MicrosoftAjax.js: only excel-win32-16.00.js (old Windows builds) loads it; MSAL: only for Office's own sign-in,
  // which this add-in never calls. The README's LGWAN section says so; a new one needs a look.
  expect([...officeJsRequests().external.keys()].sort()).toEqual([
    "//ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js",
    "https://alcdn.msauth.net/browser/2.21.0/js/msal-browser.min.js",
  ]);
});
