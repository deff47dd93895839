// Unit and integration tests. Browser (Chromium) tests live in test/e2e and run with `npm run test:e2e`.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
  // One worker per core: jest's default leaves a core to its main process, which only waits here (on 2 cores the
  // suite took 3 min 9 s on one worker, 2 min 6 s on two).
  maxWorkers: "100%",
  setupFiles: ["<rootDir>/test/setup-env.js"],
};
