FROM golang:1.22
WORKDIR /src
ENV GOFLAGS="-C=/src -race=yes -tags"
