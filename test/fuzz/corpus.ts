/**
 * Seeds for mutation fuzzing: the real-world corpus (../shared/corpus, or $GODOCK_CORPUS) read
 * lazily through its MANIFEST.tsv, plus a few built-in files so the mutation properties still run
 * where the corpus is absent.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatFromName } from '../../src/parse/detect';
import { corpusDir, corpusRows } from '../helpers/corpus';

export interface Seed {
  /** File name that picks the intended format. */
  filename: string;
  /** Where it came from (for failure reports). */
  origin: string;
  bytes(): Uint8Array;
}

const BUILTIN: { filename: string; text: string }[] = [
  {
    filename: 'Dockerfile',
    text: [
      '# syntax=docker/dockerfile:1',
      'ARG GO_VERSION=1.22',
      'FROM golang:${GO_VERSION} AS build',
      'ENV CGO_ENABLED=0 GOOS=linux \\',
      '    GOFLAGS=-mod=vendor',
      'WORKDIR /src',
      'COPY . .',
      'RUN --mount=type=cache,target=/root/.cache/go-build \\',
      '    go build -o /out/app ./cmd/app',
      'RUN <<EOF',
      'set -e',
      'go env -w GOPRIVATE=github.com/acme/*',
      'EOF',
      'FROM gcr.io/distroless/static AS final',
      'COPY --from=build /out/app /app',
      'USER nonroot',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n'),
  },
  {
    filename: 'compose.yaml',
    text: [
      'x-env: &env',
      '  GOFLAGS: -mod=mod',
      '  APP_ENV: prod',
      'services:',
      '  api:',
      '    build:',
      '      context: .',
      '      args:',
      '        - GO_VERSION=1.22',
      '    environment:',
      '      <<: *env',
      '      DB_PASSWORD: ${DB_PASSWORD:?set it}',
      '    env_file: [.env]',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      - POSTGRES_USER=app',
      '',
    ].join('\n'),
  },
  {
    filename: '.env',
    text: ['# local settings', 'export GOPATH=/go', 'APP_NAME="demo app"', "QUOTED='single'", 'MULTI="a', 'b"', 'EMPTY=', 'INLINE=x # comment', ''].join('\n'),
  },
];

function filenameFor(kind: string, file: string): string {
  const base = path.basename(file);
  const want = kind.startsWith('dockerfile') ? 'dockerfile' : kind.startsWith('compose') ? 'compose' : 'env-file';
  if (formatFromName(base) === want) return base;
  return want === 'dockerfile' ? 'Dockerfile' : want === 'compose' ? 'compose.yaml' : '.env';
}

let cached: Seed[] | null = null;

/** Every seed: the built-in files first, then the corpus files (read on first use, then cached). */
export function seeds(): Seed[] {
  if (cached) return cached;
  const out: Seed[] = BUILTIN.map((b) => {
    const bytes = new TextEncoder().encode(b.text);
    return { filename: b.filename, origin: `builtin:${b.filename}`, bytes: () => bytes };
  });
  const dir = corpusDir();
  if (dir) {
    for (const { kind, file } of corpusRows()) {
      const abs = path.join(dir, file);
      let data: Uint8Array | null = null;
      out.push({
        filename: filenameFor(kind, file),
        origin: `corpus:${file}`,
        bytes: () => (data ??= new Uint8Array(readFileSync(abs))),
      });
    }
  }
  cached = out;
  return out;
}
