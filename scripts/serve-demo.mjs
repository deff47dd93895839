// `npm run demo`: the browser demo. Builds the web pages when dist/ is missing or older than the sources
// (webpack, production), then serves dist/ on http://127.0.0.1:3000 (or the next free port) until Ctrl-C.
//   --port N     start looking for a free port at N (default 3000)
//   --no-build   serve dist/ as it is
//   --build      always build first
// The checker runs entirely in the browser tab: the workbook you open is never uploaded, this server only hands
// out the files of dist/. (The command-line demo of before is `npm run demo:cli`.)
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { serveStatic } = require("./static-server.cjs");

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : 3000;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("--port には 0〜65535 の数を指定してください / --port takes a number from 0 to 65535");
  process.exit(2);
}

/** Newest modification time under the given paths (files and folders, recursively). */
function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(path.join(p, n));
    else t = Math.max(t, st.mtimeMs);
  };
  paths.forEach((p) => walk(path.join(ROOT, p)));
  return t;
}

function needsBuild() {
  if (args.includes("--build")) return true;
  if (args.includes("--no-build")) return false;
  const page = path.join(DIST, "demo.html");
  if (!existsSync(page)) return true;
  return newest(["src", "seeds", "assets", "manifest.xml", "webpack.config.js", "package.json"]) > statSync(page).mtimeMs;
}

if (needsBuild()) {
  console.log("ブラウザー版をビルドしています… / building the web pages (webpack, production)…");
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync(path.join(DIST, "demo.html"))) {
  console.error("dist/demo.html がありません。npm run build:web を実行してください / dist/demo.html is missing: run npm run build:web");
  process.exit(1);
}

const { server, url } = await serveStatic(DIST, { port, index: "demo.html" });
console.log(`
調査票チェッカー ブラウザー版 / Chosahyo Checker in the browser:

  ${url}/demo.html

ブラウザーで開いてください。ファイルはブラウザーの中だけで処理されます。Ctrl-C で終了します。
Open it in a browser; files stay in the browser. Ctrl-C stops the server.
`);

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
