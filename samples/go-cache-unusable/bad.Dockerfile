FROM golang:1.22
WORKDIR /src
COPY . .
# uid 1000 has no passwd entry: HOME=/ and /.cache/go-build cannot be created.
USER 1000:1000
RUN go build -o /tmp/app .
