FROM golang:1.22
ENV GOPRIVATE=github.com/acme/*,git.corp.example
