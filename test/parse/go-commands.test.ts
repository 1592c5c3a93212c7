import { goInvocations } from '../../src/facts/go-commands';
import { simpleCommands } from '../../src/text/shell';

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
