import { parseDockerfile } from '../../src/parse/dockerfile';
import { copyDestination, envAt, goRootsAt, stageChain } from '../../src/facts/stage-context';

const df = (text: string) => parseDockerfile('Dockerfile', text);

describe('stage context', () => {
  it('walks stage ancestry and the environment at a line', () => {
    const m = df('FROM golang:1.22 AS base\nENV GOPATH=/x\nFROM base AS test\nENV GOFLAGS=-v\nRUN go test\n');
    expect(stageChain(m, 'test').map((s) => s.name)).toEqual(['test', 'base']);
    expect(envAt(m, 'base', 2).get('GOPATH')).toBe('/go');
    expect(envAt(m, 'test', 4).get('GOPATH')).toBe('/x');
    expect(envAt(m, 'test', 4).has('GOFLAGS')).toBe(false);
    expect(envAt(m, 'test', 5).get('GOFLAGS')).toBe('-v');
  });

  it('finds Go installs: the image, copied trees, ancestors of the tree', () => {
    const m = df(
      'FROM golang:1.22 AS build\nFROM alpine:3.20 AS a\nCOPY --from=build /usr/local/go /opt/go\nFROM alpine:3.20 AS b\nCOPY --from=golang:1.21 /usr/local/ /usr/local/\nFROM alpine:3.20 AS c\nCOPY --from=build /usr/local/go/bin/go /usr/bin/go\n',
    );
    expect(goRootsAt(m, 'build', 99)).toEqual(['/usr/local/go']);
    expect(goRootsAt(m, 'a', 99)).toEqual(['/opt/go']);
    expect(goRootsAt(m, 'a', 3)).toEqual([]);
    expect(goRootsAt(m, 'b', 99)).toEqual(['/usr/local/go']);
    expect(goRootsAt(m, 'c', 99)).toEqual([]);
  });

  it('resolves copy destinations against the WORKDIR', () => {
    const m = df('FROM golang:1.22\nCOPY . .\nWORKDIR /src\nCOPY a ./b/\nCOPY c $X\n');
    expect(m.copies.map((c) => copyDestination(c, false))).toEqual(['/go', '/src/b', null]);
  });
});
