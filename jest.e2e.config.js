// Browser tests (headless Debian Chromium through playwright-core). Run with `npm run test:e2e`, which builds first.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 120000,
  maxWorkers: 1,
  verbose: true,
};
