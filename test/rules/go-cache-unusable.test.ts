import rule from '../../rules/go-cache-unusable';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOCACHE=/tmp/go-cache GOMODCACHE=/go/pkg/mod GOBIN=/usr/local/bin\n',
    'FROM golang:1.22\nRUN GOCACHE=~/.cache/go go build .\n',
    'FROM golang:1.22\nUSER root\nRUN go build .\n',
    'FROM golang:1.22\nRUN useradd -m app\nUSER app\nRUN go build .\n',
    'FROM golang:1.22\nRUN useradd -u 1000 -m app\nUSER 1000\nRUN go build .\n',
    'FROM golang:1.22\nUSER 1000\nENV GOCACHE=/tmp/gocache\nRUN go build .\n',
    'FROM golang:1.22\nUSER 1000\nENV HOME=/tmp\nRUN go build .\n',
    'FROM golang:1.22\nUSER 1000\nRUN --mount=type=cache,target=/tmp/.cache/go-build,uid=1000 GOCACHE=/tmp/.cache/go-build go build .\n',
    'FROM golang:1.22\nUSER 1000\nRUN go mod download\n',
    // not the golang image: HOME and the cache are unknown
    'FROM node:20\nUSER 1000\nRUN go build .\n',
    'FROM golang:1.22\nRUN useradd -ms /bin/bash app\nUSER app\nRUN go build .\n',
    'FROM golang:1.22\nRUN useradd app && mkdir -p /home/app && chown app /home/app\nUSER app\nRUN go build .\n',
    'FROM golang:1.22-alpine\nRUN adduser -D app\nUSER app\nRUN go build .\n',
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nUSER 65532\nCOPY --from=build /app /app\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nENV GOCACHE=off\n',
      errors: [{ messageId: 'off', line: 2, column: 13, endColumn: 16 }],
    },
    {
      code: 'FROM golang:1.22\nRUN GOCACHE=off go build ./...\n',
      errors: [{ messageId: 'off', line: 2, column: 13 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOCACHE=.cache GOMODCACHE=pkg/mod GOBIN=bin\n',
      errors: [
        { messageId: 'relative', line: 2, column: 13 },
        { messageId: 'relative', line: 2, column: 31 },
        { messageId: 'relative', line: 2, column: 45 },
      ],
    },
    {
      code: 'FROM golang:1.22\nENV GOMODCACHE=~/go/pkg/mod\n',
      errors: [{ messageId: 'relative', line: 2, column: 16 }],
    },
    {
      name: 'numeric USER without a passwd entry: HOME=/',
      code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nUSER 1000:1000\nRUN go build -o /tmp/app .\n',
      errors: [{ messageId: 'homeless', line: 4, column: 6, endColumn: 15 }],
    },
    {
      code: 'FROM golang:1.22 AS base\nUSER nobody\nFROM base AS test\nRUN go test ./...\n',
      errors: [{ messageId: 'homeless', line: 2, column: 6 }],
    },
    {
      name: 'useradd without -m: /home/app does not exist',
      code: 'FROM golang:1.22\nRUN useradd -r -u 1001 app\nUSER app\nRUN go test ./...\n',
      errors: [{ messageId: 'homeless', line: 3, column: 6, endColumn: 9 }],
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOCACHE: "off"\n',
      errors: [{ messageId: 'off', line: 5, column: 17 }],
    },
    {
      filename: '.env',
      code: 'GOCACHE=off\nGOBIN=./bin\n',
      errors: [
        { messageId: 'off', line: 1, column: 9 },
        { messageId: 'relative', line: 2, column: 7 },
      ],
    },
  ],
});
