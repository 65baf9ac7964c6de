// Each kind of test gets a timeout that fits what it does, never jest's 5 s default: on a loaded
// two-core machine a test takes several times as long as on an idle one.
const TIMEOUTS_MS = {
  // In-process tests: the slowest wait out a JWKS refetch cooldown or a retry's backoff, a second or two.
  unit: 15_000,
  // Tests that run the product in child processes against the sandbox: whole jobs (the bundled main and
  // post steps) or the CLI. The fault tests assert that a run ends within a 60 s hang bound; the timeout
  // leaves room beyond it, so that a slow run fails on that check, which says how slow, not on jest's.
  processes: 120_000,
};

const PROCESS_TESTS = ['<rootDir>/test/e2e/', '<rootDir>/test/security/faults/', '<rootDir>/test/cli/'];

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { rewriteRelativeImportExtensions: false } }],
  },
};

/** @type {import('jest').Config} */
export default {
  // Real Redis and PostgreSQL for the whole run, on loopback (test/setup/servers.ts).
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // jest-circus takes testTimeout from this level only, for every project; the processes project raises
  // its own through a setup file that reads it from the project's globals.
  testTimeout: TIMEOUTS_MS.unit,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...PROCESS_TESTS] },
    {
      ...shared,
      displayName: 'processes',
      testMatch: PROCESS_TESTS.map((dir) => `${dir}**/*.test.ts`),
      globals: { processTestTimeoutMs: TIMEOUTS_MS.processes },
      setupFilesAfterEnv: ['<rootDir>/test/e2e/process-timeout.ts'],
    },
  ],
};
