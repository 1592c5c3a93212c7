FROM golang:1.22
RUN go env -w GOPROXY=https://goproxy.io,direct
RUN go env -w GOSUMDB=off
WORKDIR /src
COPY . .
RUN go build -o /out/app .
