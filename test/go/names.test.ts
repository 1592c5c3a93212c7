import { editDistance, goNameNoop } from '../../src/go/names';
import { golangTagVersion, goVersionsAgree, isPlainOsImage } from '../../src/go/image';

describe('goNameNoop', () => {
  it.each([
    ['GONOSUMCHECK', 'curated', 'GONOSUMDB'],
    ['GOPROXIES', 'curated', 'GOPROXY'],
    ['GO_PATH', 'nearMiss', 'GOPATH'],
    ['GOFALGS', 'nearMiss', 'GOFLAGS'],
    ['GO111MODUEL', 'nearMiss', 'GO111MODULE'],
    ['CGO_ENABLE', 'nearMiss', 'CGO_ENABLED'],
    ['gopath', 'case', 'GOPATH'],
  ] as const)('%s is a %s of %s', (name, kind, meant) => expect(goNameNoop(name)).toEqual({ kind, meant }));

  it.each(['GOPATH', 'GOOSE', 'GO_ENV', 'GO_VERSION', 'GOLANG_VERSION', 'GORACE', 'GOPACKAGESDRIVER', 'GOARM', 'GOBIN_DIR', 'GOTAGS', 'APP_PATH', 'GOROOT_FINAL'])(
    '%s is left alone',
    (name) => expect(goNameNoop(name)).toBeNull(),
  );

  it('is case-insensitive on Windows', () => expect(goNameNoop('GoPath', true)).toBeNull());
  it('counts transpositions as one edit', () => expect(editDistance('GOFALGS', 'GOFLAGS')).toBe(1));
});

describe('golang image versions', () => {
  it.each([
    ['golang:1.22.3-alpine', '1.22.3'],
    ['golang:1.21rc2', '1.21rc2'],
    ['golang:1.22', '1.22'],
    ['golang:latest', null],
    ['golang', null],
    ['node:20', null],
  ])('%s → %s', (ref, want) => expect(golangTagVersion(ref)).toBe(want));

  it.each([
    ['1.22', '1.22.5', true],
    ['1.22.3', '1.22.3', true],
    ['1.21.0', '1.22', false],
    ['go1.22.1', '1.22', true],
    ['1.2', '1.22', false],
  ] as const)('%s agrees with %s: %s', (a, b, want) => expect(goVersionsAgree(a, b)).toBe(want));

  it.each([
    ['ubuntu:22.04', true],
    ['docker.io/library/alpine:3.20', true],
    ['gcr.io/distroless/static-debian12', true],
    ['golang:1.22', false],
    ['myorg/builder:1', false],
    [null, false],
  ] as const)('%s is a plain OS image: %s', (ref, want) => expect(isPlainOsImage(ref)).toBe(want));
});
