import rule from '../../rules/go-noop-setting';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPATH=/go GOFLAGS=-mod=vendor CGO_ENABLED=0 GOPRIVATE=github.com/acme/*\n',
    'FROM golang:1.22\nENV GO_ENV=production GO_VERSION=1.22 GOLANG_VERSION=1.22.5\n',
    'FROM golang:1.22.3\nENV GOLANG_VERSION=1.22.3\n',
    'FROM golang:latest\nENV GOLANG_VERSION=1.19\n',
    // a project variable the file reads
    'FROM golang:1.22\nENV GO_ARCH=arm64\nRUN GOARCH=$GO_ARCH go build .\n',
    'FROM golang:1.22\nARG GO_PATH=/x\n',
    'FROM golang:1.22\nRUN GO_FLAGS=-v make build\n',
    // building Go ≤1.22 from source may still set it
    'FROM debian:bookworm\nENV GOROOT_FINAL=/usr/lib/go\nRUN cd /usr/src/go/src && ./make.bash\n',
    // Windows names are case-insensitive
    'FROM golang:1.22-windowsservercore-ltsc2022\nENV GoPath=C:\\\\go\n',
    'FROM golang:1.22\nENV GORACE=halt_on_error=1 GOMAXPROCS=2 GODEBUG=http2client=0\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nENV GONOSUMCHECK=github.com/acme/*\n',
      errors: [{ messageId: 'unknown', line: 2, column: 5, endColumn: 17 }],
    },
    {
      code: 'FROM golang:1.22\nENV GO_PATH=/go GOFALGS=-mod=vendor\n',
      errors: [
        { messageId: 'unknown', line: 2, column: 5 },
        { messageId: 'unknown', line: 2, column: 17 },
      ],
    },
    {
      code: 'FROM golang:1.22\nENV GOPROXIES=https://goproxy.io\n',
      errors: [{ messageId: 'unknown', line: 2, column: 5 }],
    },
    {
      code: 'FROM golang:1.22\nENV gopath=/go\n',
      errors: [{ messageId: 'wrongCase', line: 2, column: 5 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOROOT_FINAL=/usr/local/go\n',
      errors: [{ messageId: 'gorootFinal', line: 2, column: 5 }],
    },
    {
      code: 'ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION}-alpine\nENV GOLANG_VERSION=1.21.0\n',
      errors: [{ messageId: 'golangVersion', line: 3, column: 20 }],
    },
    {
      code: 'FROM golang:1.22\nRUN go env -w GO111MODUEL=on\n',
      errors: [{ messageId: 'unknown', line: 2, column: 15 }],
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GONOSUMCHECK: "*"\n',
      errors: [{ messageId: 'unknown', line: 5, column: 7 }],
    },
    {
      filename: '.env',
      code: 'GO_PROXY=https://goproxy.io\n',
      errors: [{ messageId: 'unknown', line: 1, column: 1, endColumn: 9 }],
    },
  ],
});
