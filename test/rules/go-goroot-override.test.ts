import rule from '../../rules/go-goroot-override';
import { lintWith, ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nRUN go build ./...\n',
    'FROM golang:1.22\nRUN GOROOT="$(go env GOROOT)" ./scripts/dist.sh\n',
    // custom toolchain unpacked to /opt/go in a plain image
    'FROM debian:bookworm\nRUN curl -fsSL https://go.dev/dl/go1.22.3.linux-amd64.tar.gz | tar -C /opt -xz\nENV GOROOT=/opt/go PATH=/opt/go/bin:$PATH\n',
    // unknown base: where Go lives is not known
    'FROM myorg/builder:1\nENV GOROOT=/usr/lib/go\n',
    // a second toolchain installed inside a golang stage
    'FROM golang:1.22\nRUN go install golang.org/dl/go1.21.0@latest && go1.21.0 download\nCOPY --from=golang:1.21 /usr/local/go /opt/go1.21\nENV GOROOT=/opt/go1.21\n',
    'FROM golang:1.22\nENV GOROOT=/usr/local/go1.23\nRUN mkdir -p $GOROOT && curl -fsSL https://go.dev/dl/go1.23.0.linux-amd64.tar.gz | tar -C $GOROOT --strip-components=1 -xz\n',
    { filename: 'compose.yaml', code: 'services:\n  app:\n    image: alpine:3.20\n    environment:\n      GOROOT: /usr/lib/go\n' },
    { filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOROOT: ${GOROOT}\n' },
    { filename: '.env', code: 'GOROOT=/usr/lib/go\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nENV GOROOT /usr/lib/go\nRUN go build ./...\n',
      errors: [{ messageId: 'mismatch', line: 2, column: 12, endColumn: 23 }],
    },
    {
      code: 'FROM golang:1.22-alpine AS build\nENV GOROOT=/usr/local/go\n',
      errors: [{ messageId: 'redundant', line: 2, column: 12, endColumn: 25 }],
    },
    {
      name: 'inherited through a stage alias and an ARG-substituted tag',
      code: 'ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION} AS base\nFROM base AS build\nENV GOROOT=/go\n',
      errors: [{ messageId: 'mismatch', line: 4, column: 12 }],
    },
    {
      code: 'FROM golang:1.22\nRUN export GOROOT=$HOME/go && go version\nRUN GOROOT=/usr/lib/go go build .\n',
      errors: [{ messageId: 'mismatch', line: 3, column: 12, endColumn: 23 }],
    },
    {
      code: 'FROM golang:1.22\nRUN go env -w GOROOT=/usr/local/go/\n',
      errors: [{ messageId: 'redundant', line: 2, column: 22 }],
    },
    {
      name: 'Go tree copied into a plain image, GOROOT pointing elsewhere',
      code: 'FROM alpine:3.20\nCOPY --from=golang:1.22-alpine /usr/local/go /usr/local/go\nENV GOROOT=/usr/lib/go\n',
      errors: [{ messageId: 'mismatch', line: 3, column: 12 }],
    },
    {
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /usr/local/ /usr/local/\nENV GOROOT=/usr/local/go\n',
      errors: [{ messageId: 'redundant', line: 4, column: 12 }],
    },
    {
      code: 'FROM golang:1.22-windowsservercore-ltsc2022\nENV GOROOT=C:\\\\go\n',
      errors: [{ messageId: 'mismatch', line: 2, column: 12 }],
    },
    {
      code: 'FROM golang:1.22-nanoserver\nENV GOROOT="C:/Program Files/Go"\n',
      errors: [{ messageId: 'redundant', line: 2, column: 13 }],
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      - GOROOT=/usr/lib/go\n',
      errors: [{ messageId: 'mismatch', line: 5, column: 16, endColumn: 27 }],
    },
    {
      filename: 'docker-compose.yml',
      code: 'services:\n  app:\n    image: docker.io/library/golang:1.22\n    environment:\n      GOROOT: /usr/local/go\n',
      errors: [{ messageId: 'redundant', line: 5, column: 15 }],
    },
  ],
});

describe('go-goroot-override with Go from distribution packages', () => {
  it.each([
    ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends golang-go git\nENV GOROOT=/usr/local/go\n', 'mismatch', '/usr/lib/go'],
    ['FROM ubuntu:22.04\nRUN apt-get install -y golang-1.21-go\nENV GOROOT=/usr/local/go\n', 'mismatch', '/usr/lib/go-1.21'],
    ['FROM alpine:3.20\nRUN apk add --no-cache go\nENV GOROOT=/usr/local/go\n', 'mismatch', '/usr/lib/go'],
    ['FROM fedora:40\nRUN dnf install -y golang\nENV GOROOT=/usr/lib/golang\n', 'redundant', '/usr/lib/golang'],
  ])('%j', (code, messageId, root) => {
    const [f] = lintWith(rule, code).findings;
    expect(f?.messageId).toBe(messageId);
    expect(f?.message).toContain(messageId === 'mismatch' ? `installed at ${root}` : root);
  });
  it('a tarball unpacked at the value is a custom toolchain', () => {
    expect(lintWith(rule, 'FROM debian:12\nRUN apt-get install -y golang-go && curl -L https://go.dev/dl/go1.22.tgz | tar -C /usr/local -xz\nENV GOROOT=/usr/local/go\n').findings).toEqual([]);
  });
});
