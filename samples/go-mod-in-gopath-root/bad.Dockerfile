# Default WORKDIR is /go (GOPATH): "$GOPATH/go.mod exists but should not".
FROM golang:1.22
COPY . .
RUN go build -o /out/app .
