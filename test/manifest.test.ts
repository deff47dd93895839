/** @jest-environment node */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkManifest, checkManifestReport } from "../scripts/manifest-check.cjs";
import { checkRequirements } from "../src/workbook/office/requirements";

const root = resolve(__dirname, "..");
const manifestPath = join(root, "manifest.xml");
const real = readFileSync(manifestPath, "utf8");

/** The real manifest with one exact piece of text replaced; fails loudly if the text is not there. */
function variant(from: string | RegExp, to: string): string {
  const out = real.replace(from, to);
  if (out === real) throw new Error(`variant: ${String(from)} not found in manifest.xml`);
  return out;
}

const check = (xml: string, dir = root) => checkManifest(xml, dir);
const idLine = real.match(/ *<Id>[^<]*<\/Id>\n/)![0];

describe("the real manifest", () => {
  test("passes every check with no warning", () => {
    const report = checkManifestReport(real, root);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.summary).toContain("調査票チェッカー");
  });

  test("asks for ReadWriteDocument and nothing broader, and allows only its own origin", () => {
    expect(real).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect([...real.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://localhost:3000"]);
  });
});

/** "1.13" > "1.7": requirement-set versions compare part by part. */
const atMost = (version: string, max: string) => {
  const [a, b] = [version, max].map((v) => v.split(".").map(Number));
  return a[0] < b[0] || (a[0] === b[0] && (a[1] ?? 0) <= (b[1] ?? 0));
};

describe("the requirement sets (README: which Excel shows what)", () => {
  test("the manifest asks for no more than Office 2016 volume licence has (ExcelApi 1.1), so Excel lists the add-in there", () => {
    const sets = [...real.matchAll(/<Set Name="(\w+)"(?: MinVersion="([\d.]+)")?\s*\/>/g)].map((m) => ({ name: m[1], min: m[2] ?? "1.1" }));
    expect(sets.map((s) => s.name)).toEqual(["ExcelApi"]);
    for (const s of sets) expect([s.name, s.min, atMost(s.min, "1.1")]).toEqual([s.name, s.min, true]);
    const defaultMin = real.match(/<Sets DefaultMinVersion="([\d.]+)">/)?.[1] ?? "1.1";
    expect(atMost(defaultMin, "1.1")).toBe(true);
  });

  test("what the pane needs above that, the run-time check finds missing on such an Excel, and names", () => {
    const office2016 = checkRequirements((set, version) => set === "ExcelApi" && atMost(version, "1.1"));
    expect(office2016.ok).toBe(false);
    expect(office2016.missing.filter((m) => !m.optional).map((m) => m.feature)).toEqual(["read", "write"]);
    // Office 2019 volume licence (ExcelApi 1.7): it runs, without merged areas, drop-down lists, print setup and
    // noticing that the workbook changed after a check (onChanged, 1.9).
    const office2019 = checkRequirements((set, version) => set === "ExcelApi" && atMost(version, "1.7"));
    expect(office2019.ok).toBe(true);
    expect(office2019.missing.map((m) => m.feature).sort()).toEqual(["changeEvents", "dataValidation", "mergedAreas", "printSetup"]);
  });
});

describe("a broken manifest is reported", () => {
  test("a missing Id", () => {
    expect(check(variant(idLine, ""))).toEqual([expect.stringMatching(/missing required element <Id>/)]);
  });

  test("an Id that is not a GUID", () => {
    expect(check(variant(/<Id>[^<]*<\/Id>/, "<Id>chosahyo-addin</Id>"))).toEqual([expect.stringMatching(/Id must be a GUID/)]);
  });

  test("an http URL", () => {
    const problems = check(variant('SourceLocation DefaultValue="https://', 'SourceLocation DefaultValue="http://'));
    expect(problems).toEqual([expect.stringMatching(/SourceLocation DefaultValue must use https/)]);
  });

  test("an http icon URL and an http AppDomain", () => {
    const xml = variant('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://').replace(
      "<AppDomain>https://",
      "<AppDomain>http://",
    );
    const problems = check(xml);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/IconUrl DefaultValue must use https/), expect.stringMatching(/AppDomain must use https/)]),
    );
  });

  test("an AppDomain other than the add-in's own origin", () => {
    expect(check(variant("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>https://example.com</AppDomain>"))).toEqual([
      expect.stringMatching(/AppDomain https:\/\/example\.com is not the add-in's own origin/),
    ]);
  });

  test("an icon that names a file missing from assets/", () => {
    expect(check(variant("assets/icon-80.png", "assets/icon-81.png"))).toEqual([expect.stringMatching(/names a missing file: assets\/icon-81\.png/)]);
  });

  test("every icon, when the manifest sits in a folder without assets/", () => {
    const dir = mkdtempSync(join(tmpdir(), "chosahyo-manifest-"));
    try {
      const problems = check(real, dir);
      // IconUrl, HighResolutionIconUrl and the three ribbon images.
      expect(problems).toHaveLength(5);
      for (const p of problems) expect(p).toMatch(/names a missing file: assets\/icon-\d+\.png/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(["ReadWriteMailbox", "ReadWriteEverything", "ReadWriteItem"])("a permission broader than ReadWriteDocument: %s", (permission) => {
    expect(check(variant("<Permissions>ReadWriteDocument</Permissions>", `<Permissions>${permission}</Permissions>`))).toEqual([
      expect.stringMatching(new RegExp(`Permissions must be ReadWriteDocument, found "${permission}"`)),
    ]);
  });

  test("a narrower permission is allowed, with a warning", () => {
    const report = checkManifestReport(variant("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), root);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.stringMatching(/Permissions is ReadDocument/)]);
  });

  test("elements out of schema order", () => {
    // Version moved after ProviderName.
    const xml = variant(/( *<Version>[^<]*<\/Version>\n)( *<ProviderName>[^<]*<\/ProviderName>\n)/, "$2$1");
    expect(check(xml)).toEqual([expect.stringMatching(/<Version> is out of order: it must come before <ProviderName>/)]);
  });

  test("an unknown top-level element", () => {
    expect(check(variant("  <Hosts>", "  <Tracking/>\n  <Hosts>"))).toEqual([expect.stringMatching(/unknown element <Tracking>/)]);
  });

  test("XML that is not well-formed", () => {
    const problems = check(variant("</Description>", "</Descriptio>"));
    expect(problems).toEqual([expect.stringMatching(/^XML is not well-formed: .*line \d+/)]);
  });

  test("a resid that is not defined in Resources", () => {
    expect(check(variant('<Label resid="Group.Label"/>', '<Label resid="Group.Caption"/>'))).toEqual([
      expect.stringMatching(/resid "Group\.Caption" on <Label> is not defined in Resources/),
    ]);
  });

  test("a resid over 32 characters", () => {
    const long = "Chosahyo.TaskpaneButton.LabelText"; // 33
    const xml = variant(/"TaskpaneButton\.Label"/g, `"${long}"`);
    expect(check(xml)).toEqual(expect.arrayContaining([expect.stringMatching(/is 33 characters, the limit is 32/)]));
  });

  test("a DisplayName without its en-US override, and one over 125 characters", () => {
    expect(check(variant('<Override Locale="en-US" Value="Chosahyo Checker"/>', ""))).toEqual([
      expect.stringMatching(/DisplayName has no <Override Locale="en-US">/),
    ]);
    expect(check(variant('DisplayName DefaultValue="調査票チェッカー"', `DisplayName DefaultValue="${"調".repeat(126)}"`))).toEqual([
      expect.stringMatching(/DisplayName DefaultValue is 126 characters, the limit is 125/),
    ]);
  });

  test("all problems at once, not just the first", () => {
    const xml = variant(/<Id>[^<]*<\/Id>/, "<Id>x</Id>")
      .replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteEverything</Permissions>")
      .replace('<Label resid="Group.Label"/>', '<Label resid="Missing"/>');
    expect(check(xml).length).toBeGreaterThanOrEqual(3);
  });
});

describe("scripts/validate-manifest.mjs", () => {
  const run = (file: string) => spawnSync(process.execPath, [join(root, "scripts", "validate-manifest.mjs"), file], { cwd: root, encoding: "utf8" });

  test("exits 0 with an OK summary for the real manifest", () => {
    const r = run(manifestPath);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/OK: 調査票チェッカー 0\.1\.0\.0/);
  });

  test("exits 1 and lists each problem for a broken manifest", () => {
    const dir = mkdtempSync(join(tmpdir(), "chosahyo-manifest-"));
    try {
      const file = join(dir, "manifest.xml");
      writeFileSync(file, variant(idLine, "").replace("<Permissions>ReadWriteDocument", "<Permissions>ReadWriteMailbox"));
      const r = run(file);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/missing required element <Id>/);
      expect(r.stderr).toMatch(/Permissions must be ReadWriteDocument/);
      expect(r.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
