import rule from '../../rules/go-cgo-libc-mismatch';
import { lintWith, ruleTester } from '../helpers/rule-tester';
import { lines as df } from '../helpers/text';

ruleTester(rule, {
  valid: [
    df('FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 GOOS=linux go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app'),
    df('FROM golang:1.22 AS build', 'ENV CGO_ENABLED=0', 'WORKDIR /src', 'RUN go build -o /out/app .', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /out/app /app'),
    df('FROM golang:1.22 AS build', 'RUN export CGO_ENABLED=0 && go build -o /app .', 'FROM alpine:3.20', 'COPY --from=build /app /app'),
    df('FROM golang:1.22 AS build', 'RUN go build -tags netgo,osusergo -o /app .', 'FROM scratch', 'COPY --from=build /app /app'),
    df('FROM golang:1.22 AS build', 'RUN go build -ldflags "-s -w -extldflags \'-static\'" -o /app .', 'FROM scratch', 'COPY --from=build /app /app'),
    { name: 'glibc runtime image', code: df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM gcr.io/distroless/base-debian12', 'COPY --from=build /app /app') },
    { name: 'debian runtime image', code: df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM debian:12-slim', 'COPY --from=build /app /app') },
    { name: 'alpine builder without a C compiler', code: df('FROM golang:1.22-alpine AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app') },
    { name: 'alpine builder into alpine', code: df('FROM golang:1.22-alpine AS build', 'RUN apk add --no-cache gcc musl-dev', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY --from=build /app /app') },
    { name: 'only certificates copied', code: df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/') },
    { name: 'cross-compiled: cgo off', code: df('FROM golang:1.22 AS build', 'RUN GOARCH=arm64 go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app') },
    { name: 'unknown GOARCH', code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app') },
    { name: 'xx-go wrapper', code: df('FROM golang:1.22 AS build', 'RUN xx-go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app') },
    { name: 'other output copied', code: df('FROM golang:1.22 AS build', 'RUN go build -o /bin/tool ./cmd/tool', 'RUN CGO_ENABLED=0 go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app') },
    { name: 'go install of another tool', code: df('FROM golang:1.22 AS build', 'RUN CGO_ENABLED=0 go build -o /usr/local/bin/app .', 'RUN GOBIN=/usr/local/bin go install github.com/google/go-licenses@latest', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /usr/local/bin/app /app') },
    { name: 'static flags in a script variable', code: df('FROM golang:1.22 AS build', 'RUN LD="-extldflags \'-static\'" && go build -ldflags="$LD" -o /app .', 'FROM scratch', 'COPY --from=build /app /app') },
    { name: 'scratch carrier used by another stage', code: df('FROM golang:1.22-alpine AS build', 'RUN apk add gcc musl-dev && go build -o /out/tool .', 'FROM scratch AS tool-bin', 'COPY --from=build /out/tool /tool', 'FROM golang:1.22-alpine', 'COPY --from=tool-bin /tool /usr/bin/tool') },
    { name: 'scratch export stage before the image', code: df('FROM golang:1.22 AS build', 'RUN go build -o /out/app .', 'FROM scratch AS binary', 'COPY --from=build /out /', 'FROM debian:12', 'COPY --from=build /out/app /app') },
    { name: 'alpine with a glibc loader shim', code: df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'RUN apk add --no-cache gcompat', 'COPY --from=build /app /app') },
    { name: 'valid values in compose', filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      CGO_ENABLED: "0"\n' },
  ],
  invalid: [
    {
      code: df('FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app'),
      errors: [{ messageId: 'noLibc', line: 4, column: 5, endColumn: 13 }],
    },
    {
      code: df('FROM golang:1.22 AS build', 'ENV CGO_ENABLED=1', 'RUN go build -o /app .', 'FROM gcr.io/distroless/static:nonroot', 'COPY --from=build /app /app'),
      errors: [{ messageId: 'noLibc', line: 2, column: 17, endColumn: 18 }],
    },
    {
      code: df('FROM golang:1.22-bookworm AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=1 go build', 'FROM alpine:3.20', 'COPY --from=build /app/server /usr/local/bin/'),
      errors: [{ messageId: 'musl', line: 4, column: 17 }],
    },
    {
      name: 'ignored value falls back to the default',
      code: df('FROM golang:1.22 AS build', 'RUN CGO_ENABLED=false go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app'),
      errors: [{ messageId: 'badValue', line: 2, column: 17 }, { messageId: 'noLibc', line: 2, column: 23 }],
    },
    {
      name: 'go install into GOPATH/bin',
      code: df('FROM golang:1.22 AS build', 'RUN go install github.com/acme/tool@v1.0.0', 'FROM scratch', 'COPY --from=build /go/bin/tool /tool'),
      errors: [{ messageId: 'noLibc', line: 2, column: 5, endColumn: 15 }],
    },
    {
      name: 'alpine builder with gcc into scratch',
      code: df('FROM golang:1.22-alpine AS build', 'RUN apk add --no-cache gcc musl-dev', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=0 /app /app'),
      errors: [{ messageId: 'noLibc', line: 3, column: 5 }],
    },
    {
      name: 'native build on the build platform',
      code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app'),
      errors: [{ messageId: 'noLibc', line: 2, column: 5 }],
    },
    {
      name: 'GOOS=linux GOARCH=amd64 is native on the default platform',
      code: df('FROM golang:1.22 AS build', 'RUN GOOS=linux GOARCH=amd64 go build -o app main.go', 'FROM scratch', 'COPY --from=build /go/app /app'),
      errors: [{ messageId: 'noLibc', line: 2, column: 29 }],
    },
    { code: 'FROM golang:1.22\nENV CGO_ENABLED=true\n', errors: [{ messageId: 'badValue', line: 2, column: 17, endColumn: 21 }] },
    { filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      - CGO_ENABLED=no\n', errors: [{ messageId: 'badValue', line: 5, column: 21 }] },
    { filename: '.env', code: 'CGO_ENABLED=false\n', errors: [{ messageId: 'badValue', line: 1, column: 13 }] },
  ],
});

describe('go-cgo-libc-mismatch severities', () => {
  it.each([
    [df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app'), 'error', 'has no C library'],
    [df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=build /app /app'), 'warning', 'has musl'],
    ['FROM golang:1.22\nENV CGO_ENABLED=yes\n', 'warning', 'only recognises 0 and 1'],
  ])('%j', (code, severity, text) => {
    const [f] = lintWith(rule, code).findings;
    expect(f?.severity).toBe(severity);
    expect(f?.message).toContain(text);
  });
});
