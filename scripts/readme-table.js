// The README's rule table, generated from rule metadata (never edited by hand).
// Used by `npm run readme` (scripts/readme.mjs) and by test/readme.test.ts.
'use strict';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** @param {{id: string, category: string, severity: string, description: string}[]} rules */
function rulesTable(rules) {
  const rows = [...rules]
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
    .map((r) => `| [\`${r.id}\`](rules/${r.id}.md) | ${r.category} | ${r.severity} | ${r.description} |`);
  return ['| rule | category | default severity | what it catches |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Replaces the table between the markers. */
function updateReadme(text, rules) {
  const s = text.indexOf(START);
  const e = text.indexOf(END);
  if (s < 0 || e < s) throw new Error(`README.md needs ${START} and ${END} markers`);
  return `${text.slice(0, s + START.length)}\n${rulesTable(rules)}\n${text.slice(e)}`;
}

module.exports = { rulesTable, updateReadme, START, END };
