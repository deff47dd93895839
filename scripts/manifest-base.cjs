// Rewrites every URL of the add-in manifest from one base URL: where the pages are served (an intranet server for
// the LGWAN build, or any https server for the CDN build).
//
//   npm run manifest:base -- https://intranet.example.lg.jp/chosahyo/ [--out dist-lgwan/manifest.xml] [--in manifest.xml]
//
// Every URL on the manifest's own origin (that of its SourceLocation, https://localhost:3000 in manifest.xml) moves
// under the base, keeping its path (…/taskpane.html, …/assets/icon-32.png); the AppDomain becomes the base's origin.
// A URL on any other origin is refused, so nothing in the new manifest points elsewhere. The result is checked like
// `npm run validate`. The default output sits next to the LGWAN build's pages.
//
//   rebaseManifest(xmlText, base) -> string   (throws with a message naming the problem)
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/** The base as a URL string ending in "/", or an Error saying why it cannot be one. */
function normaliseBase(base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`not a URL: "${base}" (write it in full, such as https://intranet.example.lg.jp/chosahyo/)`);
  }
  if (url.protocol !== "https:") throw new Error(`the base must use https (Office loads add-ins over https only): "${base}"`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`the base must be a plain folder URL, without ?query, #fragment or user: "${base}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

const URL_ATTR = /\b(DefaultValue|Value)="(https?:\/\/[^"]*)"/g;
const APP_DOMAIN = /<AppDomain>([^<]*)<\/AppDomain>/g;

function rebaseManifest(xml, base) {
  const to = normaliseBase(base);
  const source = xml.match(/<SourceLocation\s+DefaultValue="(https:\/\/[^"]+)"/);
  if (!source) throw new Error("the manifest has no https <SourceLocation DefaultValue>, so its own origin is unknown");
  const from = `${new URL(source[1]).origin}/`;
  const others = [];
  const out = xml
    .replace(URL_ATTR, (all, attr, url) => {
      if (url.startsWith(from)) return `${attr}="${to}${url.slice(from.length)}"`;
      others.push(url);
      return all;
    })
    .replace(APP_DOMAIN, (all, domain) => {
      if (`${domain.trim().replace(/\/$/, "")}/` === from) return `<AppDomain>${new URL(to).origin}</AppDomain>`;
      others.push(domain.trim());
      return all;
    });
  if (others.length) throw new Error(`the manifest has URLs on other origins than ${from.slice(0, -1)}, which the base cannot replace: ${others.join(", ")}`);
  return out;
}

function main(argv) {
  const root = path.resolve(__dirname, "..");
  const args = [...argv];
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const input = path.resolve(option("--in", path.join(root, "manifest.xml")));
  const output = path.resolve(option("--out", path.join(root, "dist-lgwan", "manifest.xml")));
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error("usage: npm run manifest:base -- <https base URL, such as https://intranet.example.lg.jp/chosahyo/> [--out file] [--in manifest.xml]");
    return 2;
  }
  let xml;
  try {
    xml = rebaseManifest(fs.readFileSync(input, "utf8"), args[0]);
  } catch (e) {
    console.error(`${input}: ${e.message}`);
    return 1;
  }
  const { checkManifestReport } = require("./manifest-check.cjs");
  const { errors, summary } = checkManifestReport(xml, path.dirname(input));
  if (errors.length) {
    for (const e of errors) console.error(`error: ${e}`);
    return 1;
  }
  // Written into a build (a folder with taskpane.html): every page and icon the manifest names must be there.
  const folder = path.dirname(output);
  if (fs.existsSync(path.join(folder, "taskpane.html"))) {
    const missing = servedPaths(xml, args[0]).filter((rel) => !fs.existsSync(path.join(folder, ...rel.split("/"))));
    if (missing.length) {
      console.error(`error: ${folder} has no ${missing.join(", ")}, which the manifest names`);
      return 1;
    }
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(output, xml);
  console.log(`${output}: every URL under ${normaliseBase(args[0])}: ${summary}`);
  return 0;
}

/** The paths under the base that a rebased manifest names (taskpane.html, assets/icon-32.png…). */
function servedPaths(xml, base) {
  const to = normaliseBase(base);
  const paths = [...xml.matchAll(URL_ATTR)].map((m) => m[2]).filter((u) => u.startsWith(to)).map((u) => decodeURIComponent(new URL(u).pathname.slice(new URL(to).pathname.length)));
  return [...new Set(paths)].sort();
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { rebaseManifest, normaliseBase, servedPaths };
