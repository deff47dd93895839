/** The CLI inflates, deflates and checks zip entries with Node's zlib (native) rather than the portable JavaScript codec. */
import zlib from "node:zlib";
import { crc32 as portableCrc32, useZipCodec } from "../workbook/xlsx/zip";

export function useNativeZip(): void {
  const crc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32; // Node ≥ 20.15
  useZipCodec({
    // maxOutputLength one past the declared size: a longer stream throws, and is reported as a damaged part.
    inflateRaw: (data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size + 1) }),
    deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
    crc32: crc ? (data) => crc(data) : portableCrc32,
  });
}
