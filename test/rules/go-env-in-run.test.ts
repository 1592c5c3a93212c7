import rule from '../../rules/go-env-in-run';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nRUN CGO_ENABLED=0 GOOS=linux go build -o /app .\n',
    'FROM golang:1.22\nRUN export GOPROXY=https://proxy.golang.org && go mod download\n',
    'FROM golang:1.22\nRUN export GOFLAGS=-mod=vendor; make build\n',
    // already exported by ENV: a plain assignment changes it for later commands
    'FROM golang:1.22\nENV GOFLAGS=-mod=mod\nRUN GOFLAGS=-mod=vendor; go build .\n',
    'FROM golang:1.22\nRUN GOFLAGS=-mod=vendor; export GOFLAGS; go build .\n',
    'FROM golang:1.22\nRUN set -a; GOFLAGS=-mod=vendor; go build .\n',
    'FROM golang:1.22\nRUN export APP_ENV=prod\n',
    'FROM golang:1.22\nENV GO111MODULE=on\n',
    // unknown base image: GOPATH may already be exported
    'FROM gcr.io/cloud-builders/go:debian\nRUN GOPATH=/go && go get -u github.com/golang/dep/cmd/dep\n',
  ],
  invalid: [
    {
      name: 'bepro9/go-api',
      code: 'FROM golang:1.22\nRUN export GO111MODULE=on\nRUN go build .\n',
      errors: [{ messageId: 'dies', line: 2, column: 12, endColumn: 23 }],
    },
    {
      name: 'Davidpavan/login',
      code: 'FROM golang:1.22\nRUN GOPATH=~/go\nRUN go get\n',
      errors: [{ messageId: 'dies', line: 2, column: 5 }],
    },
    {
      name: 'seccome/Ehoney',
      code: 'FROM ubuntu:22.04\nRUN export PATH=$PATH:/usr/local/go/bin\n',
      errors: [{ messageId: 'dies', line: 2, column: 12 }],
    },
    {
      code: 'FROM golang:1.22\nRUN mkdir -p /x && export GOPATH=/x && echo done\n',
      errors: [{ messageId: 'dies', line: 2, column: 27 }],
    },
    {
      code: 'FROM golang:1.22\nRUN GOFLAGS=-mod=vendor; go build .\n',
      errors: [{ messageId: 'notExported', line: 2, column: 5 }],
    },
    {
      code: 'FROM golang:1.22\nRUN <<EOF\nset -e\nexport CGO_ENABLED=0\nEOF\n',
      errors: [{ messageId: 'dies', line: 4, column: 8 }],
    },
  ],
});
