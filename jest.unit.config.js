/**
 * `npm run test:unit`: the fast inner loop. Rules, parsers, classifier, engine, reporters and rule
 * docs, in-process: no build, no Docker Engine, no corpus, no child processes.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/{rules,parse,classify,engine,report}/**/*.test.ts', '<rootDir>/test/docs.test.ts'],
};
