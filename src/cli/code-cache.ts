/**
 * The CLI's bundle run with a V8 code cache made for it at build time (docs/file-layer.md, Speed): the functions a
 * check uses are then read from the cache instead of being parsed and compiled on every start.
 *
 * The cache file begins with a header: the SHA-1 of the bundle it was made for, and the SHA-1 of the cached data.
 * V8 checks a cache only against the source's length, its own version and its flags, so a cache of another build of
 * the same length would be taken; and it does not check the data itself, so a damaged cache crashes the process.
 * The header keeps both from being used. A cache that V8 refuses (another Node, other flags) costs nothing: the
 * bundle compiles as usual.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";

const MAGIC = "chosahyo code cache 1\n";

/** How a run used the cache: taken, refused by V8, made for another build, damaged, or absent. */
export type CacheState = "accepted" | "rejected" | "stale" | "damaged" | "none";

export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

const sha1 = (data: string | Uint8Array): string => createHash("sha1").update(data).digest("hex");

function headerOf(source: string, data: Uint8Array): Buffer {
  return Buffer.from(`${MAGIC}${sha1(source)}\n${sha1(data)}\n`, "latin1");
}

/**
 * The cached data for `source` from `file`: undefined when there is none, "stale" when it was made for another
 * build, "damaged" when the data is not what was written.
 */
export function readCache(file: string, source: string): Buffer | "stale" | "damaged" | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const lines = bytes.subarray(0, 200).toString("latin1").split("\n");
  if (`${lines[0]}\n` !== MAGIC || lines[1] !== sha1(source) || lines.length < 4) return "stale";
  const data = bytes.subarray(MAGIC.length + lines[1].length + lines[2].length + 2);
  return lines[2] === sha1(data) ? data : "damaged";
}

/** The bundle compiled as Node compiles a CommonJS module, with the cache when there is a usable one. */
export function compileBundle(bundle: string, cacheFile = cacheFileOf(bundle)): { readonly state: CacheState; run(): void; writeCache(): void } {
  const source = readFileSync(bundle, "utf8");
  const cached = readCache(cacheFile, source);
  // The wrapper's own line is taken off (lineOffset), so stack traces give the bundle's line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: bundle,
    lineOffset: -1,
    ...(cached instanceof Buffer ? { cachedData: cached } : {}),
  });
  const state: CacheState = cached === undefined ? "none" : typeof cached === "string" ? cached : script.cachedDataRejected ? "rejected" : "accepted";
  return {
    state,
    run() {
      const mod = { exports: {} };
      (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void)(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
    },
    // After a run, the cache holds every function the run compiled, not just the top level.
    writeCache() {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      const data = script.createCachedData();
      writeFileSync(tmp, Buffer.concat([headerOf(source, data), data]));
      renameSync(tmp, cacheFile);
    },
  };
}
