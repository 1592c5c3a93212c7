/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // Removes what an interrupted earlier run left on the Docker Engine, and anything left after this one.
  globalSetup: '<rootDir>/test/integration/sweep.ts',
  globalTeardown: '<rootDir>/test/integration/teardown.ts',
};
