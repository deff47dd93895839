#!/usr/bin/env node
// The `chosahyo` command. It runs the bundle that `npm install` builds (the prepare script) through its launcher,
// build/cli/run.cjs (src/cli/run.ts), and falls back to the TypeScript sources through tsx when the bundle is missing
// (for example after `npm install --ignore-scripts`).
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const launcher = path.join(__dirname, "..", "build", "cli", "run.cjs");
if (fs.existsSync(launcher) && fs.existsSync(path.join(__dirname, "..", "build", "cli", "chosahyo.cjs"))) {
  require(launcher);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "entry.ts"));
}
