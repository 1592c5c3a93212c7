FROM golang:1.22
ENV GOFLAGS="-ldflags=-s -w"
