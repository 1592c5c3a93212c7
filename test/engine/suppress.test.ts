import { parsePragma } from '../../src/parse/pragma';

describe('parsePragma', () => {
  it.each([
    ['godock-ignore secret-in-env', { ruleIds: ['secret-in-env'], file: false, source: 'godock' }],
    ['godock-ignore a,b c -- why not', { ruleIds: ['a', 'b', 'c'], file: false, source: 'godock', reason: 'why not' }],
    ['godock-ignore', { ruleIds: '*', file: false, source: 'godock' }],
    ['godock-ignore-file', { ruleIds: '*', file: true, source: 'godock' }],
    ['godock-ignore-file go-env-in-run -- legacy', { ruleIds: ['go-env-in-run'], file: true, source: 'godock', reason: 'legacy' }],
    ['hadolint ignore=DL3064,DL3008', { ruleIds: ['DL3064', 'DL3008'], file: false, source: 'hadolint' }],
    ['check=skip=SecretsUsedInArgOrEnv,JSONArgsRecommended', { ruleIds: ['SecretsUsedInArgOrEnv', 'JSONArgsRecommended'], file: true, source: 'buildkit' }],
    ['check=skip=all;error=true', { ruleIds: '*', file: true, source: 'buildkit' }],
  ])('%s', (text, expected) => {
    expect(parsePragma(text)).toEqual(expected);
  });
  it.each(['just a comment', 'godock-ignored', 'check=error=true', 'hadolint shell=bash'])('ignores %s', (text) => {
    expect(parsePragma(text)).toBeNull();
  });
});
