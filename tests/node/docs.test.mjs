// The project carries the documents its code cites (issue 17): every
// `docs/NAME.md` named anywhere exists, and every section number or quoted
// heading after it (`§3.9.7`, `§5 items 21-29`, `"mailbox race rule"`) is in
// that document (tools/citations.mjs says how a citation resolves).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { citations, outline, resolves } from '../../tools/citations.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('every cited document exists and every cited section resolves', () => {
  const all = citations();
  const bad = all.filter((c) => !c.ok).map((c) => `${c.file}: docs/${c.doc} ${c.what}`);
  assert.deepEqual(bad, []);
  // The checker is looking: the spec's sections are cited from the code.
  const spec = new Set(all.filter((c) => c.doc === 'plan9-notes.md').map((c) => c.what));
  for (const s of ['§2.4', '§3.9.7', '§5.19', '§1.4', '§4.2']) assert.ok(spec.has(s), `no citation of ${s} found`);
});

test('the documents design.md links are in the repository', () => {
  for (const d of ['language.md', 'plan9-notes.md', 'design.md', 'toolchain.md', 'abi.md', 'bytecode.md', 'trace.md']) {
    assert.ok(existsSync(`${root}docs/${d}`), `docs/${d}`);
  }
});

test('a section or item that is not there does not resolve', () => {
  const o = outline(['## 3. Poll', '### 3.9 Caveats', '1. one', '7. seven', '## 5. Cases', '19. nineteen', '### 5x not a number'].join('\n'));
  assert.ok(resolves(o, '3') && resolves(o, '3.9') && resolves(o, '3.9.7') && resolves(o, '5.19'));
  assert.ok(!resolves(o, '3.9.8'));
  assert.ok(!resolves(o, '3.8'));
  assert.ok(!resolves(o, '5.20'));
  assert.ok(!resolves(o, '4'));
  // an item of §3 that is really §3.9's item does not count for §3
  assert.ok(!resolves(o, '3.7'));
});
