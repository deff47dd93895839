// Web build: the Excel task pane and the browser demo. `npm run build` (production) or `npm run dev-server`.
//
//   dist/taskpane.html  the add-in's page, loaded by Excel. office.js from Microsoft's CDN (or dist/office/ with
//                       OFFICE_JS_LOCAL=1); no ExcelJS (the build fails if ExcelJS gets into it).
//   dist/demo.html      the browser demo and offline checker: no office.js at all. The workbook is held in a Web
//                       Worker whose bundle (the xlsx adapter and the sample workbook) esbuild builds first; the demo
//                       loads it as text, in a chunk of its own, and starts it from a Blob URL, so it also opens from a
//                       local folder (file://, where Chromium refuses a worker by URL). Where no worker can start, the
//                       same code runs on the page from another on-demand chunk.
//
//   --env lgwan        the closed-network (LGWAN) build, `npm run build:lgwan`: the same pages in dist-lgwan/, with
//                      office.js and every file it loads in dist-lgwan/office/ (scripts/office-js-files.cjs) and no
//                      reference to any other origin (the CSP allows only 'self'). An intranet web server serves the
//                      folder as it is. No manifest.xml, unless `--env base=https://…/` names where it is served: then
//                      dist-lgwan/manifest.xml has every URL under that base (scripts/manifest-base.cjs).
//   OFFICE_JS_LOCAL=1  load office.js from dist/office/ (the same files as the LGWAN build) instead of the CDN:
//                      offline development.
//   DEV_HTTPS=1        serve over https with the office-addin-dev-certs certificate (needs `sudo` on Linux, see
//                      the stack notes §4). Without it the dev server uses plain http and never touches the certs.
//
// After each build the size of every entry's JS is printed, raw and gzip, file by file. In production the build
// fails when the task pane's JS that opens it (its first load) is over the bar, 300 KB gzip, not counting office.js,
// or when everything taskpane.html can load (with the 年度 tab's work, fetched on first use) is over 400 KB. Both pages show a static message (from the message catalogue) in browsers that cannot run the app.
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { fallbackHtml, FALLBACK_CSS } = require("./scripts/fallback-page.cjs");
const { rebaseManifest } = require("./scripts/manifest-base.cjs");
const { officeJsFiles } = require("./scripts/office-js-files.cjs");

const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
const DEV_PORT = 3000;
/**
 * The task pane's size bar: production JS ≤ 300 KB gzip, office.js not counted, for the JS that opens the pane (what
 * every user loads, every time). Tools used once a year (配布, 回収, 年度更新, 新しい計画, with the file layer) are an
 * on-demand chunk; everything together is held under a ceiling of its own, so that chunk cannot grow unseen. KB here
 * means 1000 bytes, the stricter reading.
 */
const GZIP_BUDGET_BYTES = 300 * 1000;
const GZIP_CEILING_BYTES = 400 * 1000;
/** The entry the budget applies to. */
const BUDGET_ENTRY = "taskpane";

/**
 * Content-Security-Policy for a page: our own origin (and, for the task pane of the CDN build, the Office.js CDN)
 * only. No 'unsafe-eval' anywhere; 'unsafe-inline' for styles only, because Fluent UI (Griffel) injects <style>
 * elements.
 */
