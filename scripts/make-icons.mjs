// Generates the add-in icons in assets/ (a clipboard with a check mark) using only Node built-ins.
//
//   node scripts/make-icons.mjs          write assets/icon-{16,32,64,80,128}.png
//   node scripts/make-icons.mjs --check  exit 1 if a committed icon differs from what this script draws
//
// The drawing is vector shapes in a unit square, rasterised with 8×8 supersampling per pixel, so every size is
// drawn from the same design and the output is byte-for-byte reproducible.
import { deflateSync } from "node:zlib";
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 8;

// ---- PNG encoder ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes straight (non-premultiplied) RGBA pixels, row-major, as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- Drawing -------------------------------------------------------------------------------------------------

const hex = (s) => [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16)];
const BOARD = hex("#107C41"); // Excel green
const CLIP = hex("#0B5A2F");
const PAPER = hex("#FFFFFF");
const LINE = hex("#C8D6CE");
const CHECK = hex("#107C41");

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The colour at a point of the unit square, or null where the icon is transparent. Later layers win. */
function colourAt(x, y, size) {
  // Small icons get thicker strokes and no ruled lines, so they stay legible at 16 px.
  const small = size <= 32;
  let c = null;
  if (inRoundRect(x, y, 0.14, 0.1, 0.86, 0.96, 0.09)) c = BOARD;
  if (inRoundRect(x, y, 0.23, 0.2, 0.77, 0.88, 0.04)) c = PAPER;
  if (!small) {
    for (const ly of [0.34, 0.78]) {
      if (y >= ly - 0.012 && y <= ly + 0.012 && x >= 0.31 && x <= 0.69) c = LINE;
    }
  }
  if (inRoundRect(x, y, 0.34, 0.04, 0.66, 0.22, 0.05)) c = CLIP;
  const half = small ? 0.065 : 0.05;
  if (
    distToSegment(x, y, 0.33, 0.56, 0.46, 0.69) <= half ||
    distToSegment(x, y, 0.46, 0.69, 0.68, 0.42) <= half
  ) {
    c = CHECK;
  }
  return c;
}

export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            covered++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((covered / n) * 255);
      }
    }
  }
  return encodePng(size, size, rgba);
}

// ---- CLI -----------------------------------------------------------------------------------------------------

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
  const check = process.argv.includes("--check");
  let stale = 0;
  if (!check) mkdirSync(assets, { recursive: true });
  for (const size of SIZES) {
    const file = join(assets, `icon-${size}.png`);
    const png = drawIcon(size);
    if (check) {
      if (!existsSync(file) || !readFileSync(file).equals(png)) {
        console.error(`stale or missing: assets/icon-${size}.png`);
        stale++;
      }
    } else {
      writeFileSync(file, png);
      console.log(`assets/icon-${size}.png  ${png.length} bytes`);
    }
  }
  if (check) {
    if (stale > 0) {
      console.error(`${stale} icon(s) differ; run: node scripts/make-icons.mjs`);
      process.exit(1);
    }
    console.log(`icons up to date (${SIZES.length})`);
  }
}
