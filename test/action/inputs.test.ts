import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { getInput, readInputs, setOutput, changedFiles } from '../../src/action';

describe('Action inputs', () => {
  it('reads INPUT_<NAME> with hyphens kept, trimmed', () => {
    expect(getInput({ 'INPUT_FAIL-LEVEL': ' error \n' }, 'fail-level')).toBe('error');
  });

  it('defaults', () => {
    expect(readInputs({})).toEqual({ paths: ['.'], config: '', failLevel: null, format: 'stylish', sarifFile: '', onlyChanged: false, annotations: true });
  });

  it('paths: one per line, blanks and comments dropped', () => {
    expect(readInputs({ INPUT_PATHS: 'docker/**/Dockerfile\n\n# note\n  compose.yaml  \r\n' }).paths).toEqual(['docker/**/Dockerfile', 'compose.yaml']);
  });

  it.each([
    ['INPUT_ANNOTATIONS', 'maybe', /annotations/],
    ['INPUT_ONLY-CHANGED', 'sure', /only-changed/],
    ['INPUT_FAIL-LEVEL', 'fatal', /fail-level/],
    ['INPUT_FORMAT', 'html', /format/],
  ])('%s=%s is rejected', (k, v, re) => {
    expect(() => readInputs({ [k]: v })).toThrow(re);
  });

  it.each([
    ['off', false],
    ['FALSE', false],
    ['on', true],
    ['True', true],
  ])('annotations=%s → %s', (v, b) => {
    expect(readInputs({ INPUT_ANNOTATIONS: v }).annotations).toBe(b);
  });
});

describe('setOutput', () => {
  it('appends heredoc-delimited values (multi-line safe)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'godock-out-')), 'out');
    writeFileSync(file, '');
    setOutput({ GITHUB_OUTPUT: file }, 'findings', '3');
    setOutput({ GITHUB_OUTPUT: file }, 'multi', 'a\nb');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^findings<<(ghadelimiter_[0-9a-f-]{36})\n3\n\1\nmulti<<(ghadelimiter_[0-9a-f-]{36})\na\nb\n\2\n$/);
  });
});

describe('changedFiles fallbacks', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'godock-ev-'));
  const ev = (payload: unknown) => {
    const p = path.join(dir, `${Math.random()}.json`);
    writeFileSync(p, JSON.stringify(payload));
    return p;
  };
  it.each([
    [{ GITHUB_EVENT_NAME: 'push' }, /pull_request events/],
    [{ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }, /cannot read the event payload/],
    [{ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: ev({ pull_request: { base: { sha: '--output=/etc/x' }, head: { sha: 'abc1234' } } }) }, /no pull_request base\/head/],
  ])('%j → fallback', (env, re) => {
    const r = changedFiles(env, dir);
    expect('fallback' in r && r.fallback).toMatch(re);
  });
});
