import rule from '../../rules/go-env-self-reference';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPATH=/x\nENV PATH=$GOPATH/bin:$PATH\n',
    'FROM ubuntu:22.04\nENV GOPATH=$GOPATH:/x\n',
    'FROM ubuntu:22.04\nENV GOROOT=/opt/go GOPATH=/opt/gopath\n',
    'FROM ubuntu:22.04\nENV GOPATH=/x PATH=\\$GOPATH/bin:$PATH\n',
    'FROM ubuntu:22.04\nENV APP=/x PATH=$APP/bin:$PATH\n',
  ],
  invalid: [
    {
      name: 'gitpod-io/workspace-images#74',
      code: 'FROM ubuntu:22.04\nENV GOPATH=/workspace/go PATH=$GOPATH/bin:$PATH\n',
      errors: [{ messageId: 'stale', line: 2, column: 31, endColumn: 38 }],
    },
    {
      code: 'FROM golang:1.22\nENV GOPATH=/workspace/go PATH="${GOPATH}/bin:$PATH"\n',
      errors: [{ messageId: 'stale', line: 2, column: 32, endColumn: 41 }],
    },
    {
      name: 'same value as the image default: info',
      code: 'FROM golang:1.22\nENV GOPATH=/go PATH=$GOPATH/bin:$PATH\n',
      errors: [{ messageId: 'sameValue', line: 2, column: 21 }],
    },
    {
      code: 'FROM ubuntu:22.04\nENV PATH=$GOROOT/bin:$PATH \\\n    GOROOT=/usr/local/go\n',
      errors: [{ messageId: 'stale', line: 2, column: 10 }],
    },
    {
      code: 'FROM ubuntu:22.04\nENV GOROOT=/usr/local/go GOPATH=/go PATH=$GOROOT/bin:$GOPATH/bin:$PATH\n',
      errors: [
        { messageId: 'stale', line: 2, column: 42 },
        { messageId: 'stale', line: 2, column: 54 },
      ],
    },
  ],
});
