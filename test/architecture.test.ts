/**
 * The layout the README describes, checked: no import cycle between the folders (and top-level
 * files) of src/, no rule importing a parser module, dockerfile-ast internals reached from one
 * file, no function in src/ longer than 120 lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:from|require\(|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

/** The folder of src/ a path belongs to (a top-level file is its own node). */
function nodeOf(abs: string): string | null {
  const rel = path.relative(SRC, abs);
  if (rel.startsWith('..')) return null;
  const [first, ...rest] = rel.split(path.sep);
  return rest.length > 0 || !/\.ts$|^[^.]+$/.test(first!) ? first! : first!.replace(/\.ts$/, '');
}

describe('architecture', () => {
  it('has no import cycle between the folders of src/', () => {
    const graph = new Map<string, Set<string>>();
    for (const f of tsFiles(SRC)) {
      const from = nodeOf(f)!.replace(/\.ts$/, '');
      for (const t of importsOf(f)) {
        const to = nodeOf(t)?.replace(/\.ts$/, '');
        if (!to || to === from) continue;
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string, trail: string[]): void => {
      if (state.get(n) === 'done') return;
      if (state.get(n) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(n)), n].join(' → '));
        return;
      }
      state.set(n, 'open');
      for (const m of graph.get(n) ?? []) visit(m, [...trail, n]);
      state.set(n, 'done');
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycles).toEqual([]);
    expect(graph.get('parse')?.has('engine')).toBeFalsy();
  });

  it('no rule imports a parser module', () => {
    const rules = readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.ts'));
    const bad = rules.filter((f) => importsOf(path.join(ROOT, 'rules', f)).some((t) => t.startsWith(path.join(SRC, 'parse') + path.sep) || t === path.join(SRC, 'parse')));
    expect(bad).toEqual([]);
  });

  it('reaches dockerfile-ast internals from one file', () => {
    const users = tsFiles(SRC).filter((f) => /['"]dockerfile-ast\/lib\//.test(readFileSync(f, 'utf8')));
    expect(users.map((f) => path.relative(ROOT, f))).toEqual(['src/parse/dockerfile-ast-speedups.ts']);
  });

  it('has no function longer than 120 lines in src/', () => {
    const long: string[] = [];
    for (const f of tsFiles(SRC)) {
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((l, i) => {
        if (!/^(\s*)(export )?(async )?function \w+|^(\s*)(export )?const \w+ = (async )?\(.*=>\s*\{$/.test(l)) return;
        const indent = l.length - l.trimStart().length;
        const end = lines.findIndex((x, j) => j > i && x.startsWith(`${' '.repeat(indent)}}`) && x.length - x.trimStart().length === indent);
        if (end > 0 && end - i + 1 > 120) long.push(`${path.relative(ROOT, f)}:${i + 1} (${end - i + 1} lines)`);
      });
    }
    expect(long).toEqual([]);
  });
});
