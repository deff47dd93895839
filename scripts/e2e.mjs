// `npm run test:e2e`: builds the web pages (production: dist/, and the closed-network build dist-lgwan/ with its
// manifest for an example intranet base) and the CLI, then runs the browser tests in test/e2e with Debian's Chromium
// (/usr/bin/chromium, never a downloaded browser). Exits non-zero when anything fails. Other arguments go to Jest
// (a test file's path runs that file only).
//   --no-build   reuse dist/ and dist-lgwan/ as they are
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium fonts-noto-cjk`);
  process.exit(1);
}

const args = process.argv.slice(2);
const run = (cmd, argv, env = {}) => {
  const r = spawnSync(cmd, argv, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!args.includes("--no-build")) {
  run(process.execPath, ["node_modules/webpack-cli/bin/cli.js", "--mode", "production"]);
  // test/e2e/lgwan.test.ts checks the manifest against this base.
  run(process.execPath, ["node_modules/webpack-cli/bin/cli.js", "--mode", "production", "--env", "lgwan", "--env", "base=https://intranet.example.lg.jp/chosahyo/"]);
  run(process.execPath, ["scripts/build-cli.mjs"]);
}
run(process.execPath, ["node_modules/jest/bin/jest.js", "-c", "jest.e2e.config.js", ...args.filter((a) => a !== "--no-build")]);