function contentSecurityPolicy(dev, { officeCdn, blobWorker }) {
  // webpack-dev-server's live-reload client talks over a WebSocket, which older browsers do not count as 'self'.
  const devSockets = dev ? ` ws://localhost:${DEV_PORT} wss://localhost:${DEV_PORT}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${officeCdn ? ` ${OFFICE_CDN_ORIGIN}` : ""}`,
    // The demo starts its worker from a Blob URL of its own bundle (file:// allows no other way).
    ...(blobWorker ? ["worker-src blob:"] : []),
    `connect-src 'self'${devSockets}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

// ---- the static message for browsers that cannot run the app, built from the message catalogue
// (scripts/fallback-page.cjs)

function catalogue() {
  // The catalogue is TypeScript; tsx (a dev dependency) loads it for the build.
  return require("tsx/cjs/api").require("./src/core/i18n/index.ts", __filename);
}

// ---- sizes and the budget

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** Every JS file an entry can load: its initial chunks and the chunks it loads on demand. */
function entryFiles(entrypoint) {
  const initial = new Set();
  const async = new Set();
  for (const chunk of entrypoint.chunks) {
    for (const f of chunk.files) if (f.endsWith(".js")) initial.add(f);
    for (const c of chunk.getAllAsyncChunks()) for (const f of c.files) if (f.endsWith(".js")) async.add(f);
  }
  return { initial: [...initial], async: [...async].filter((f) => !initial.has(f)) };
}

/** Every module an entry can load, as identifiers (modules concatenated by scope hoisting are listed one by one). */
function entryModules(compilation, entrypoint) {
  const out = [];
  const chunks = new Set();
  for (const chunk of entrypoint.chunks) {
    chunks.add(chunk);
    for (const c of chunk.getAllAsyncChunks()) chunks.add(c);
  }
  for (const chunk of chunks) {
    for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      if (m.modules) for (const inner of m.modules) out.push(inner.identifier());
      else out.push(m.identifier());
    }
  }
  return out;
}

/**
 * Prints each entry's JS files, raw and gzip; fails the build when the task pane's JS is over budget or contains
 * ExcelJS (which belongs to the demo only).
 */
class BundleSizePlugin {
  constructor({ budgetBytes, ceilingBytes, budgetEntry }) {
    this.budgetBytes = budgetBytes;
    this.ceilingBytes = ceilingBytes;
    this.budgetEntry = budgetEntry;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const { WebpackError } = compiler.webpack;
      const size = (name) => {
        // After emit webpack keeps only the size of each source, so read back what was written (memfs under the
        // dev server, the disk otherwise).
        const buf = Buffer.from(compiler.outputFileSystem.readFileSync(path.join(compilation.outputOptions.path, name)));
        return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
      };
      const lines = [];
      const width = 34;
      for (const [entry, ep] of compilation.entrypoints) {
        const { initial, async } = entryFiles(ep);
        const rows = [...initial.map((f) => ({ f, kind: "" })), ...async.map((f) => ({ f, kind: " (on demand)" }))].map((r) => ({ ...r, ...size(r.f) }));
        const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
        const first = rows.filter((r) => !r.kind).reduce((t, r) => t + r.gzip, 0);
        lines.push(`${entry}:`);
        for (const r of rows) lines.push(`  ${(r.f + r.kind).padEnd(width)} ${kb(r.raw).padStart(10)}  (gzip ${kb(r.gzip)})`);
        const budgeted = entry === this.budgetEntry && this.budgetBytes != null;
        const budget = budgeted ? `; budget: first load ${kb(this.budgetBytes)}, all ${kb(this.ceilingBytes)}` : "";
        lines.push(`  ${"total".padEnd(width)} ${kb(total.raw).padStart(10)}  (gzip ${kb(total.gzip)}; first load gzip ${kb(first)}${budget})`);
        if (entry === this.budgetEntry) {
          if (budgeted && first > this.budgetBytes) {
            compilation.errors.push(
              new WebpackError(
                `${entry} JS loaded on opening is ${kb(first)} gzip, over the ${kb(this.budgetBytes)} budget of the task pane. Use named imports from @fluentui/react-components, and load tools used once a year on demand.`,
              ),
            );
          }
          if (budgeted && total.gzip > this.ceilingBytes) {
            compilation.errors.push(new WebpackError(`${entry} JS with its on-demand chunks is ${kb(total.gzip)} gzip, over the ${kb(this.ceilingBytes)} ceiling.`));
          }
          const excel = entryModules(compilation, ep).filter((id) => /node_modules[\\/]exceljs[\\/]/.test(id));
          if (excel.length) {
            compilation.errors.push(new WebpackError(`${entry} must not include ExcelJS (it reaches workbooks through Office.js), but it has ${excel[0]}`));
          }
        }
      }
      console.log(`\n${lines.join("\n")}\n`);
    });
  }
}

// ---- the demo's worker, built by esbuild and embedded as text

/** Where the worker's bundle is written for the demo to import as text (`book-worker-source`). */
// Outside node_modules on purpose: webpack takes files there as unchanging (managedPaths) and would miss a rebuild.
const WORKER_SOURCE = path.resolve(__dirname, "build/demo/book-worker.js");

/**
 * Bundles src/taskpane/demo/book.worker.ts with esbuild into WORKER_SOURCE before each compilation (and each
 * rebuild under the dev server, whose watcher sees the worker's inputs). The page needs the worker as text to start it
 * from a Blob URL: a worker chunk emitted by webpack would be loaded by URL, which file:// pages cannot do.
 */
class InlineWorkerPlugin {
  constructor({ entry, outfile, dev }) {
    this.entry = entry;
    this.outfile = outfile;
    this.dev = dev;
    this.inputs = [];
    this.error = undefined;
  }

  apply(compiler) {
    const name = "InlineWorkerPlugin";
    const build = async () => {
      const esbuild = require("esbuild");
      try {
        const r = await esbuild.build({
          entryPoints: [this.entry],
          bundle: true,
          write: false,
          format: "iife",
          platform: "browser",
          target: "es2020",
          minify: !this.dev,
          legalComments: "none",
          metafile: true,
          logLevel: "silent",
          // The sample workbook as base64 text (book-host.ts decodes either this or webpack's data: URL).
          loader: { ".xlsx": "base64" },
          define: { "process.env.NODE_ENV": JSON.stringify(this.dev ? "development" : "production") },
        });
        this.inputs = Object.keys(r.metafile.inputs).map((p) => path.resolve(p));
        const code = r.outputFiles[0].text;
        // Written only when it changed, or the dev server's watcher would rebuild for nothing.
        if (!fs.existsSync(this.outfile) || fs.readFileSync(this.outfile, "utf8") !== code) {
          fs.mkdirSync(path.dirname(this.outfile), { recursive: true });
          fs.writeFileSync(this.outfile, code);
        }
        this.error = undefined;
      } catch (e) {
        this.error = e;
      }
    };
    compiler.hooks.beforeRun.tapPromise(name, build);
    compiler.hooks.watchRun.tapPromise(name, build);
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      for (const f of this.inputs) if (!f.includes(`${path.sep}node_modules${path.sep}`)) compilation.fileDependencies.add(f);
      if (this.error) compilation.errors.push(new compiler.webpack.WebpackError(`The demo's worker (${this.entry}) did not build: ${this.error.message}`));
    });
  }
}

