import rule from '../../rules/go-binary-without-goroot';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /usr/local/go /usr/local/go\nENV PATH=/usr/local/go/bin:$PATH\n',
    'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/bin/app\n',
    // tools from GOPATH/bin are not the go binary
    'FROM golang:1.22 AS tools\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nFROM alpine:3.20\nCOPY --from=tools /go/bin/dlv /usr/bin/dlv\nCOPY --from=tools /go/bin/ /usr/local/bin/\n',
    // gofmt needs no GOROOT
    'FROM alpine:3.20\nCOPY --from=golang:1.22-alpine /usr/local/go/bin/gofmt /usr/bin/gofmt\n',
    // binary copied into the bin directory of a copied tree
    'FROM alpine:3.20\nCOPY --from=golang:1.22-alpine /usr/local/go /opt/go\nCOPY --from=golang:1.22-alpine /usr/local/go/bin/go /opt/go/bin/go\n',
    // GOROOT names the copied tree
    'FROM alpine:3.20\nCOPY --from=golang:1.22-alpine /usr/local/go /opt/go\nCOPY --from=golang:1.22-alpine /usr/local/go/bin/go /usr/bin/go\nENV GOROOT=/opt/go\n',
    // hyperledger/fabric-ca: a GOBIN directory copied for the tools built into it
    'FROM ubuntu:22.04 AS builder\nRUN curl -sL https://go.dev/dl/go1.22.3.linux-amd64.tar.gz | tar zxf - -C /usr/local\nENV GOBIN=/usr/local/go/bin\nRUN go install ./cmd/server\nFROM ubuntu:22.04\nCOPY --from=builder /usr/local/go/bin /usr/local/bin\n',
    // into a golang stage: its own /usr/local/go/bin comes first on PATH
    'FROM golang:1.21 AS old\nFROM golang:1.22\nCOPY --from=old /usr/local/go/bin/go /usr/local/bin/go121\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.22-alpine AS build\nFROM alpine:3.20\nCOPY --from=build /usr/local/go/bin/go /usr/bin/go\nRUN go version\n',
      errors: [{ messageId: 'binaryOnly', line: 3, column: 19, endColumn: 39 }],
    },
    {
      code: 'FROM alpine:3.20\nCOPY --from=golang:1.22-alpine /usr/local/go/bin/ /usr/local/bin/\nRUN go version\n',
      errors: [{ messageId: 'binaryOnly', line: 2, column: 32 }],
    },
    {
      name: 'karantin2020/golang-docker: binary into /go/bin of a plain image',
      code: 'FROM golang:1.9-alpine AS builder\nFROM alpine:3.6\nCOPY --from=builder /usr/local/go/bin/go /go/bin/\nENV GOROOT /usr/local/go\n',
      errors: [{ messageId: 'binaryOnly', line: 3, column: 21 }],
    },
    {
      name: 'from a builder that unpacked Go itself',
      code: 'FROM debian:bookworm AS b\nRUN curl -fsSL https://go.dev/dl/go1.22.3.linux-amd64.tar.gz | tar -C /usr/local -xz\nFROM debian:bookworm-slim\nCOPY --from=b /usr/local/go/bin/go /usr/local/bin/go\n',
      errors: [{ messageId: 'binaryOnly', line: 4, column: 15 }],
    },
  ],
});
