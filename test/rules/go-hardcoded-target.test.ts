import rule from '../../rules/go-hardcoded-target';
import { ruleTester } from '../helpers/rule-tester';
import { lines as df } from '../helpers/text';

ruleTester(rule, {
  valid: [
    df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'ARG TARGETOS TARGETARCH', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .'),
    df('FROM --platform=${BUILDPLATFORM} golang:1.22 AS build', 'ARG TARGETARCH', 'ENV GOARCH=${TARGETARCH}', 'RUN go build -o /app .'),
    df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'ARG TARGETPLATFORM', 'RUN export GOARCH=$(echo $TARGETPLATFORM | cut -d/ -f2) && go build -o /app .'),
    { name: 'no --platform: native builds', code: df('FROM golang:1.22 AS build', 'RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /app .') },
    { name: 'GOOS=linux is fine', code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'ARG TARGETARCH', 'RUN GOOS=linux GOARCH=$TARGETARCH go build -o /app .') },
    { name: 'release matrix', code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'RUN GOARCH=amd64 go build -o /dist/x-amd64 . && GOARCH=arm64 go build -o /dist/x-arm64 .') },
    { name: 'xx-go sets the target itself', code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'COPY --from=tonistiigi/xx / /', 'RUN xx-go build -o /app .') },
    { name: 'tools for the build machine', code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'RUN go install github.com/golang/mock/mockgen@v1.6.0') },
    { name: 'release matrix across stages', code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS amd', 'RUN GOARCH=amd64 go build -o /x .', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS arm', 'RUN GOARCH=arm64 go build -o /x .') },
    { name: 'tool for the build machine, carried through scratch', code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS tool', 'RUN go build -o /out/lint ./cmd/lint', 'FROM scratch AS lint-bin', 'COPY --from=tool /out/lint /lint', 'FROM --platform=$BUILDPLATFORM golang:1.22', 'COPY --from=lint-bin /lint /usr/bin/lint') },
    { name: 'output never leaves the build platform', code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'RUN go build -o /app .') },
    { name: 'explicit platform', code: df('FROM --platform=linux/amd64 golang:1.22', 'RUN GOARCH=amd64 go build -o /app .') },
  ],
  invalid: [
    {
      code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /app .'),
      errors: [{ messageId: 'literal', line: 2, column: 37, endColumn: 42 }],
    },
    { code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'ENV GOARCH=arm64', 'RUN go build -o /app .'), errors: [{ messageId: 'literal', line: 2, column: 12 }] },
    { code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'ARG GOARCH=amd64', 'RUN go build -o /app .'), errors: [{ messageId: 'literal', line: 2, column: 12 }] },
    { code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS base', 'FROM base AS build', 'RUN go env -w GOARCH=amd64 && go build -o /app .'), errors: [{ messageId: 'literal', line: 3, column: 22 }] },
    {
      code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'WORKDIR /src', 'RUN CGO_ENABLED=0 go build -o /app .', 'FROM alpine', 'COPY --from=build /app /app'),
      errors: [{ messageId: 'missing', line: 3, column: 19, endColumn: 27 }],
    },
  ],
});
