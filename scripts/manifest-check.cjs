// Offline checks for the add-in-only (XML) manifest of a task-pane add-in.
//
// `office-addin-manifest validate` needs a Microsoft web service, and no XSD ships in node_modules, so this module
// checks what the schema and our security bar require, without the network. It is CommonJS so that both the CLI
// (scripts/validate-manifest.mjs) and the Jest tests (ts-jest, CommonJS) can load it.
//
//   checkManifest(xmlText, manifestDir)        -> string[]  the problems; empty when the manifest passes
//   checkManifestReport(xmlText, manifestDir)  -> { errors, warnings, summary }
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { DOMParser } = require("@xmldom/xmldom");

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_VO = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

/**
 * Children of <OfficeApp xsi:type="TaskPaneApp"> in schema order. `required` follows this project's needs, which
 * are stricter than the schema for IconUrl and Hosts.
 */
const TOP_LEVEL = [
  { name: "Id", required: true },
  { name: "AlternateId", required: false },
  { name: "Version", required: true },
  { name: "ProviderName", required: true },
  { name: "DefaultLocale", required: true },
  { name: "DisplayName", required: true },
  { name: "Description", required: true },
  { name: "IconUrl", required: true },
  { name: "HighResolutionIconUrl", required: false },
  { name: "SupportUrl", required: false },
  { name: "AppDomains", required: false },
  { name: "Hosts", required: true },
  { name: "Requirements", required: false },
  { name: "DefaultSettings", required: true },
  { name: "Permissions", required: true },
  { name: "Dictionary", required: false },
  { name: "VersionOverrides", required: false, ns: NS_VO },
  { name: "ExtendedOverrides", required: false },
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const CULTURE = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|\d{3}))?$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const LIMITS = { DisplayName: 125, Description: 250, ShortString: 125, LongString: 250, resid: 32 };
const PERMISSION_OK = "ReadWriteDocument";
/** Narrower than ReadWriteDocument: allowed, but the add-in writes summary sheets, so it will not work with them. */
const PERMISSION_NARROWER = ["Restricted", "ReadDocument", "WriteDocument"];

/** Which resource kind a resid on each VersionOverrides element must name. */
const RESID_KIND = {
  Label: "ShortString",
  Title: "ShortString",
  Description: "LongString",
  SourceLocation: "Url",
  LearnMoreUrl: "Url",
  FunctionFile: "Url",
  Image: "Image",
};

/** An attribute's value, or "" when it is absent (xmldom 0.9 returns null). */
const attr = (node, name) => node.getAttribute(name) ?? "";

const article = (kind) => ({ Image: "an image (bt:Image)", Url: "a URL (bt:Url)", ShortString: "a short string", LongString: "a long string" })[kind];

/** Characters as XML Schema counts them (code points, not UTF-16 units). */
const charLength = (s) => [...s].length;

function elementChildren(node) {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c);
  return out;
}

function descendants(node, ns, localName) {
  return Array.from(node.getElementsByTagNameNS(ns, localName));
}

const at = (node) => (node && node.lineNumber ? `line ${node.lineNumber}: ` : "");

function parse(xmlText) {
  const problems = [];
  let doc = null;
  try {
    doc = new DOMParser({
      // Every report, even a warning such as an unquoted attribute, means the XML is not well-formed: stop there.
      onError(level, message, handler) {
        const loc = handler && handler.locator ? ` (line ${handler.locator.lineNumber}, column ${handler.locator.columnNumber})` : "";
        problems.push(`XML is not well-formed: ${String(message).trim()}${loc}`);
        throw new Error(message);
      },
    }).parseFromString(xmlText, "text/xml");
  } catch (e) {
    if (problems.length === 0) problems.push(`XML is not well-formed: ${e && e.message ? e.message : String(e)}`);
    return { doc: null, problems };
  }
  if (!doc || !doc.documentElement) return { doc: null, problems: ["XML is not well-formed: no root element"] };
  return { doc, problems };
}

