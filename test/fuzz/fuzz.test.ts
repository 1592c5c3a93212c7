/**
 * Property tests over the whole in-process lint pipeline (see invariants.ts): ~3,000 cases per
 * `npm test`, split over the properties by their share. FUZZ_SEED replays a reported failure;
 * FUZZ_RUNS changes the total.
 */
import fc from 'fast-check';
import { PROPERTIES } from './properties';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 3000);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

describe('fuzz: lint pipeline invariants', () => {
  for (const p of PROPERTIES) {
    const numRuns = Math.max(20, Math.round(TOTAL * p.share));
    it(`${p.name} (${numRuns} cases)`, () => {
      fc.assert(p.property(), { numRuns, ...(seed === undefined ? {} : { seed }) });
    }, 120_000);
  }
});
