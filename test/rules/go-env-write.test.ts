import rule from '../../rules/go-env-write';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPROXY=https://goproxy.io,direct\n',
    'FROM golang:1.22\nRUN go env GOPATH\n',
    'FROM golang:1.22\nRUN go env -json\n',
  ],
  invalid: [
    {
      name: 'nilorg/golang-dockerfile GOPROXY',
      code: 'FROM golang:1.22\nRUN go env -w GOPROXY=https://goproxy.io,direct\n',
      errors: [{ messageId: 'write', line: 2, column: 23 }],
    },
    {
      name: 'nilorg/golang-dockerfile GOSUMDB',
      code: 'FROM golang:1.22\nRUN go env -w GOSUMDB=off\n',
      errors: [{ messageId: 'risky', line: 2, column: 23, endColumn: 26 }],
    },
    {
      code: 'FROM golang:1.22\nRUN go env -w GO111MODULE=on GOPROXY=https://goproxy.cn,direct\n',
      // GO111MODULE=on is go-module-mode's finding (redundant since Go 1.16): one finding per mistake.
      errors: [
        { messageId: 'write', line: 2, column: 38 },
      ],
    },
    {
      code: 'FROM golang:1.22\nRUN go env -w GOTOOLCHAIN=go1.23.0\n',
      errors: [{ messageId: 'overriddenByImage', line: 2, column: 27 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOFLAGS=-mod=vendor\nRUN go env -w GOFLAGS=-mod=mod\n',
      errors: [{ messageId: 'overridden', line: 3, column: 23 }],
    },
    {
      code: 'FROM golang:1.22\nRUN go env -w GOPROXY=https://goproxy.cn\nENV GOPROXY=https://proxy.golang.org\n',
      errors: [{ messageId: 'overridden', line: 2, column: 23 }],
    },
    {
      code: 'FROM golang:1.22\nRUN go env -w GOPRIVATE=github.com/acme/*\nUSER 1000\nRUN go mod download\n',
      errors: [{ messageId: 'otherUser', line: 2, column: 25 }],
    },
    {
      code: 'FROM golang:1.22\nRUN /usr/local/go/bin/go env -w GOROOT=/usr/lib/go\n',
      errors: [{ messageId: 'risky', line: 2, column: 40 }],
    },
  ],
});