function checkUrl(value, what, node, errors) {
  if (value == null || value.trim() === "") {
    errors.push(`${at(node)}${what} is empty`);
    return null;
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    errors.push(`${at(node)}${what} is not a valid URL: "${value}"`);
    return null;
  }
  if (url.protocol !== "https:") errors.push(`${at(node)}${what} must use https: "${value}"`);
  return url;
}

function pngSize(file) {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, 8).equals(PNG_SIGNATURE) || head.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/**
 * An icon URL whose path is under /assets/ must name a PNG file in <manifestDir>/assets. `expectedSize` (square px)
 * is only a warning when it differs: Office scales, but blurs.
 */
function checkIconFile(url, what, node, manifestDir, expectedSize, ctx) {
  if (!url || !url.pathname.startsWith("/assets/")) return;
  const assetsDir = path.resolve(manifestDir, "assets");
  let rel;
  try {
    rel = decodeURIComponent(url.pathname.slice("/assets/".length));
  } catch {
    ctx.errors.push(`${at(node)}${what} has a malformed path: "${url.pathname}"`);
    return;
  }
  const file = path.resolve(assetsDir, rel);
  if (!file.startsWith(assetsDir + path.sep)) {
    ctx.errors.push(`${at(node)}${what} points outside assets/: "${url.pathname}"`);
    return;
  }
  const shown = path.relative(manifestDir, file).split(path.sep).join("/");
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    ctx.errors.push(`${at(node)}${what} names a missing file: ${shown}`);
    return;
  }
  ctx.iconFiles.add(shown);
  if (!/\.png$/i.test(file)) return;
  const size = pngSize(file);
  if (!size) {
    ctx.errors.push(`${at(node)}${what}: ${shown} is not a valid PNG file`);
  } else if (expectedSize && (size.width !== expectedSize || size.height !== expectedSize)) {
    ctx.warnings.push(`${at(node)}${what}: ${shown} is ${size.width}×${size.height}, expected ${expectedSize}×${expectedSize}`);
  }
}

/** DisplayName / Description: a non-empty DefaultValue within the schema limit, and an en-US Override. */
function checkLocalizedTopLevel(el, limit, ctx) {
  const name = el.localName;
  const value = attr(el, "DefaultValue");
  if (!el.hasAttribute("DefaultValue") || value.trim() === "") ctx.errors.push(`${at(el)}${name} DefaultValue is empty`);
  else if (charLength(value) > limit) ctx.errors.push(`${at(el)}${name} DefaultValue is ${charLength(value)} characters, the limit is ${limit}`);
  let hasEnUs = false;
  for (const o of elementChildren(el)) {
    if (o.localName !== "Override" || o.namespaceURI !== NS_APP) {
      ctx.errors.push(`${at(o)}unexpected <${o.nodeName}> in ${name}`);
      continue;
    }
    const locale = attr(o, "Locale");
    const v = attr(o, "Value");
    if (!CULTURE.test(locale)) ctx.errors.push(`${at(o)}${name} Override Locale is not a culture name: "${locale}"`);
    if (v.trim() === "") ctx.errors.push(`${at(o)}${name} Override for ${locale} is empty`);
    else if (charLength(v) > limit) ctx.errors.push(`${at(o)}${name} Override for ${locale} is ${charLength(v)} characters, the limit is ${limit}`);
    if (locale === "en-US") hasEnUs = true;
  }
  if (!hasEnUs) ctx.errors.push(`${at(el)}${name} has no <Override Locale="en-US">`);
}

function checkTopLevelOrder(root, ctx) {
  const found = new Map();
  let lastIndex = -1;
  let lastName = null;
  for (const child of elementChildren(root)) {
    const idx = TOP_LEVEL.findIndex((d) => d.name === child.localName && (d.ns || NS_APP) === child.namespaceURI);
    if (idx < 0) {
      ctx.errors.push(`${at(child)}unknown element <${child.nodeName}> in OfficeApp (namespace ${child.namespaceURI || "none"})`);
      continue;
    }
    if (found.has(child.localName)) {
      ctx.errors.push(`${at(child)}<${child.localName}> appears more than once`);
      continue;
    }
    if (idx < lastIndex) ctx.errors.push(`${at(child)}<${child.localName}> is out of order: it must come before <${lastName}>`);
    else {
      lastIndex = idx;
      lastName = child.localName;
    }
    found.set(child.localName, child);
  }
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 && c.data.trim() !== "") ctx.errors.push(`${at(c)}unexpected text in OfficeApp: "${c.data.trim().slice(0, 40)}"`);
  }
  for (const d of TOP_LEVEL) if (d.required && !found.has(d.name)) ctx.errors.push(`missing required element <${d.name}>`);
  return found;
}

