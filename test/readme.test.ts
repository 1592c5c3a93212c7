import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { updateReadme } = require('../scripts/readme-table.js') as { updateReadme: (t: string, r: readonly unknown[]) => string };

const README = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('opens with exactly the two set-up commands', () => {
    const firstScreen = README.split('\n').slice(0, 30).join('\n');
    expect(firstScreen).toContain('npm ci && npx godock lint samples');
    expect(firstScreen).toContain('npm test');
  });
  it('has the rule table generated from the registry (npm run readme)', () => {
    expect(updateReadme(README, rules)).toBe(README);
  });
});
