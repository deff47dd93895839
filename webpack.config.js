// Task-pane build. `npm run build` (production) or `npm run dev-server`.
//
//   OFFICE_JS_LOCAL=1  load office.js from dist/office/ (copied from node_modules/@microsoft/office-js, which must then
//                      be installed) instead of the CDN: offline development and browser tests only.
//   DEV_HTTPS=1        serve over https with the office-addin-dev-certs certificate (needs `sudo` on Linux, see
//                      the stack notes §4). Without it the dev server uses plain http and never touches the certs.
//
// After each build the sizes of the emitted JS files are printed, raw and gzip. In production the build fails
// when the total gzip size of the JS exceeds the task-pane bar (300 KB, not counting office.js).
const path = require("node:path");
const zlib = require("node:zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
const DEV_PORT = 3000;
/** The task-pane bar in bars.md: production JS ≤ 300 KB gzip. KB here means 1000 bytes, the stricter reading. */
const GZIP_BUDGET_BYTES = 300 * 1000;

/** Content-Security-Policy for the page: our own origin and the Office.js CDN only. */
function contentSecurityPolicy(dev) {
  // webpack-dev-server's live-reload client talks over a WebSocket, which older browsers do not count as 'self'.
  const devSockets = dev ? ` ws://localhost:${DEV_PORT} wss://localhost:${DEV_PORT}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN_ORIGIN}`,
    `connect-src 'self'${devSockets}`,
    "style-src 'self' 'unsafe-inline'", // Fluent UI (Griffel) injects <style> elements at run time
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** Prints each emitted .js file's size, raw and gzip, and fails the build when the gzip total is over budget. */
class BundleSizePlugin {
  constructor({ budgetBytes }) {
    this.budgetBytes = budgetBytes;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const rows = compilation
        .getAssets()
        .filter((a) => a.name.endsWith(".js") && !a.info.copied) // our bundles, not a copied office.js
        .map((a) => {
          // After emit webpack keeps only the size of each source, so read back what was written (memfs under the
          // dev server, the disk otherwise).
          const buf = Buffer.from(compiler.outputFileSystem.readFileSync(path.join(compilation.outputOptions.path, a.name)));
          return { name: a.name, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
        })
        .sort((x, y) => x.name.localeCompare(y.name));
      const width = Math.max(...rows.map((r) => r.name.length), 5);
      const line = (name, raw, gzip) => `${name.padEnd(width)}  ${kb(raw).padStart(9)}  (gzip ${kb(gzip)})`;
      const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
      const out = rows.map((r) => line(r.name, r.raw, r.gzip));
      if (rows.length > 1) out.push(line("total", total.raw, total.gzip));
      console.log(`\n${out.join("\n")}\n`);
      if (this.budgetBytes != null && total.gzip > this.budgetBytes) {
        const { WebpackError } = compiler.webpack;
        compilation.errors.push(
          new WebpackError(`JS bundle is ${kb(total.gzip)} gzip, over the ${kb(this.budgetBytes)} budget (bars.md, task pane). Use named imports from @fluentui/react-components.`),
        );
      }
    });
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const officeLocal = !!process.env.OFFICE_JS_LOCAL;
  const httpsOptions = process.env.DEV_HTTPS ? await require("office-addin-dev-certs").getHttpsServerOptions() : undefined;

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false, // no eval-based source maps: the CSP forbids eval
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs: officeLocal ? "office/office.js" : OFFICE_CDN, csp: contentSecurityPolicy(dev) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "assets", to: "assets", noErrorOnMissing: true },
          ...(officeLocal
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office",
                  globOptions: { ignore: ["**/*.debug.js"] },
                  filter: (p) => /[\\/](office|o15apptofilemappingtable)\.js$/.test(p),
                  info: { minimized: true }, // otherwise Terser re-minifies the copied JS (113 s instead of 9 s)
                },
              ]
            : []),
        ],
      }),
      new BundleSizePlugin({ budgetBytes: dev ? null : GZIP_BUDGET_BYTES }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      ...(httpsOptions ? { server: { type: "https", options: httpsOptions } } : {}),
    },
  };
};
