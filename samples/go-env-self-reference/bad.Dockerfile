FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends golang-go
# $GOPATH still has its value from before this instruction (unset here).
ENV GOPATH=/workspace/go PATH=$GOPATH/bin:$PATH
