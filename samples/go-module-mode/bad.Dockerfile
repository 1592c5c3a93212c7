FROM golang:1.22
ENV GO111MODULE=ON
RUN go build -o /app .
