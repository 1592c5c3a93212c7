/**
 * Entry of `npm run fuzz` (bundled by scripts/fuzz.mjs): runs every property of properties.ts
 * for its share of --runs (default 100,000), prints the number of cases, and for a failure the
 * property, seed, path and counterexample to replay, then exits non-zero.
 *
 *   npm run fuzz -- [--runs N] [--seed S] [--only <substring of a property name>] [--path P]
 */
import fc from 'fast-check';
import { PROPERTIES } from './properties';

interface Args {
  runs: number;
  seed?: number;
  only?: string;
  path?: string;
}

function parse(argv: string[]): Args {
  const a: Args = { runs: 100_000 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--runs' && v) a.runs = Number(v);
    else if (k === '--seed' && v) a.seed = Number(v);
    else if (k === '--only' && v) a.only = v;
    else if (k === '--path' && v) a.path = v;
    else {
      process.stderr.write(`fuzz: unknown argument ${k}\nusage: npm run fuzz -- [--runs N] [--seed S] [--only NAME] [--path P]\n`);
      process.exit(2);
    }
    i++;
  }
  if (!Number.isFinite(a.runs) || a.runs < 1) {
    process.stderr.write('fuzz: --runs must be a positive number\n');
    process.exit(2);
  }
  return a;
}

function main(): number {
  const args = parse(process.argv.slice(2));
  const seed = args.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const props = PROPERTIES.filter((p) => !args.only || p.name.includes(args.only));
  const shareSum = props.reduce((s, p) => s + p.share, 0);
  process.stdout.write(`godock fuzz: ${args.runs} cases over ${props.length} properties, seed ${seed}\n`);
  let total = 0;
  let failures = 0;
  const started = Date.now();
  for (const p of props) {
    const numRuns = Math.max(1, Math.ceil((args.runs * p.share) / shareSum));
    const t0 = Date.now();
    const details = fc.check(p.property(), { numRuns, seed, ...(args.path ? { path: args.path } : {}) });
    total += details.numRuns;
    const ms = Date.now() - t0;
    if (details.failed) {
      failures++;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const ce = JSON.stringify(details.counterexample);
      process.stdout.write(
        `FAIL  ${p.name}: after ${details.numRuns} cases (${ms} ms)\n` +
          `      seed ${details.seed} path ${details.counterexamplePath}\n` +
          `      replay: npm run fuzz -- --only "${p.name}" --seed ${details.seed} --path ${details.counterexamplePath}\n` +
          `      cause: ${cause.slice(0, 2000)}\n` +
          `      counterexample: ${(ce ?? '').slice(0, 2000)}\n`,
      );
    } else {
      process.stdout.write(`ok    ${p.name}: ${details.numRuns} cases (${ms} ms)\n`);
    }
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`godock fuzz: ${total} cases in ${secs} s, ${failures} failing ${failures === 1 ? 'property' : 'properties'}\n`);
  return failures ? 1 : 0;
}

process.exitCode = main();
