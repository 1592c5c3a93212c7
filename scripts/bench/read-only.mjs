// The "limit" for the bench: a plain Node script that only reads the files it is given (and every
// file under the directories it is given) as UTF-8 text, 16 at a time, and prints their count and
// total length. godock should stay within a small factor of it.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

async function expand(p, out) {
  const st = await fs.stat(p);
  if (!st.isDirectory()) return void out.push(p);
  for (const e of await fs.readdir(p, { withFileTypes: true })) {
    const child = path.join(p, e.name);
    if (e.isDirectory()) await expand(child, out);
    else if (e.isFile()) out.push(child);
  }
}

const files = [];
for (const a of process.argv.slice(2)) await expand(a, files);
let next = 0;
let chars = 0;
await Promise.all(
  Array.from({ length: Math.min(16, files.length) }, async () => {
    while (next < files.length) chars += (await fs.readFile(files[next++], 'utf8')).length;
  }),
);
process.stdout.write(`${files.length} files, ${chars} characters\n`);
