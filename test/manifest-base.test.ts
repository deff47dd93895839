/**
 * @jest-environment node
 *
 * `npm run manifest:base -- <base URL>` (scripts/manifest-base.cjs): the manifest for pages served from another
 * place, such as an intranet server for the LGWAN build. Every URL moves under the base, and the result still
 * passes the offline manifest check of `npm run validate`.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkManifestReport } from "../scripts/manifest-check.cjs";
import { rebaseManifest, servedPaths } from "../scripts/manifest-base.cjs";

const root = resolve(__dirname, "..");
const real = readFileSync(join(root, "manifest.xml"), "utf8");
const BASE = "https://intranet.example.lg.jp/chosahyo/";

/** Every URL a manifest loads or trusts: the DefaultValue/Value attributes and the AppDomains (not its xmlns names). */
const urls = (xml: string) => [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
const appDomains = (xml: string) => [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);

test("every URL of the new manifest starts with the base, keeping its path; the AppDomain is the base's origin", () => {
  const out = rebaseManifest(real, BASE);
  expect(urls(out)).toHaveLength(urls(real).length);
  expect(urls(out).filter((u) => !u.startsWith(BASE))).toEqual([]);
  expect(urls(out)).toContain(`${BASE}taskpane.html`);
  expect(urls(out)).toContain(`${BASE}assets/icon-32.png`);
  expect(appDomains(out)).toEqual(["https://intranet.example.lg.jp"]);
  expect(out).not.toContain("localhost");
  // Everything else is as it was.
  expect(out.replace(/https:\/\/intranet\.example\.lg\.jp(\/chosahyo)?/g, "https://localhost:3000")).toBe(real);
});

test("the new manifest passes the offline check of npm run validate", () => {
  const report = checkManifestReport(rebaseManifest(real, BASE), root);
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
});

test("a base without its final slash is a folder all the same; a server's root works too", () => {
  expect(urls(rebaseManifest(real, "https://intranet.example.lg.jp/chosahyo"))).toContain(`${BASE}taskpane.html`);
  expect(urls(rebaseManifest(real, "https://addins.example.lg.jp"))).toContain("https://addins.example.lg.jp/taskpane.html");
});

test.each([
  ["http://intranet.example.lg.jp/chosahyo/", /must use https/],
  ["https://intranet.example.lg.jp/chosahyo/?v=2", /plain folder URL/],
  ["intranet.example.lg.jp/chosahyo/", /not a URL/],
])("a base that Office cannot load from is refused: %s", (base, message) => {
  expect(() => rebaseManifest(real, base)).toThrow(message);
});

test("a manifest with a URL on another origin is refused, naming it", () => {
  const other = real.replace('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://support.example.com/help"/>');
  expect(other).not.toBe(real);
  expect(() => rebaseManifest(other, BASE)).toThrow(/https:\/\/support\.example\.com\/help/);
});

test("the paths a rebased manifest names are the page and its icons", () => {
  expect(servedPaths(rebaseManifest(real, BASE), BASE)).toEqual([
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "taskpane.html",
  ]);
});

describe("the command", () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, "scripts", "manifest-base.cjs"), ...args], { cwd: root, encoding: "utf8" });
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "chosahyo-manifest-base-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("writes the new manifest, which scripts/validate-manifest.mjs accepts", () => {
    const out = join(dir, "manifest.xml");
    const r = run(BASE, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`every URL under ${BASE}`);
    expect(urls(readFileSync(out, "utf8")).every((u) => u.startsWith(BASE))).toBe(true);
    const v = spawnSync(process.execPath, [join(root, "scripts", "validate-manifest.mjs"), out], { cwd: root, encoding: "utf8" });
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/OK: 調査票チェッカー/);
  });

  test("into a build folder, refuses when a page or icon the manifest names is not there", () => {
    writeFileSync(join(dir, "taskpane.html"), "<!doctype html>");
    mkdirSync(join(dir, "assets"));
    for (const size of [16, 32, 64]) copyFileSync(join(root, "assets", `icon-${size}.png`), join(dir, "assets", `icon-${size}.png`));
    const r = run(BASE, "--out", join(dir, "manifest.xml"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("assets/icon-80.png");
    copyFileSync(join(root, "assets", "icon-80.png"), join(dir, "assets", "icon-80.png"));
    expect(run(BASE, "--out", join(dir, "manifest.xml")).status).toBe(0);
  });

  test("without a base, says how to use it", () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run manifest:base -- <https base URL/);
  });
});
