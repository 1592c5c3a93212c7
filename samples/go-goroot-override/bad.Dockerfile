# GOROOT pointing where the golang image has no Go: every go command fails with
# "go: cannot find GOROOT directory: /usr/lib/go".
FROM golang:1.22 AS build
ENV GOROOT=/usr/lib/go
WORKDIR /src
COPY . .
RUN go build -o /out/app .
