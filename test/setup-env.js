// jsdom leaves out TextDecoder/TextEncoder, which browsers have and the .xlsx adapter uses: give the test window
// Node's own, as a browser would have them.
const { TextDecoder, TextEncoder } = require("node:util");
if (typeof globalThis.TextDecoder === "undefined") globalThis.TextDecoder = TextDecoder;
if (typeof globalThis.TextEncoder === "undefined") globalThis.TextEncoder = TextEncoder;
