/**
 * The files office.js asks for from its own folder when it runs in Excel, read from the code of @microsoft/office-js
 * itself (not from the build's list of files to copy, scripts/office-js-files.cjs, which it checks):
 *
 * - office.js: the host file `[hostType, hostPlatform, version].join("-") + ".js"` for each Excel platform of
 *   `OSF.HostSpecificFileVersionMap` (a host that reports a lower version than the map's gets that version's file,
 *   so every lower version the package ships is listed too); the table older hosts start from (`O15InitHelper`);
 *   `<locale>/<OfficeStringJS>` for every locale of `OSF.SupportedLocales` and `OSF.AssociatedLocales` and the
 *   `DefaultLocale` it falls back to; and every `"folder/file.js"` literal (telemetry/oteljs_agave.js).
 * - each Excel host file, and the table: every `"folder/file.js|html"` literal whose folder is one of the package's
 *   (ariatelemetry/aria-web-telemetry.js, AgaveErrorUX/index.html), the webauth/ scripts, and for the table its
 *   `"1-15.xx":"excel-15…"+b` entries (Excel is application 1).
 * - AgaveErrorUX/index.html: its src and href attributes (written with a backslash, which browsers read as "/").
 *
 * Names are kept as the code spells them: a web server on Linux tells AgaveErrorUX from agaveerrorux.
 * Script URLs on other origins are listed apart (`external`), with the file that names them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

export interface OfficeJsRequests {
  /** Paths relative to office.js's folder, "/"-separated, each with the file that asks for it. */
  readonly local: ReadonlyMap<string, string>;
  /** Absolute or protocol-relative script URLs on other origins, each with the file that names it. */
  readonly external: ReadonlyMap<string, string>;
}

const read = (dist: string, rel: string) => readFileSync(path.join(dist, ...rel.split("/")), "utf8");

function must(text: string, re: RegExp, what: string): RegExpMatchArray {
  const m = text.match(re);
  if (!m) throw new Error(`office.js no longer has ${what} (${re}): the derivation of the files it loads needs a look`);
  return m;
}

/** `{a:"x",b:"y"}` or `{"a-b":true,…}` as written in office.js: its keys and string values. */
function objectLiteral(text: string, name: string): { keys: string[]; values: string[] } {
  const body = must(text, new RegExp(`${name.replace(/\./g, "\\.")}=\\{([^}]*)\\}`), name)[1];
  const pairs = [...body.matchAll(/"?([\w-]+)"?:(?:"([^"]*)"|true)/g)];
  return { keys: pairs.map((p) => p[1]), values: pairs.filter((p) => p[2] !== undefined).map((p) => p[2]) };
}

export function officeJsRequests(dist = OFFICE_JS_DIST): OfficeJsRequests {
  const local = new Map<string, string>();
  const external = new Map<string, string>();
  const ask = (rel: string, by: string) => {
    if (!local.has(rel)) local.set(rel, by);
  };
  const folders = new Set(readdirSync(dist, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name.toLowerCase()));
  const topFiles = readdirSync(dist);

  /** `"folder/…/file.js"` literals under one of the package's folders, and script URLs on other origins. */
  const literals = (text: string, by: string) => {
    for (const m of text.matchAll(/"((?:[\w-]+\/)+[\w.-]+\.(?:js|html))#?"/g)) {
      if (folders.has(m[1].split("/")[0].toLowerCase()) && !/\.debug\.js$/.test(m[1])) ask(m[1], by);
    }
    for (const m of text.matchAll(/"((?:https?:)?\/\/[\w.-]+\/[^"\s]*\.js)"/g)) if (!external.has(m[1])) external.set(m[1], by);
  };

  // office.js
  const office = read(dist, "office.js");
  ask("office.js", "taskpane.html");
  must(office, /\.join\("-"\)\+"\.js"/, 'the host file name [hostType, hostPlatform, version].join("-") + ".js"');
  const defaultVersion = must(office, /OSF\.HostSpecificFileVersionDefault="([\d.]+)"/, "HostSpecificFileVersionDefault")[1];
  const excelMap = must(office, /OSF\.HostSpecificFileVersionMap=\{.*?excel:\{([^}]*)\}/, "the Excel entry of HostSpecificFileVersionMap")[1];
  const platforms = new Map([...excelMap.matchAll(/(\w+):"([\d.]+)"/g)].map((m) => [m[1], { cap: m[2], why: "HostSpecificFileVersionMap" }]));
  // A platform the map does not name gets the default version (a host file the package ships for it is listed).
  for (const f of topFiles) {
    const m = f.match(/^excel-([a-z0-9]+)-([\d.]+)\.js$/);
    if (m && !platforms.has(m[1]) && m[2] === defaultVersion) platforms.set(m[1], { cap: defaultVersion, why: "HostSpecificFileVersionDefault" });
  }
  for (const [platform, { cap, why }] of platforms) {
    ask(`excel-${platform}-${cap}.js`, `office.js (${why})`);
    for (const f of topFiles) {
      const m = f.match(new RegExp(`^excel-${platform}-([\\d.]+)\\.js$`));
      if (m && parseFloat(m[1]) < parseFloat(cap)) ask(f, "office.js (a host reporting an older version)");
    }
  }
  const o15 = must(office, /O15InitHelper:"([^"]+)"/, "O15InitHelper")[1];
  ask(o15, "office.js (O15InitHelper)");
  const strings = must(office, /OfficeStringJS:"([^"]+)"/, "OfficeStringJS")[1];
  const defaultLocale = must(office, /DefaultLocale:"([^"]+)"/, "DefaultLocale")[1];
  const locales = new Set([defaultLocale, ...objectLiteral(office, "OSF.SupportedLocales").keys, ...objectLiteral(office, "OSF.AssociatedLocales").values]);
  for (const l of [...locales].sort()) ask(`${l.toLowerCase()}/${strings}`, "office.js (SupportedLocales)");
  literals(office, "office.js");

  // The table older hosts start from: its Excel host files, and what it names itself.
  const table = read(dist, o15);
  const suffixVar = must(table, /"1-15\.00":"excel-15"\+(\w)/, "the Excel entries of the O15 table")[1];
  const suffix = must(table, new RegExp(`\\b${suffixVar}="(\\.js)"`), "the O15 table's file suffix")[1];
  for (const m of table.matchAll(new RegExp(`"1-15\\.\\d\\d":"(excel[\\w.-]*)"\\+${suffixVar}`, "g"))) ask(`${m[1]}${suffix}`, o15);
  literals(table, o15);

  // Each Excel host file: what it names, and the webauth scripts it builds from "webauth/" and a file name.
  for (const rel of [...local.keys()]) {
    if (!/^excel[\w.-]*\.js$/.test(rel) || !existsSync(path.join(dist, rel))) continue;
    const text = read(dist, rel);
    literals(text, rel);
    if (text.includes('"webauth/"')) {
      for (const m of text.matchAll(/"(webauth\.[\w.]+\.js)"/g)) if (!m[1].endsWith(".debug.js")) ask(`webauth/${m[1]}`, rel);
    }
  }

  // AgaveErrorUX/index.html: the files it loads (the package keeps the folder in lower case).
  const errorPage = [...local.keys()].find((k) => /^agaveerrorux\/index\.html$/i.test(k));
  if (errorPage) {
    const folder = errorPage.split("/")[0];
    const html = read(dist, `${folder.toLowerCase()}/index.html`);
    for (const m of html.matchAll(/(?:src|href)="([^":#]+)"/g)) ask(`${folder}/${m[1].replace(/\\/g, "/")}`, errorPage);
  }
  return { local, external };
}
