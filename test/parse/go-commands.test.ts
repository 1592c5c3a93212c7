import { goInvocations } from '../../src/facts/go-commands';
import { simpleCommands } from '../../src/text/shell';
import { parseDockerfile } from '../../src/parse/dockerfile';

describe('goInvocations', () => {
  it.each([
    ['go build ./...', ['build']],
    ['CGO_ENABLED=0 GOOS=linux go build -o /app .', ['build']],
    ['cd /src && /usr/local/go/bin/go mod download; sudo -E go install ./cmd/x', ['mod', 'install']],
    ['env GOFLAGS=-mod=vendor go test ./... | tee out', ['test']],
    ['go -C sub vet ./...', ['vet']],
    ['go version', ['version']],
    ['go', ['']],
    ['echo go build', []],
    ['gofmt -l .', []],
    ['make go', []],
  ])('%s', (text, subs) => expect(goInvocations(text).map((g) => g.sub)).toEqual(subs));

  it('keeps prefix assignments and offsets', () => {
    const [c] = simpleCommands('GOCACHE=/tmp/c go build');
    expect(c!.assignments.map((w) => w.raw)).toEqual(['GOCACHE=/tmp/c']);
    expect(c!.head!.value).toBe('go');
    expect(c!.start).toBe(0);
    const cmds = simpleCommands('export A=1 && go build');
    expect(cmds.map((x) => [x.head?.value, x.start])).toEqual([['export', 0], ['go', 14]]);
  });
});

describe('commands inside compound commands (apache/apisix-docker)', () => {
  it.each([
    ['if [ -n "$CN" ]; then go env -w GOPROXY=https://goproxy.cn,direct; fi', ['GOPROXY']],
    ['while false; do export GOFLAGS=-mod=mod; done', ['GOFLAGS']],
    ['if go env -w GOPRIVATE=corp.example/*; then echo ok; fi', ['GOPRIVATE']],
    ['{ GOSUMDB=off go mod download; }', ['GOSUMDB']],
  ])('%s', (script, names) => {
    const m = parseDockerfile('Dockerfile', `FROM golang:1.22\nRUN ${script}\n`);
    expect(m.assignments.filter((a) => a.kind === 'run' || a.kind === 'go-env-w').map((a) => a.name)).toEqual(names);
  });
});
