/** Sample workbooks are inlined into the demo build as data: URLs (webpack `asset/inline`), so file:// works. */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}
