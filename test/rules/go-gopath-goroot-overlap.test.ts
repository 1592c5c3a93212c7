import rule from '../../rules/go-gopath-goroot-overlap';
import { lintWith, ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPATH=/go\n',
    'FROM golang:1.22\nENV GOPATH=/usr/local/gopath\n',
    'FROM golang:1.22\nENV GOPATH=/usr/local/go2\n',
    'FROM ubuntu:22.04\nENV GOPATH=/usr/local/go\n',
    'FROM ubuntu:22.04\nENV GOROOT=/opt/go\nENV GOPATH=/opt/gopath\n',
    { filename: '.env', code: 'GOPATH=/usr/local/go\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nENV GOPATH=/usr/local/go\n',
      errors: [{ messageId: 'equal', line: 2, column: 12, endColumn: 25 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOPATH=/usr/local/go/\n',
      errors: [{ messageId: 'equal', line: 2, column: 12 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOPATH=/usr/local/go/workspace\n',
      errors: [{ messageId: 'inside', line: 2, column: 12 }],
    },
    {
      code: 'FROM ubuntu:22.04\nENV GOROOT=/opt/go\nENV GOPATH=/opt/go\n',
      errors: [{ messageId: 'equal', line: 3, column: 12 }],
    },
    {
      code: 'FROM ubuntu:22.04\nENV GOROOT=/opt/go GOPATH=/opt/go/path\n',
      errors: [{ messageId: 'inside', line: 2, column: 27 }],
    },
    {
      code: 'FROM ubuntu:22.04\nENV GOPATH=/opt/go\nENV GOROOT=/opt/go/\n',
      errors: [{ messageId: 'gorootIsGopath', line: 3, column: 12 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOPATH=/go:/usr/local/go\n',
      errors: [{ messageId: 'equal', line: 2, column: 12 }],
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22-bookworm\n    environment:\n      GOPATH: /usr/local/go\n',
      errors: [{ messageId: 'equal', line: 5, column: 15 }],
    },
  ],
});

describe('go-gopath-goroot-overlap suggestions', () => {
  it('never suggests the directory that overlaps', () => {
    const r = lintWith(rule, 'FROM ubuntu:22.04\nENV GOROOT=/go\nENV GOPATH=/go/work\n');
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringContaining('Use a directory outside it such as /root/go.')]);
  });
  it('suggests /go when it is free', () => {
    const r = lintWith(rule, 'FROM ubuntu:22.04\nENV GOROOT=/usr/local/go\nENV GOPATH=/usr/local/go\n');
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringContaining('Use a separate directory such as /go.')]);
  });
});
