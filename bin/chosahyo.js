#!/usr/bin/env node
// The `chosahyo` command. It runs the bundle that `npm install` builds (the prepare script), and falls back to the
// TypeScript sources through tsx when the bundle is missing (for example after `npm install --ignore-scripts`).
"use strict";
const path = require("node:path");
const fs = require("node:fs");

// V8 optimises a function once a fixed amount of its bytecode has run (--interrupt-budget, 66 KB in V8 11). A check
// is a short run over a lot of code, in which most of those compilations never pay back, and on two cores they take
// the second core from the folder's other worker. A larger budget makes the runs faster (docs/file-layer.md,
// "Speed"). Set before any of the checker loads, and only on the V8 it was measured on; others keep their default.
if (/^11\./.test(process.versions.v8)) require("node:v8").setFlagsFromString("--interrupt-budget=500000");

const bundle = path.join(__dirname, "..", "build", "cli", "chosahyo.cjs");
if (fs.existsSync(bundle)) {
  require(bundle);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "entry.ts"));
}
