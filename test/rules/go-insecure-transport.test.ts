import rule from '../../rules/go-insecure-transport';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { lintText } from '../../src/lint';
import { lintWith, ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPROXY=https://proxy.golang.org,direct\n',
    'FROM golang:1.22\nENV GOPROXY=direct\n',
    'FROM golang:1.22\nENV GOPROXY=off\n',
    { name: 'loopback proxy', code: 'FROM golang:1.22\nENV GOPROXY=http://localhost:3000,http://127.0.0.1:8081|direct\n' },
    { name: 'file proxy', code: 'FROM golang:1.22\nENV GOPROXY=file:///go/pkg/mod/cache/download\n' },
    { name: 'healthy GOFLAGS', code: 'FROM golang:1.22\nENV GOFLAGS=-mod=vendor\n' },
    { name: 'empty GOINSECURE', code: 'FROM golang:1.22\nENV GOINSECURE=\n' },
    { name: 'unknown proxy', code: 'FROM golang:1.22\nARG GOPROXY\nENV GOPROXY=${GOPROXY}\n' },
    { name: 'compose interpolation', filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOPROXY: ${GOPROXY:-http://athens:3000}\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.22\nENV GOINSECURE=git.corp.example\n', errors: [{ messageId: 'goinsecure', line: 2, column: 16, endColumn: 32 }] },
    { code: 'FROM golang:1.22\nENV GOINSECURE=*\n', errors: [{ messageId: 'goinsecureBroad', line: 2, column: 16 }] },
    {
      name: 'an expanded value is reported on the value as written (fuzz seed 1581022898)',
      code: 'FROM golang:1.22 AS build\nENV GOPATH=/srv/go GOINSECURE=${GOPATH}/bin\n',
      errors: [{ messageId: 'goinsecure', line: 2, column: 31, endColumn: 44 }],
    },
    { code: 'FROM golang:1.22\nRUN GOINSECURE=git.corp.example,github.com go mod download\n', errors: [{ messageId: 'goinsecure', line: 2, column: 16 }, { messageId: 'goinsecureBroad', line: 2, column: 33, endColumn: 43 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS=-insecure\n', errors: [{ messageId: 'insecureFlag', line: 2, column: 13, endColumn: 22 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-mod=vendor -insecure"\n', errors: [{ messageId: 'insecureFlag', line: 2, column: 26, endColumn: 35 }] },
    { code: 'FROM golang:1.22\nRUN go env -w GOFLAGS=-insecure=true\n', errors: [{ messageId: 'insecureFlag', line: 2, column: 23 }] },
    { code: 'FROM golang:1.22\nENV GOPROXY=http://athens.internal:3000,direct\n', errors: [{ messageId: 'httpProxy', line: 2, column: 13, endColumn: 40 }] },
    { code: 'FROM golang:1.22\nENV GOPROXY="https://goproxy.cn|http://mirror.example.com"\n', errors: [{ messageId: 'httpProxy', line: 2, column: 33 }] },
    { code: 'FROM golang:1.22\nARG GOPROXY=HTTP://Mirror.Example.com\n', errors: [{ messageId: 'httpProxy', line: 2, column: 13 }] },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      - GOPROXY=http://athens:3000\n',
      errors: [{ messageId: 'httpProxy', line: 5, column: 17, endColumn: 35 }],
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        GOPROXY: http://athens:3000\n',
      errors: [{ messageId: 'httpProxy', line: 6, column: 18 }],
    },
    { filename: '.env', code: 'GOINSECURE=gitlab.corp.example\n', errors: [{ messageId: 'goinsecure', line: 1, column: 12 }] },
    {
      name: 'credentials in the proxy URL never reach the output',
      code: 'FROM golang:1.22\nENV GOPROXY=http://builder:Zq8FAKEFAKEpass@athens.example.com\n',
      errors: [{ messageId: 'httpProxy', line: 2, column: 13 }],
      secret: 'Zq8FAKEFAKEpass',
    },
  ],
});

describe('go-insecure-transport', () => {
  const code = 'FROM golang:1.22\nENV GOPROXY=http://athens.internal:3000,direct\n';
  it('trusts proxies from go.trusted-proxies (host or URL)', () => {
    for (const trusted of ['athens.internal', 'athens.internal:3000', 'http://athens.internal:3000']) {
      const r = lintText('Dockerfile', code, { rules: [rule], config: { ...DEFAULT_CONFIG, trustedProxies: [trusted] } });
      expect(r.findings).toEqual([]);
    }
    const other = lintText('Dockerfile', code, { rules: [rule], config: { ...DEFAULT_CONFIG, trustedProxies: ['other.internal'] } });
    expect(other.findings).toHaveLength(1);
  });
  it('quotes the go error for -insecure', () => {
    const [f] = lintWith(rule, 'FROM golang:1.22\nENV GOFLAGS=-insecure\n').findings;
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('go: -insecure flag is no longer supported; use GOINSECURE instead');
  });
});
