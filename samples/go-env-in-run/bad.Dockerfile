FROM golang:1.22
WORKDIR /src
COPY . .
# Dies with this RUN's shell.
RUN export GO111MODULE=on
# Not exported: go build does not see it.
RUN GOFLAGS=-mod=vendor; go build -o /out/app .
