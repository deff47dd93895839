/**
 * The CLI's V8 code cache (src/cli/code-cache.ts, run.ts): the build leaves one for its bundle, the command and the
 * folder pool's threads start from it, and a cache of another build or a damaged one is never used. Runs the bundle
 * that `npm test` builds first (scripts/build-cli.mjs), as a user's command does.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCache } from "../src/cli/code-cache";

const ROOT = path.resolve(__dirname, "..");
const BUILT = path.join(ROOT, "build", "cli");
const BIN = path.join(ROOT, "bin", "chosahyo.js");
const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");

function run(launcher: string, args: readonly string[], nodeFlags: readonly string[] = []): { code: number | null; stdout: string; states: string[] } {
  const r = spawnSync(process.execPath, [...nodeFlags, launcher, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, CHOSAHYO_CODE_CACHE: "report" } });
  const states = [...r.stderr.matchAll(/^code cache: (\w+)$/gm)].map((m) => m[1]);
  return { code: r.status, stdout: r.stdout, states };
}

/** The copy in `dir` checks the sample as it would with a good cache (its error findings, all 59 sheets), saying how it took the cache. */
function checksSample(dir: string, state: string, nodeFlags: readonly string[] = []): void {
  const r = run(path.join(dir, "run.cjs"), ["validate", SEED, "--json"], nodeFlags);
  expect(r.states).toEqual([state]);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).files[0].sheets).toHaveLength(59);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "chosahyo-code-cache-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the built launcher, bundle and cache, to spoil without touching the build. */
function copyOfBuild(name: string): string {
  const dir = path.join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const f of ["run.cjs", "chosahyo.cjs", "chosahyo.cjs.cache"]) copyFileSync(path.join(BUILT, f), path.join(dir, f));
  return dir;
}

describe("the code cache the build leaves", () => {
  test("exists, names the bundle it was made for, and the command takes it", () => {
    const source = readFileSync(path.join(BUILT, "chosahyo.cjs"), "utf8");
    const cached = readCache(path.join(BUILT, "chosahyo.cjs.cache"), source);
    expect(cached).toBeInstanceOf(Buffer);
    const r = run(BIN, ["validate", SEED, "--json"]);
    expect(r.code).toBe(1); // the sample's error findings
    expect(r.states).toEqual(["accepted"]);
    expect(JSON.parse(r.stdout).files[0].sheets).toHaveLength(59);
  });

  test("the folder pool's threads take it too", () => {
    const folder = path.join(tmp, "folder");
    mkdirSync(folder, { recursive: true });
    copyFileSync(SEED, path.join(folder, "a.xlsx"));
    copyFileSync(SEED, path.join(folder, "b.xlsx"));
    const r = run(BIN, ["validate", folder, "--json", "--jobs", "2"]);
    expect(r.code).toBe(1);
    // The command's own process, then one line from each of the two threads.
    expect(r.states).toEqual(["accepted", "accepted", "accepted"]);
    expect(JSON.parse(r.stdout).files.map((f: { sheets: unknown[] }) => f.sheets.length)).toEqual([59, 59]);
  });
});

describe("a cache that does not fit is not used, and the check runs as without one", () => {
  test("a bundle changed after the cache was made (same length, so V8 alone would take the cache): stale", () => {
    const dir = copyOfBuild("changed");
    const bundle = path.join(dir, "chosahyo.cjs");
    const source = readFileSync(bundle, "utf8");
    // One character of the bundle's own text changes; its length does not.
    const at = source.indexOf("Chosahyo Checker");
    expect(at).toBeGreaterThan(0);
    writeFileSync(bundle, source.slice(0, at) + "X" + source.slice(at + 1));
    expect(readCache(path.join(dir, "chosahyo.cjs.cache"), readFileSync(bundle, "utf8"))).toBe("stale");
    checksSample(dir, "stale");
  });

  // V8 does not check the data: given these bytes, node crashed with a segmentation fault.
  test("a damaged cache (bytes changed after the header): not given to V8", () => {
    const dir = copyOfBuild("damaged");
    const file = path.join(dir, "chosahyo.cjs.cache");
    const bytes = readFileSync(file);
    let header = 0;
    for (let line = 0; line < 3; line++) header = bytes.indexOf(0x0a, header) + 1; // the format, the bundle's hash, the data's
    for (let i = header + 64; i < bytes.length; i += 97) bytes[i] ^= 0xff;
    writeFileSync(file, bytes);
    expect(readCache(file, readFileSync(path.join(dir, "chosahyo.cjs"), "utf8"))).toBe("damaged");
    checksSample(dir, "damaged");
  });

  test("a cache V8 refuses (made under other V8 flags): compiled as usual", () => {
    checksSample(copyOfBuild("flags"), "rejected", ["--max-lazy"]);
  });

  test("no cache at all", () => {
    const dir = copyOfBuild("none");
    rmSync(path.join(dir, "chosahyo.cjs.cache"));
    expect(existsSync(path.join(dir, "chosahyo.cjs.cache"))).toBe(false);
    const r = run(path.join(dir, "run.cjs"), ["--help"]);
    expect(r.states).toEqual(["none"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("chosahyo validate");
  });
});
