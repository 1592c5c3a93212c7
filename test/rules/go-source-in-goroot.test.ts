import rule from '../../rules/go-source-in-goroot';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build ./...\n',
    'FROM golang:1.22\nWORKDIR /go/src/github.com/acme/app\nCOPY . .\n',
    'FROM golang:1.22\nCOPY . /go/src/app\n',
    // installing Go itself
    'FROM alpine:3.20\nCOPY --from=golang:1.22-alpine /usr/local/go /usr/local/go\n',
    'FROM alpine:3.20\nCOPY --from=golang:1.22-alpine /usr/local/go/src /usr/local/go/src\n',
    // building Go from source works in GOROOT/src on purpose
    'FROM debian:bookworm\nCOPY go /usr/local/go\nWORKDIR /usr/local/go/src\nRUN ./make.bash\n',
    // a custom GOROOT elsewhere: /usr/local/go/src is just a directory
    'FROM golang:1.22-windowsservercore-ltsc2022\nWORKDIR C:\\\\src\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nWORKDIR /usr/local/go/src/app\nCOPY . .\nRUN go build -o /app\n',
      errors: [{ messageId: 'workdir', line: 2, column: 9, endColumn: 30 }],
    },
    {
      code: 'FROM golang:1.22\nCOPY . /usr/local/go/src/github.com/acme/app/\n',
      errors: [{ messageId: 'copy', line: 2, column: 8 }],
    },
    {
      code: 'FROM golang:1.22\nADD ./cmd /usr/local/go/src/myapp\n',
      errors: [{ messageId: 'copy', line: 2, column: 11 }],
    },
    {
      name: 'relative WORKDIR resolving into GOROOT/src',
      code: 'FROM golang:1.22\nWORKDIR /usr/local/go\nWORKDIR src/app\n',
      errors: [{ messageId: 'workdir', line: 3, column: 9 }],
    },
    {
      name: 'GOROOT set in the stage and used in the destination',
      code: 'FROM ubuntu:22.04\nENV GOROOT=/opt/go\nCOPY . $GOROOT/src/app\n',
      errors: [{ messageId: 'copy', line: 3, column: 8 }],
    },
    {
      code: 'FROM ubuntu:22.04\nRUN curl -fsSL https://go.dev/dl/go1.22.3.linux-amd64.tar.gz | tar -C /usr/local -xz\nWORKDIR /usr/local/go/src/app\n',
      errors: [{ messageId: 'workdir', line: 3, column: 9 }],
    },
  ],
});
