// The soak (issue 18, must-hold 6): tests/node/fixtures/soak.go runs notes,
// deadlines, goroutines, output and the collector at once for many rounds,
// while the host posts interrupts. Its output must be exactly what the
// program means (computed here), in virtual time and on the wall clock, and
// the heap after each tenth round's collection must stay flat.
//
// CI runs a few hundred rounds. The long form, for local runs (about 10
// rounds a second of wall clock per core, more on an idle machine):
//   P9RT_SOAK_ROUNDS=20000 P9RT_SOAK_NOTES=2000 node --test tests/node/soak.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, root } from './lib/run-go.mjs';

const api = built ? await import(join(root, 'dist/src/api/index.js')) : null;
const rounds = Number(process.env.P9RT_SOAK_ROUNDS ?? 600);
const notes = Number(process.env.P9RT_SOAK_NOTES ?? 60);

/** What soak.go prints for `rounds` rounds and `notes` host notes. */
function expected(rounds, notes) {
  let out = '';
  for (let r = 1; r <= rounds; r++) {
    let sum = 0;
    for (let g = 0; g < 100; g++) for (let j = 0; j < g + (r % 7); j++) sum += j * j;
    out += `round ${r}: note caught, timeout, got ${r}, sum ${sum}, map 500\n`;
    for (let k = 0; k < 10; k++) out += `  line ${r} ${k}\n`;
  }
  return out + `host notes caught: ${notes}\n`;
}

/** The "mem ROUND HEAPALLOC HEAPSYS" lines: the heap after a collection must not grow. */
function assertFlat(stderr, rounds) {
  const mem = [...stderr.matchAll(/^mem (\d+) (\d+) (\d+)$/gm)].map((m) => m.slice(1).map(Number));
  assert.equal(mem.length, Math.floor(rounds / 10), stderr.slice(0, 1000));
  assert.equal(stderr.replace(/^mem .*\n/gm, ''), '');
  const half = mem.length >> 1;
  const peak = (rows, i) => Math.max(...rows.map((m) => m[i]));
  const early = mem.slice(0, half);
  const late = mem.slice(half);
  // allocated bytes and held pages of the second half within a quarter (plus 1 MiB) of the first's
  for (const i of [1, 2]) assert.ok(peak(late, i) <= peak(early, i) * 1.25 + (1 << 20), `mem column ${i}: ${JSON.stringify(mem)}`);
}

/**
 * Run soak.go for n rounds and `hostNotes` notes. `live`, if given, posts
 * the notes from the host once round 1 is out (the handler is in place).
 */
async function soak(n, hostNotes, opts, live) {
  const program = api.compile(readFileSync(join(root, 'tests/node/fixtures/soak.go'), 'utf8'), { filename: 'soak.go' });
  let stdout = '';
  let stderr = '';
  let posting = null;
  const m = await api.Machine.start(program, {
    args: [String(n), String(hostNotes)],
    trace: false,
    timeoutMs: 20 * 60_000,
    ...opts,
    onStdout: (s) => {
      stdout += s;
      if (live && !posting && stdout.includes('round 1:')) posting = live(m);
    },
    onStderr: (s) => (stderr += s),
  });
  const x = await m.exited;
  await posting;
  return { ...x, stdout, stderr };
}

test(`soak in virtual time: ${rounds} rounds, ${notes} host notes`, { skip: !built }, async () => {
  const hostNotes = Array.from({ length: notes }, (_, i) => ({ at: 20 + 7 * i, target: 'main', text: 'interrupt' }));
  const r = await soak(rounds, notes, { notes: hostNotes });
  assert.equal(r.code, 0, r.stderr.slice(-2000));
  assert.equal(r.stdout, expected(rounds, notes));
  assertFlat(r.stderr, rounds);
});

// On the wall clock the procs run at once and the notes come when they come:
// the output must not change.
test(`soak on the wall clock: ${rounds >> 2} rounds, notes posted live`, { skip: !built }, async () => {
  const n = rounds >> 2;
  const k = Math.max(1, notes >> 2);
  const r = await soak(n, k, { clock: 'real' }, async (m) => {
    for (let i = 0; i < k; i++) {
      await m.postnote('main', 'interrupt');
      await new Promise((res) => setTimeout(res, 10));
    }
  });
  assert.equal(r.code, 0, r.stderr.slice(-2000));
  assert.equal(r.stdout, expected(n, k));
  assertFlat(r.stderr, n);
});
