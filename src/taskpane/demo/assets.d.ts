/** Sample workbooks are inlined into the demo build as data: URLs (webpack `asset/inline`), so file:// works. */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}

/** The demo worker's bundle, as text (webpack.config.js builds it with esbuild): the page starts it from a Blob URL. */
declare module "book-worker-source" {
  const source: string;
  export default source;
}