function checkVersionOverrides(vo, manifestDir, ctx) {
  const xsiType = vo.getAttributeNS(NS_XSI, "type") ?? "";
  if (xsiType !== "VersionOverridesV1_0") ctx.errors.push(`${at(vo)}VersionOverrides xsi:type must be VersionOverridesV1_0, found "${xsiType}"`);

  // Resources: id -> { kind, node }.
  const resources = new Map();
  const resourceSets = [
    ["Images", "Image", "Image"],
    ["Urls", "Url", "Url"],
    ["ShortStrings", "String", "ShortString"],
    ["LongStrings", "String", "LongString"],
  ];
  const resourcesEl = elementChildren(vo).find((e) => e.localName === "Resources");
  for (const [setName, itemName, kind] of resourceSets) {
    for (const set of resourcesEl ? descendants(resourcesEl, NS_BT, setName) : []) {
      for (const item of elementChildren(set)) {
        if (item.localName !== itemName || item.namespaceURI !== NS_BT) {
          ctx.errors.push(`${at(item)}unexpected <${item.nodeName}> in bt:${setName}`);
          continue;
        }
        const id = attr(item, "id");
        if (!id) {
          ctx.errors.push(`${at(item)}bt:${itemName} in bt:${setName} has no id`);
          continue;
        }
        if (charLength(id) > LIMITS.resid) ctx.errors.push(`${at(item)}resource id "${id}" is ${charLength(id)} characters, the limit is ${LIMITS.resid}`);
        if (resources.has(id)) ctx.errors.push(`${at(item)}resource id "${id}" is defined more than once`);
        resources.set(id, { kind, node: item, used: false });

        const value = attr(item, "DefaultValue");
        const overrides = elementChildren(item).filter((o) => o.localName === "Override" && o.namespaceURI === NS_BT);
        if (kind === "Url" || kind === "Image") {
          for (const [v, node, label] of [[value, item, `bt:${itemName} "${id}"`], ...overrides.map((o) => [attr(o, "Value"), o, `bt:${itemName} "${id}" override ${attr(o, "Locale")}`])]) {
            const url = checkUrl(v, label, node, ctx.errors);
            if (url) ctx.urlCount++;
            if (kind === "Image") checkIconFile(url, label, node, manifestDir, null, ctx);
          }
        } else {
          const limit = LIMITS[kind];
          if (value.trim() === "") ctx.errors.push(`${at(item)}bt:String "${id}" DefaultValue is empty`);
          else if (charLength(value) > limit) ctx.errors.push(`${at(item)}bt:String "${id}" is ${charLength(value)} characters, the limit for ${kind}s is ${limit}`);
          for (const o of overrides) {
            const v = attr(o, "Value");
            if (charLength(v) > limit) ctx.errors.push(`${at(o)}bt:String "${id}" ${attr(o, "Locale")} is ${charLength(v)} characters, the limit for ${kind}s is ${limit}`);
          }
          if (!overrides.some((o) => attr(o, "Locale") === "en-US")) ctx.warnings.push(`${at(item)}bt:String "${id}" has no en-US <bt:Override>`);
        }
        for (const o of overrides) {
          const locale = attr(o, "Locale");
          if (!CULTURE.test(locale)) ctx.errors.push(`${at(o)}bt:Override Locale is not a culture name: "${locale}"`);
        }
      }
    }
  }

  // Every resid must be defined, of the right kind, and at most 32 characters.
  const imageSizes = new Map(); // resid -> Set of sizes it is used at
  const walk = (node) => {
    for (const el of elementChildren(node)) {
      if (el.localName === "Resources" && el.parentNode === vo) continue;
      if (el.hasAttribute("resid")) {
        const resid = attr(el, "resid");
        if (charLength(resid) > LIMITS.resid) ctx.errors.push(`${at(el)}resid "${resid}" is ${charLength(resid)} characters, the limit is ${LIMITS.resid}`);
        const res = resources.get(resid);
        if (!res) ctx.errors.push(`${at(el)}resid "${resid}" on <${el.nodeName}> is not defined in Resources`);
        else {
          res.used = true;
          const want = RESID_KIND[el.localName];
          if (want && res.kind !== want) ctx.errors.push(`${at(el)}resid "${resid}" on <${el.nodeName}> names ${article(res.kind)}, expected ${article(want)}`);
          if (el.localName === "Image" && el.hasAttribute("size")) {
            if (!imageSizes.has(resid)) imageSizes.set(resid, new Set());
            imageSizes.get(resid).add(Number(attr(el, "size")));
          }
        }
      }
      walk(el);
    }
  };
  walk(vo);
  for (const [id, res] of resources) if (!res.used) ctx.warnings.push(`${at(res.node)}resource "${id}" is defined but never used`);

  // Ribbon images: the file behind each resid should have the pixel size it is used at.
  for (const [resid, sizes] of imageSizes) {
    const node = resources.get(resid).node;
    let url;
    try {
      url = new URL(attr(node, "DefaultValue"));
    } catch {
      continue;
    }
    for (const size of sizes) checkIconFile(url, `bt:Image "${resid}" (size ${size})`, node, manifestDir, size, { ...ctx, errors: [], iconFiles: new Set() });
  }
  ctx.resourceCount = resources.size;
}

