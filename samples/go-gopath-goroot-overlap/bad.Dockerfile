FROM golang:1.22
# "warning: GOPATH set to GOROOT (/usr/local/go) has no effect"
ENV GOPATH=/usr/local/go
WORKDIR /src
COPY . .
RUN go build -o /out/app .
