/**
 * `npm run test:unit`: the fast inner loop. Rules, parsers, classifier, Go knowledge, engine,
 * reporters, utilities and rule docs, in-process: no build, no Docker Engine, no corpus.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/{rules,parse,classify,go,engine,report,util}/**/*.test.ts', '<rootDir>/test/docs.test.ts', '<rootDir>/test/architecture.test.ts'],
};
