#!/usr/bin/env node
// The `chosahyo` command. It runs the bundle that `npm install` builds (the prepare script), and falls back to the
// TypeScript sources through tsx when the bundle is missing (for example after `npm install --ignore-scripts`).
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const bundle = path.join(__dirname, "..", "build", "cli", "chosahyo.cjs");
if (fs.existsSync(bundle)) {
  require(bundle);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "entry.ts"));
}
