/**
 * @jest-environment node
 *
 * The office-addin-* tools must not phone home from a developer's or CI's run. package.json pins
 * office-addin-usage-data (through `overrides`) to the release in which reporting is removed; this test fails if an
 * upgrade brings back a version that reports, or a telemetry client.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..");

test("office-addin-usage-data は送信しない版に固定されている", () => {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  expect(pkg.overrides["office-addin-usage-data"]).toBe("3.0.0");
  const installed = JSON.parse(readFileSync(path.join(root, "node_modules", "office-addin-usage-data", "package.json"), "utf8"));
  expect(installed.version).toBe("3.0.0");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OfficeAddinUsageData } = require("office-addin-usage-data");
  const ud = new OfficeAddinUsageData({ projectName: "chosahyo", instrumentationKey: "x", raisePrompt: false, promptQuestion: "" });
  expect(ud.isUsageDataOn()).toBe(false);
});

test("テレメトリのクライアント（applicationinsights）が入っていない", () => {
  expect(existsSync(path.join(root, "node_modules", "applicationinsights"))).toBe(false);
  const lock = readFileSync(path.join(root, "package-lock.json"), "utf8");
  expect(lock).not.toMatch(/"node_modules\/applicationinsights"/);
  expect(lock).not.toMatch(/"node_modules\/(?:[^"]*\/)?office-addin-usage-data": \{\s*"version": "(?!3\.0\.0)/);
});
