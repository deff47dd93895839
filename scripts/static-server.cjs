// A tiny static file server for dist/: `npm run demo` and the browser tests. 127.0.0.1 only, GET/HEAD only,
// no directory listing, nothing outside the root.
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function handler(root, index) {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === "/") {
      res.writeHead(302, { Location: `/${index}` }).end();
      return;
    }
    const file = path.join(root, path.normalize(pathname).replace(/^([/\\])+/, ""));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404 Not Found\n");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
}

/**
 * Serves `root` on 127.0.0.1. `port` 0 takes any free port; otherwise the next free one from `port` on (up to
 * `tries` ports). Resolves to { server, port, url }.
 */
function serveStatic(root, { port = 0, tries = 20, index = "demo.html" } = {}) {
  const abs = path.resolve(root);
  return new Promise((resolve, reject) => {
    let attempt = 0;
    const listen = (p) => {
      const server = http.createServer(handler(abs, index));
      server.once("error", (e) => {
        if (e.code === "EADDRINUSE" && port !== 0 && attempt < tries) {
          attempt++;
          listen(p + 1);
        } else reject(e);
      });
      server.listen(p, "127.0.0.1", () => {
        const actual = server.address().port;
        resolve({ server, port: actual, url: `http://127.0.0.1:${actual}` });
      });
    };
    listen(port);
  });
}

module.exports = { serveStatic };
