// The office.js files the closed-network (LGWAN) build serves from its own folder, read from @microsoft/office-js.
//
// office.js is only a loader: it loads, from its own folder, the host file for the Excel it runs in
// (excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js…, or o15apptofilemappingtable.js and excel-15*.js on
// older hosts), <locale>/office_strings.js and telemetry/oteljs_agave.js; the host files load
// ariatelemetry/aria-web-telemetry.js, webauth/*.js and AgaveErrorUX/. Every one of them is copied, release builds
// only (the page loads office.js, never office.debug.js, so no .debug.js file is ever asked for). Office for other
// applications (Word, Outlook, PowerPoint…) is left out. test/office-js-files.test.ts derives the names office.js
// asks for from the package's code and checks each is here.
//
//   officeJsFiles()            -> [{ from, to }]  absolute source in node_modules, path under the office/ folder
//   copyOfficeJs(destDir)      -> number          copies them into destDir (the build's office/ folder)
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const PACKAGE = "@microsoft/office-js";

function packageDist() {
  let pkg;
  try {
    pkg = require.resolve(`${PACKAGE}/package.json`);
  } catch {
    throw new Error(`${PACKAGE} is not installed: run npm install (it is a dependency of the LGWAN build)`);
  }
  return path.join(path.dirname(pkg), "dist");
}

/**
 * AgaveErrorUX: the host file asks for AgaveErrorUX/index.html and that page for AgaveErrorUX.js and
 * style\AgaveErrorUX.css, while the package spells the folder and both files in lower case. Served from a case-
 * sensitive web server, the lower-case names would not be found, so they are copied under the names asked for.
 */
const RENAMED = new Map([
  ["agaveerrorux/agaveerrorux.js", "AgaveErrorUX/AgaveErrorUX.js"],
  ["agaveerrorux/style/agaveerrorux.css", "AgaveErrorUX/style/AgaveErrorUX.css"],
]);

/** Whether a file of the package's dist/ folder (relative, with "/") is one the Excel task pane can be asked for. */
function wanted(rel) {
  if (/\.debug\.js$/.test(rel) || /-vsdoc\.js$/.test(rel)) return false;
  const parts = rel.split("/");
  if (parts.length === 1) {
    // The loader, the table older hosts start from, and every Excel host file (desktop, web, Mac, iPad, 2013).
    return /^(office|o15apptofilemappingtable)\.js$/.test(rel) || /^excel[a-z]*-[\w.-]+\.js$/.test(rel);
  }
  if (parts.length === 2 && parts[1] === "office_strings.js") return true; // one folder per locale
  return /^(telemetry|ariatelemetry|webauth|agaveerrorux)\//.test(rel);
}

function walk(dir, base = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(dir, e.name), rel) : [rel];
  });
}

function officeJsFiles() {
  const dist = packageDist();
  return walk(dist)
    .filter(wanted)
    .sort()
    .map((rel) => ({
      from: path.join(dist, ...rel.split("/")),
      to: RENAMED.get(rel) ?? (rel.startsWith("agaveerrorux/") ? `AgaveErrorUX/${rel.slice("agaveerrorux/".length)}` : rel),
    }));
}

function copyOfficeJs(destDir) {
  const files = officeJsFiles();
  for (const f of files) {
    const to = path.join(destDir, ...f.to.split("/"));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(f.from, to);
  }
  return files.length;
}

module.exports = { officeJsFiles, copyOfficeJs, packageDist };
