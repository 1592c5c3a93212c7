// Regenerates the README's rule table from the built CLI's `godock rules --format json`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { updateReadme } = require('./readme-table.js');
const rules = JSON.parse(execFileSync(process.execPath, ['bin/godock.js', 'rules', '--format', 'json'], { encoding: 'utf8' }));
writeFileSync('README.md', updateReadme(readFileSync('README.md', 'utf8'), rules));
console.log(`README.md: ${rules.length} rules`);
