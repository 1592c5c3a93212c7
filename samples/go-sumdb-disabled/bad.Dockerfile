FROM golang:1.22
RUN go env -w GOPROXY=https://goproxy.cn,direct && go env -w GOSUMDB=off
RUN go install github.com/acme/tool@latest
