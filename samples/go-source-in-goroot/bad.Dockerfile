# The project lives inside the Go distribution and is lost on every Go upgrade.
FROM golang:1.22
WORKDIR /usr/local/go/src/app
COPY . .
RUN go build -o /out/app .