module.exports = async (env = {}, argv) => {
  const dev = argv.mode !== "production";
  const lgwan = !!env.lgwan;
  const officeLocal = lgwan || !!process.env.OFFICE_JS_LOCAL;
  if (env.base && !lgwan) throw new Error("--env base=… is for the LGWAN build (--env lgwan); for dist/, run npm run manifest:base");
  const httpsOptions = process.env.DEV_HTTPS ? await require("office-addin-dev-certs").getHttpsServerOptions() : undefined;
  const i18n = catalogue();
  const page = (name, { office }) => ({
    title: i18n.t("ja", "app.name"),
    csp: contentSecurityPolicy(dev, { officeCdn: office && !officeLocal, blobWorker: name === "demo" }),
    fallbackHtml: fallbackHtml(i18n, name),
    fallbackCss: FALLBACK_CSS,
    officeJs: officeLocal ? "office/office.js" : OFFICE_CDN,
  });

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false, // no eval-based source maps: the CSP forbids eval
    entry: { taskpane: "./src/taskpane/index.tsx", demo: "./src/taskpane/demo/index.tsx" },
    output: {
      path: path.resolve(__dirname, lgwan ? "dist-lgwan" : "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Chunks load relative to the script that asks for them: works from a web server, an intranet share and file://.
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"], alias: { "book-worker-source$": WORKER_SOURCE } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } } },
        },
        // Sample workbooks are embedded (data: URL) in the demo's on-demand chunk: no fetch, so file:// works.
        { test: /\.xlsx$/, type: "asset/inline" },
        // The demo's worker bundle, as a string the page turns into a Blob URL.
        { include: WORKER_SOURCE, type: "asset/source" },
      ],
    },
    plugins: [
      new InlineWorkerPlugin({ entry: "./src/taskpane/demo/book.worker.ts", outfile: WORKER_SOURCE, dev }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: page("taskpane", { office: true }),
      }),
      new HtmlWebpackPlugin({
        filename: "demo.html",
        template: "./src/taskpane/demo/demo.html",
        chunks: ["demo"],
        templateParameters: page("demo", { office: false }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          // The LGWAN build gets a manifest only for a known base URL: one pointing at localhost would be wrong there.
          ...(!lgwan
            ? [{ from: "manifest.xml", to: "manifest.xml" }]
            : env.base
              ? [{ from: "manifest.xml", to: "manifest.xml", transform: (content) => rebaseManifest(content.toString(), env.base) }]
              : []),
          { from: "assets", to: "assets", noErrorOnMissing: true },
          { from: "src/taskpane/static/boot.js", to: "boot.js", info: { minimized: true } }, // ES5 as written
          // office.js and the files it loads, copied as they are: Terser would re-minify them (113 s instead of 9 s).
          ...(officeLocal ? officeJsFiles().map((f) => ({ from: f.from, to: `office/${f.to}`, toType: "file", info: { minimized: true } })) : []),
        ],
      }),
      new BundleSizePlugin({ budgetBytes: dev ? null : GZIP_BUDGET_BYTES, ceilingBytes: GZIP_CEILING_BYTES, budgetEntry: BUDGET_ENTRY }),
    ],
    // No vendor split: each of the demo's on-demand chunks (the worker's text; the page's fallback host with the
    // adapter and the sample) stays one file.
    // The 年度 tab's two on-demand chunks (its work; 回収 through Office.js) share the core's cycle code: that goes in
    // a third, so neither carries a copy.
    optimization: {
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          cycleShared: { name: "cycle-shared", chunks: (chunk) => chunk.name === "cycle" || chunk.name === "cycle-office", minChunks: 2, enforce: true },
        },
      },
    },
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      ...(httpsOptions ? { server: { type: "https", options: httpsOptions } } : {}),
    },
  };
};
