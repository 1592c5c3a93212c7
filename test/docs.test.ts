/**
 * Every rule has a doc beside it, in the registry's shape, and its examples are true:
 * each `bad` block yields a finding of that rule through the real engine, each `good` block none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../rules';
import { lintText } from '../src/lint';

const RULES_DIR = path.join(__dirname, '..', 'rules');
const FILENAME: Record<string, string> = { dockerfile: 'Dockerfile', yaml: 'compose.yaml', env: '.env' };

interface Example {
  lang: string;
  kind: 'bad' | 'good';
  code: string;
  line: number;
}

function examples(md: string): Example[] {
  const out: Example[] = [];
  const re = /^```(\w+) (bad|good)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) {
    out.push({ lang: m[1]!, kind: m[2] as 'bad' | 'good', code: m[3]!, line: md.slice(0, m.index).split('\n').length });
  }
  return out;
}

describe('rule registry', () => {
  it('lists every rule file exactly once, sorted by id', () => {
    const files = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    expect(rules.map((r) => r.id)).toEqual(files);
  });
  it('has unique ids whose file names match', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('doc of %s', (id, rule) => {
  const md = readFileSync(path.join(RULES_DIR, `${id}.md`), 'utf8');
  const lines = md.split('\n');

  it('starts with the id as H1 and the description as summary', () => {
    expect(lines[0]).toBe(`# ${id}`);
    expect(lines.slice(1).find((l) => l.trim() !== '')).toBe(rule.description);
  });

  it('has the required sections', () => {
    for (const h of ['## Why', '## Examples', '## When not to use it', '## References']) expect(lines).toContain(h);
  });

  const ex = examples(md);
  it('has at least one bad and one good example', () => {
    expect(ex.some((e) => e.kind === 'bad')).toBe(true);
    expect(ex.some((e) => e.kind === 'good')).toBe(true);
  });

  for (const e of ex) {
    it(`${e.kind} ${e.lang} example at line ${e.line} ${e.kind === 'bad' ? 'fires' : 'stays silent'}`, () => {
      const filename = FILENAME[e.lang];
      expect(filename).toBeDefined();
      const r = lintText(filename!, e.code);
      expect(r.errors).toEqual([]);
      const mine = r.findings.filter((f) => f.ruleId === id);
      if (e.kind === 'bad') expect(mine.length).toBeGreaterThan(0);
      else expect(mine.map((f) => f.message)).toEqual([]);
    });
  }
});