function checkManifestReport(xmlText, manifestDir) {
  const { doc, problems } = parse(xmlText);
  if (!doc) return { errors: problems, warnings: [], summary: null };
  const ctx = { errors: problems, warnings: [], iconFiles: new Set(), urlCount: 0, resourceCount: 0 };
  const { errors, warnings } = ctx;
  const root = doc.documentElement;

  // Root element.
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS_APP) {
    errors.push(`root element must be <OfficeApp> in namespace ${NS_APP}, found <${root.nodeName}> in ${root.namespaceURI || "no namespace"}`);
    return { errors, warnings, summary: null };
  }
  const appType = root.getAttributeNS(NS_XSI, "type") ?? "";
  if (appType !== "TaskPaneApp") errors.push(`${at(root)}OfficeApp xsi:type must be TaskPaneApp, found "${appType}"`);

  // Top-level elements: known, once each, in schema order, required ones present.
  const el = checkTopLevelOrder(root, ctx);
  const text = (name) => (el.has(name) ? el.get(name).textContent.trim() : null);

  const id = text("Id");
  if (id !== null && !GUID.test(id)) errors.push(`${at(el.get("Id"))}Id must be a GUID, found "${id}"`);
  else if (id !== null && /^[0-]+$/.test(id)) errors.push(`${at(el.get("Id"))}Id must not be the all-zero GUID`);
  const version = text("Version");
  if (version !== null && !VERSION.test(version)) errors.push(`${at(el.get("Version"))}Version must be n.n.n.n, found "${version}"`);
  if (text("ProviderName") === "") errors.push(`${at(el.get("ProviderName"))}ProviderName is empty`);
  const locale = text("DefaultLocale");
  if (locale !== null && !CULTURE.test(locale)) errors.push(`${at(el.get("DefaultLocale"))}DefaultLocale must be a culture name such as ja-JP, found "${locale}"`);

  if (el.has("DisplayName")) checkLocalizedTopLevel(el.get("DisplayName"), LIMITS.DisplayName, ctx);
  if (el.has("Description")) checkLocalizedTopLevel(el.get("Description"), LIMITS.Description, ctx);

  // Top-level URLs, including their locale overrides.
  const iconSizes = { IconUrl: 32, HighResolutionIconUrl: 64 };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    if (!el.has(name)) continue;
    const node = el.get(name);
    const entries = [[attr(node, "DefaultValue"), node, `${name} DefaultValue`]];
    for (const o of elementChildren(node)) if (o.localName === "Override") entries.push([attr(o, "Value"), o, `${name} override ${attr(o, "Locale")}`]);
    for (const [v, n, label] of entries) {
      const url = checkUrl(v, label, n, errors);
      if (url) ctx.urlCount++;
      if (name !== "SupportUrl") checkIconFile(url, label, n, manifestDir, iconSizes[name], ctx);
    }
  }

  // SourceLocation, then AppDomains: https, and only the add-in's own origin.
  let origin = null;
  if (el.has("DefaultSettings")) {
    const sources = descendants(el.get("DefaultSettings"), NS_APP, "SourceLocation");
    if (sources.length === 0) errors.push(`${at(el.get("DefaultSettings"))}DefaultSettings has no <SourceLocation>`);
    for (const s of sources) {
      const url = checkUrl(attr(s, "DefaultValue"), "SourceLocation DefaultValue", s, errors);
      if (url) ctx.urlCount++;
      // Only an https SourceLocation defines the origin; an http one is already reported above.
      if (url && url.protocol === "https:") origin = origin || url.origin;
      for (const o of elementChildren(s)) if (o.localName === "Override" && checkUrl(attr(o, "Value"), `SourceLocation override ${attr(o, "Locale")}`, o, errors)) ctx.urlCount++;
    }
  }
  if (el.has("AppDomains")) {
    for (const d of elementChildren(el.get("AppDomains"))) {
      if (d.localName !== "AppDomain") {
        errors.push(`${at(d)}unexpected <${d.nodeName}> in AppDomains`);
        continue;
      }
      const url = checkUrl(d.textContent.trim(), "AppDomain", d, errors);
      if (url) {
        ctx.urlCount++;
        if (origin && url.origin !== origin) errors.push(`${at(d)}AppDomain ${url.origin} is not the add-in's own origin (${origin}); the security bar allows no other domain`);
      }
    }
  }

  // Hosts.
  if (el.has("Hosts")) {
    const hosts = elementChildren(el.get("Hosts")).map((h) => attr(h, "Name"));
    if (!hosts.includes("Workbook")) errors.push(`${at(el.get("Hosts"))}Hosts must contain <Host Name="Workbook"/>, found: ${hosts.join(", ") || "none"}`);
  }

  // Permissions.
  const permission = text("Permissions");
  if (permission !== null && permission !== PERMISSION_OK) {
    if (PERMISSION_NARROWER.includes(permission)) warnings.push(`${at(el.get("Permissions"))}Permissions is ${permission}; the add-in needs ${PERMISSION_OK} to write summary sheets`);
    else errors.push(`${at(el.get("Permissions"))}Permissions must be ${PERMISSION_OK}, found "${permission}"`);
  }

  if (el.has("VersionOverrides")) checkVersionOverrides(el.get("VersionOverrides"), manifestDir, ctx);

  const sets = el.has("Requirements") ? descendants(el.get("Requirements"), NS_APP, "Set").map((s) => `${attr(s, "Name")} ${attr(s, "MinVersion") || ""}`.trim()) : [];
  const displayName = el.has("DisplayName") ? attr(el.get("DisplayName"), "DefaultValue") : "";
  const summary =
    `${displayName} ${version} (Id ${id}), ${appType} for ${el.has("Hosts") ? elementChildren(el.get("Hosts")).map((h) => attr(h, "Name")).join(", ") : "-"}, ` +
    `requires ${sets.join(", ") || "nothing"}, permission ${permission}; ${ctx.urlCount} https URLs, ${ctx.iconFiles.size} icon files found, ${ctx.resourceCount} resources`;
  return { errors, warnings, summary };
}

/** The problems in a manifest (an empty array when it passes). Warnings are not problems. */
function checkManifest(xmlText, manifestDir) {
  return checkManifestReport(xmlText, manifestDir).errors;
}

module.exports = { checkManifest, checkManifestReport };
