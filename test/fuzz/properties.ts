/**
 * The fuzz properties, shared by the jest suite (a few thousand cases) and `npm run fuzz`
 * (scripts/fuzz.mjs, 100,000+ cases). `share` is each property's part of the total run count.
 */
import fc from 'fast-check';
import { anyDocArb, composeDocArb, dockerfileArb, envFileArb, mutateDoc, mutationArb, mutate, type Doc } from './generators';
import { checkBytes, checkText } from './invariants';
import { seeds } from './corpus';
import { intactTokens, tokenArb, type FakeToken } from './tokens';

export interface FuzzProperty {
  name: string;
  share: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  property: () => fc.IProperty<any>;
}

const checkDoc = (d: Doc, withFormatters: boolean) => {
  checkText(d.filename, d.text, d.planted, withFormatters);
};

/** A line that plants `t` in a file of the seed's format (appended or inserted at a line). */
function plantLine(filename: string, t: FakeToken): string {
  if (/compose|\.ya?ml$/i.test(filename)) return `x-planted:\n  API_TOKEN: "${t.value}"`;
  if (/env/i.test(filename) && !/dockerfile|containerfile/i.test(filename)) return `API_TOKEN=${t.value}`;
  return `ENV GITHUB_TOKEN=${t.value}`;
}

const seedIndexArb = fc.nat();
/** Every formatter runs on about one case in eight (they cost more than the lint itself). */
const withFormattersArb = fc.nat({ max: 7 }).map((n) => n === 0);

export const PROPERTIES: FuzzProperty[] = [
  { name: 'generated Dockerfiles', share: 0.14, property: () => fc.property(dockerfileArb, withFormattersArb, (d, f) => checkDoc(d, f)) },
  { name: 'generated compose files', share: 0.12, property: () => fc.property(composeDocArb, withFormattersArb, (d, f) => checkDoc(d, f)) },
  { name: 'generated env files', share: 0.12, property: () => fc.property(envFileArb, withFormattersArb, (d, f) => checkDoc(d, f)) },
  {
    name: 'mutated generated files',
    share: 0.17,
    property: () =>
      fc.property(anyDocArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), withFormattersArb, (d, ms, f) => checkDoc(mutateDoc(d, ms), f)),
  },
  {
    name: 'generated text under another format',
    share: 0.05,
    property: () =>
      fc.property(anyDocArb, fc.constantFrom('Dockerfile', 'compose.yaml', '.env', 'unknown.txt'), (d, name) => checkDoc({ ...d, filename: name }, false)),
  },
  {
    name: 'mutated corpus files (text)',
    share: 0.25,
    property: () =>
      fc.property(seedIndexArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), fc.option(fc.tuple(tokenArb, fc.nat())), (i, ms, plant) => {
        const all = seeds();
        const s = all[i % all.length]!;
        const d = new TextDecoder('utf-8').decode(s.bytes());
        let text = d;
        let planted: FakeToken[] = [];
        if (plant) {
          const [t, at] = plant;
          const lines = text.split('\n');
          const line = plantLine(s.filename, t);
          // Compose: a top-level key only parses at the end; elsewhere insert at a random line.
          if (line.startsWith('x-planted')) lines.push(line);
          else lines.splice(at % (lines.length + 1), 0, line);
          text = lines.join('\n');
          planted = [t];
        }
        const text2 = ms.reduce(mutate, text);
        checkText(s.filename, text2, intactTokens(text2, planted), false);
      }),
  },
  {
    name: 'corpus bytes: truncation and byte flips',
    share: 0.1,
    property: () =>
      fc.property(
        seedIndexArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.option(fc.nat()),
        fc.constantFrom<'none' | 'utf16le' | 'utf16be'>('none', 'none', 'none', 'utf16le', 'utf16be'),
        (i, flips, cut, enc) => {
          const all = seeds();
          const s = all[i % all.length]!;
          let bytes: Uint8Array = Uint8Array.from(s.bytes());
          if (enc !== 'none') bytes = utf16(new TextDecoder().decode(bytes), enc === 'utf16be');
          for (const [at, b] of flips) if (bytes.length) bytes[at % bytes.length] = b;
          if (cut !== null) bytes = bytes.subarray(0, bytes.length ? cut % (bytes.length + 1) : 0);
          checkBytes(s.filename, bytes);
        },
      ),
  },
  {
    name: 'arbitrary strings',
    share: 0.05,
    property: () =>
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom('\n', '\r', '\\', '"', "'", '$', '{', '}', ':', '-', ' ', '=', '#', '<<', 'EOF', 'ENV ', 'RUN ', 'FROM ', '&a', '*a', '!!', '[', ']'), maxLength: 80 })),
        fc.constantFrom('Dockerfile', 'compose.yaml', '.env', 'x.txt'),
        (text, name) => {
          checkText(name, text);
        },
      ),
  },
];

/** UTF-16 with a BOM, little or big endian. */
function utf16(text: string, be: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = be ? 0xfe : 0xff;
  out[1] = be ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = be ? c >> 8 : c & 0xff;
    out[3 + i * 2] = be ? c & 0xff : c >> 8;
  }
  return out;
}
