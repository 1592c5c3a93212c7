FROM golang:1.22
ENV GOPROXY=https://goproxy.cn,direct GOSUMDB=sum.golang.google.cn GOPRIVATE=github.com/acme/*
RUN go install github.com/acme/tool@latest
