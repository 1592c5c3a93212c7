import rule from '../../rules/go-gopath-invalid';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPATH=/go\n',
    'FROM golang:1.22\nENV GOPATH=/go:/workspace\n',
    'FROM golang:1.22\nENV GOPATH=$GOPATH:/workspace\n',
    'FROM golang:1.22\nENV GOPATH=\n',
    'FROM golang:1.22\nENV GOPATH=/a::/b\n',
    // the shell expands an unquoted ~ in an assignment
    'FROM golang:1.22\nRUN GOPATH=~/go go env GOPATH\n',
    'FROM golang:1.22-windowsservercore-ltsc2022\nENV GOPATH=C:\\\\gopath;D:\\\\work\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV GOPATH=C:\\\\gopath\n',
    // unknown base image may set GOPATH itself
    'FROM myorg/base:1\nENV GOPATH=$GOPATH:/x\n',
    'FROM ubuntu:22.04\nENV GOPATH=/root/go\nENV GOPATH=$GOPATH:/x\n',
    'FROM ubuntu:22.04\nARG GOPATH\nENV GOPATH=$GOPATH:/x\n',
    { filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOPATH: ${GOPATH:-/go}\n' },
    { filename: '.env', code: 'GOPATH=/go\n' },
    // a project .env only feeds compose interpolation, where ~ in volume paths is expanded
    { filename: '.env', code: 'GOPATH=~/go\n' },
    // unknown OS (moby/buildkit escape fixtures): a rooted Windows path
    '# escape=`\nFROM image\nENV GOPATH \\go\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nENV GOPATH=go\n',
      errors: [{ messageId: 'relative', line: 2, column: 12, endColumn: 14 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOPATH=~/go\n',
      errors: [{ messageId: 'tilde', line: 2, column: 12 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOPATH=":/go"\n',
      errors: [{ messageId: 'emptyFirst', line: 2, column: 13, endColumn: 17 }],
    },
    {
      name: '$GOPATH:/x while GOPATH is unset in a plain OS image',
      code: 'FROM ubuntu:22.04\nENV GOPATH=$GOPATH:/workspace\n',
      errors: [{ messageId: 'emptyFirst', line: 2, column: 12 }],
    },
    {
      code: 'FROM alpine:3.20 AS a\nFROM a\nRUN export GOPATH=${GOPATH}:/src && go build ./...\n',
      errors: [{ messageId: 'emptyFirst', line: 3, column: 19 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOPATH=/go:./vendor\n',
      errors: [{ messageId: 'relative', line: 2, column: 12 }],
    },
    {
      code: 'FROM golang:1.22\nRUN go env -w GOPATH=~/go\n',
      errors: [{ messageId: 'tilde', line: 2, column: 22 }],
    },
    {
      code: 'FROM golang:1.22\nRUN GOPATH="~/go" go build\n',
      errors: [{ messageId: 'tilde', line: 2, column: 12 }],
    },
    {
      name: 'a Windows path on a Linux golang image is relative',
      code: 'FROM golang:1.22\nENV GOPATH=C:\\\\go\n',
      errors: [{ messageId: 'relative', line: 2, column: 12 }],
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      - GOPATH=~/go\n',
      errors: [{ messageId: 'tilde', line: 5, column: 16 }],
    },
    {
      filename: 'app.env',
      code: 'GOPATH=workspace\n',
      errors: [{ messageId: 'relative', line: 1, column: 8, endColumn: 17 }],
    },
    {
      filename: 'go.env',
      code: 'GOPATH=~/go\n',
      errors: [{ messageId: 'tilde', line: 1, column: 8 }],
    },
    {
      filename: '.env',
      code: 'GOPATH=workspace\n',
      errors: [{ messageId: 'relative', line: 1, column: 8, endColumn: 17 }],
    },
  ],
});
