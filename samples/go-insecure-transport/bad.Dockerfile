FROM golang:1.22
ENV GOPROXY=http://athens.example.com,direct
