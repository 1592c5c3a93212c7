FROM golang:1.22
# Not a Go variable: the checksum database is still consulted for these modules.
ENV GONOSUMCHECK=github.com/acme/*
ENV GOLANG_VERSION=1.21.0
WORKDIR /src
COPY . .
RUN go build -o /out/app .
