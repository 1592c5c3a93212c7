/**
 * The real-world corpus lives beside the repository, never inside it: `$GODOCK_CORPUS`, else
 * `../shared/corpus` next to the checkout. Suites that need it go through `describeCorpus`:
 *
 * - corpus present: the suite runs;
 * - corpus absent: the suite is skipped, with one line on stderr saying so;
 * - corpus absent and `GODOCK_REQUIRE_CORPUS=1` (as `.ci/run` sets it): the suite fails.
 *
 * Nothing is read while jest collects tests: the manifest is read on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface CorpusRow {
  kind: string;
  /** Path relative to the corpus directory. */
  file: string;
  repo: string;
}

let dirMemo: string | null | undefined;

/** The corpus directory (holding MANIFEST.tsv), or null when there is none. */
export function corpusDir(): string | null {
  if (dirMemo !== undefined) return dirMemo;
  const candidates = [process.env.GODOCK_CORPUS, path.resolve(ROOT, '..', 'shared', 'corpus')];
  dirMemo = candidates.find((c): c is string => !!c && existsSync(path.join(c, 'MANIFEST.tsv'))) ?? null;
  return dirMemo;
}

/** The corpus directory; throws when there is none (call it only inside a corpus suite). */
export function corpusRoot(): string {
  const dir = corpusDir();
  if (!dir) throw new Error('the corpus is not present');
  return dir;
}

let rowsMemo: CorpusRow[] | null = null;

/** Every row of MANIFEST.tsv (read on first call). */
export function corpusRows(): CorpusRow[] {
  if (rowsMemo) return rowsMemo;
  rowsMemo = readFileSync(path.join(corpusRoot(), 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .filter(([kind, file]) => !!kind && !!file)
    .map(([kind, file, repo]) => ({ kind: kind!, file: file!, repo: repo ?? '' }));
  return rowsMemo;
}

export function corpusRequired(): boolean {
  return process.env.GODOCK_REQUIRE_CORPUS === '1';
}

/** `describe` for a suite that needs the corpus (see the file comment). */
export function describeCorpus(name: string, fn: () => void): void {
  if (corpusDir()) {
    describe(name, fn);
  } else if (corpusRequired()) {
    describe(name, () => {
      it('needs the corpus', () => {
        throw new Error('GODOCK_REQUIRE_CORPUS=1 but no corpus: set GODOCK_CORPUS or place it at ../shared/corpus');
      });
    });
  } else {
    // The body is not collected: it may read the corpus while it declares its tests.
    process.stderr.write(`godock tests: skipped "${name}": no corpus (set GODOCK_CORPUS or place it at ../shared/corpus)\n`);
    describe.skip(name, () => it('needs the corpus', () => undefined));
  }
}
