FROM golang:1.22
ENV GOTOOLCHAIN=auto
RUN go build -o /app .
