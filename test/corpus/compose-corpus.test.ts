/**
 * Every compose file, compose template and env file of the shared corpus parses without throwing,
 * every position lies inside its file and names sit exactly where the model says, and errors
 * appear only in files that are really broken.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseCompose } from '../../src/parse/compose';
import { parseEnvFile } from '../../src/parse/env-file';
import type { FileModel, Location } from '../../src/model';
import { corpusRoot, corpusRows, describeCorpus } from '../helpers/corpus';


/** Files whose YAML is really broken (checked by hand). */
const BROKEN = [
  // curly quotes and em-dash list markers pasted from a web page, one-space indentation
  'compose/collabnix__dockerlabs/_site/play-with-docker/machinelearning/docker-compose.yml',
  // `networks:` dedented under a service, then deeper keys: mapping items not aligned
  'compose/collabnix__dockerlabs/_site/play-with-docker/wordpress/windows/docker-compose.yml',
  // the whole file is the word MALFORMED
  'edge/testcontainers__testcontainers-node/packages/testcontainers/fixtures/docker-compose/docker-compose-malformed.yml',
];

function locations(m: FileModel): Location[] {
  return [
    ...m.assignments.flatMap((a) => (a.valueLoc ? [a.nameLoc, a.valueLoc] : [a.nameLoc])),
    ...m.scopes.flatMap((s) => [s.loc, ...(s.imageLoc ? [s.imageLoc] : []), ...(s.build ? [s.build.loc] : [])]),
    ...m.envFiles.map((e) => e.loc),
  ];
}

function inside(lines: string[], l: Location): boolean {
  const first = lines[l.line - 1];
  const last = lines[l.endLine - 1];
  if (first === undefined || last === undefined) return false;
  if (l.column < 1 || l.column > first.length + 1 || l.endColumn < 1 || l.endColumn > last.length + 1) return false;
  return l.endLine > l.line || (l.endLine === l.line && l.endColumn >= l.column);
}

interface Parsed {
  kind: string;
  file: string;
  text: string;
  model: FileModel | null;
  thrown: unknown;
}

describeCorpus('compose and env-file corpus', () => {
  let results: Parsed[];
  beforeAll(() => {
    const all = corpusRows().filter((r) => r.kind === 'compose' || r.kind === 'env' || r.kind === 'compose-template');
    results = all.map(({ kind, file }) => parseOne(kind, file));
  });

  function parseOne(kind: string, file: string): Parsed {
    const text = readFileSync(join(corpusRoot(), file), 'utf8');
    let model: FileModel | null = null;
    let thrown: unknown = null;
    try {
      model = kind === 'env' ? parseEnvFile(file, text) : parseCompose(file, text);
    } catch (e) {
      thrown = e;
    }
    return { kind, file, text, model, thrown };
  }

  test('the corpus has the expected files', () => {
    expect(results.filter((r) => r.kind === 'compose').length).toBeGreaterThan(1400);
    expect(results.filter((r) => r.kind === 'env').length).toBeGreaterThan(90);
  });

  test('no adapter throws', () => {
    expect(results.filter((r) => r.thrown !== null).map((r) => r.file)).toEqual([]);
  });

  test('every position is inside its file', () => {
    const bad: string[] = [];
    for (const r of results) {
      const lines = r.text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
      for (const l of locations(r.model!)) if (!inside(lines, l)) bad.push(`${r.file} ${JSON.stringify(l)}`);
    }
    expect(bad).toEqual([]);
  });

  test('nameLoc covers exactly the name', () => {
    const bad: string[] = [];
    for (const r of results) {
      const lines = r.text.replace(/^\uFEFF/, '').split('\n');
      for (const a of r.model!.assignments) {
        const l = a.nameLoc;
        const text = lines[l.line - 1]!.slice(l.column - 1, l.endColumn - 1);
        if (l.endLine !== l.line || text !== a.name) bad.push(`${r.file}:${l.line} ${a.name}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('a single-line valueLoc covers exactly the value when it is written as-is (no quotes/escapes)', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const r of results) {
      const lines = r.text.replace(/^\uFEFF/, '').split('\n');
      for (const a of r.model!.assignments) {
        const l = a.valueLoc;
        if (!l || a.raw !== undefined || l.endLine !== l.line || a.value === null) continue;
        checked++;
        if (lines[l.line - 1]!.slice(l.column - 1, l.endColumn - 1) !== a.value) bad.push(`${r.file}:${l.line} ${a.name}`);
      }
    }
    expect(checked).toBeGreaterThan(8000);
    expect(bad).toEqual([]);
  });

  test('errors only in really broken files; compose templates (not valid YAML as-is) may error', () => {
    const withErrors = results.filter((r) => r.model!.errors.length > 0);
    expect(withErrors.filter((r) => r.kind !== 'compose-template').map((r) => r.file).sort()).toEqual([...BROKEN].sort());
    for (const r of withErrors) for (const e of r.model!.errors) expect(e.line).toBeGreaterThanOrEqual(1);
  });

  test('real-world compose files yield services and assignments', () => {
    const real = results.filter((r) => r.kind === 'compose' && r.file.startsWith('compose/'));
    const services = real.reduce((n, r) => n + r.model!.scopes.length, 0);
    const assignments = real.reduce((n, r) => n + r.model!.assignments.length, 0);
    expect(services).toBeGreaterThan(3000);
    expect(assignments).toBeGreaterThan(10000);
  });
});
