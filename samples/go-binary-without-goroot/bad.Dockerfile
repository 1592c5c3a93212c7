# Only the go binary is copied: "go: cannot find GOROOT directory: 'go' binary is trimmed
# and GOROOT is not set".
FROM golang:1.22-alpine AS go
FROM alpine:3.20
COPY --from=go /usr/local/go/bin/go /usr/local/bin/go
RUN go version
