FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends golang-go
# GOPATH was never set in this image: the first entry is empty.
ENV GOPATH=$GOPATH:/workspace
# ~ is not expanded by ENV: "GOPATH entry cannot start with shell metacharacter '~'".
ENV GOPATH=~/go
