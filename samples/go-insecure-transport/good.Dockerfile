FROM golang:1.22
ENV GOPROXY=https://athens.example.com,direct
