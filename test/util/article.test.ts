import { indefiniteArticle } from '../../src/util/article';

describe('indefiniteArticle', () => {
  it.each([
    ['AWS secret access key', 'an'],
    ['npm token', 'an'],
    ['amd64', 'an'],
    ['arm64', 'an'],
    ['386', 'a'],
    ['s390x', 'an'],
    ['ppc64le', 'a'],
    ['SSH private key', 'an'],
    ['JWT', 'a'],
    ['URL with a password', 'a'],
    ['GitHub personal access token', 'a'],
    ['OpenAI API key', 'an'],
    ['Azure storage account key', 'an'],
    ['unique name', 'a'],
    ['user name', 'a'],
    ['Slack bot token', 'a'],
    ['GOROOT', 'a'],
    ['HTTP URL', 'an'],
    ['8-bit value', 'an'],
  ])('%s → %s', (phrase, want) => expect(indefiniteArticle(phrase)).toBe(want));
});
