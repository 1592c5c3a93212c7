FROM golang:1.22
ENV GOFLAGS="-mod=vendor -trimpath -buildvcs=false"
RUN go build -ldflags="-s -w" -o /app .
