/**
 * The real-world corpus (../shared/corpus, never edited): every Dockerfile lints without a crash
 * with positions inside the file, and the docker-library official images yield no secret finding
 * (GPG_KEY fingerprints, checksums and versions are not secrets).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../src/lint';
import { decode } from '../../src/read';
import { corpusRoot, corpusRows, describeCorpus } from '../helpers/corpus';

describeCorpus('corpus: Dockerfiles', () => {
  let CORPUS: string;
  let dockerfiles: ReturnType<typeof corpusRows>;
  beforeAll(() => {
    CORPUS = corpusRoot();
    dockerfiles = corpusRows().filter((m) => m.kind === 'dockerfile' || m.kind === 'dockerfile-template');
  });

  it('has the corpus', () => {
    expect(dockerfiles.length).toBeGreaterThan(5000);
  });

  it('lints every Dockerfile without a crash, positions inside the file', () => {
    const problems: string[] = [];
    for (const m of dockerfiles) {
      const buf = readFileSync(path.join(CORPUS, m.file));
      const d = decode(buf);
      if ('error' in d) continue;
      const lines = d.text.split('\n').length;
      let r;
      try {
        r = lintText(path.basename(m.file).match(/file/i) ? m.file : 'Dockerfile', d.text, { format: 'dockerfile' });
      } catch (e) {
        problems.push(`${m.file}: threw ${(e as Error).message}`);
        continue;
      }
      for (const e of r.errors) if (e.message.startsWith('internal error')) problems.push(`${m.file}: ${e.message}`);
      for (const f of r.findings) {
        const l = f.loc;
        if (l.line < 1 || l.line > lines || l.endLine < l.line || l.column < 1 || (l.endLine === l.line && l.endColumn < l.column))
          problems.push(`${m.file}: ${f.ruleId} at ${l.line}:${l.column}-${l.endLine}:${l.endColumn}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds no secret in the docker-library official images', () => {
    const official = dockerfiles.filter((m) => m.kind === 'dockerfile' && m.repo.startsWith('docker-library/'));
    expect(official.length).toBeGreaterThan(400);
    const secrets: string[] = [];
    for (const m of official) {
      const r = lintText('Dockerfile', readFileSync(path.join(CORPUS, m.file), 'utf8'), { format: 'dockerfile' });
      for (const f of r.findings) if (f.category === 'secret') secrets.push(`${m.file}:${f.loc.line} ${f.ruleId} ${f.message}`);
    }
    expect(secrets).toEqual([]);
  });
});
