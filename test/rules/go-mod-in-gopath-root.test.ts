import rule from '../../rules/go-mod-in-gopath-root';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build ./...\n',
    'FROM golang:1.22\nWORKDIR /usr/src/app\nCOPY go.mod go.sum ./\nRUN go mod download\n',
    // no go command afterwards
    'FROM golang:1.22\nCOPY . .\n',
    // GOPATH mode ignores go.mod
    'FROM golang:1.22\nENV GO111MODULE=off\nCOPY . .\nRUN go build .\n',
    // another GOPATH: /go is just a directory
    'FROM golang:1.22\nENV GOPATH=/gopath\nCOPY . .\nRUN go build .\n',
    // sources from a subdirectory
    'FROM golang:1.22\nCOPY src/ .\nRUN go build .\n',
    // plain images have no GOPATH
    'FROM alpine:3.20\nWORKDIR /go\nCOPY . .\nRUN go build .\n',
    'FROM golang:1.22\nCOPY . /go/src/app\nWORKDIR /go/src/app\nRUN go build .\n',
  ],
  invalid: [
    {
      name: 'docker-library/golang#458: default WORKDIR /go',
      code: 'FROM golang:1.19\nCOPY . .\nRUN go build -o /app\n',
      errors: [{ messageId: 'gopathRoot', line: 2, column: 8, endColumn: 9 }],
    },
    {
      code: 'FROM golang:1.22 AS build\nCOPY go.mod go.sum ./\nRUN go mod download\n',
      errors: [{ messageId: 'gopathRoot', line: 2, column: 20 }],
    },
    {
      code: 'FROM golang:1.22\nWORKDIR $GOPATH\nCOPY go.mod /go/go.mod\nRUN go mod download\n',
      errors: [{ messageId: 'gopathRoot', line: 3, column: 13 }],
    },
    {
      name: 'go run in a child stage',
      code: 'FROM golang:1.22 AS base\nCOPY . /go/\nFROM base AS test\nRUN go test ./...\n',
      errors: [{ messageId: 'gopathRoot', line: 2, column: 8 }],
    },
  ],
});
