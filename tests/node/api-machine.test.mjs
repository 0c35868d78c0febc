// The library API around a run: Machine.start, procs(), postnote, trace(),
// stop(), with fixture Ms in place of core.wasm (the mWorker test seam).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Machine } from '../../dist/src/api/machine.js';
import { timeline, chromeTrace } from '../../dist/src/trace/index.js';
import { mWorker } from './fixtures/run.mjs';

const job = (o) => ({ image: new TextEncoder().encode(JSON.stringify(o)) });

test('Machine.start resolves once booted; exited gives the exit string, code and reason', async () => {
  const out = [];
  const m = await Machine.start(job({ scenario: 'exit', s: 'boom' }), { mWorker, onStdout: (s) => out.push(s) });
  const x = await m.exited;
  assert.deepEqual(x, { exitString: 'boom', code: 1, reason: 'pid 1 exited' });
  const kinds = m.trace().map((e) => e.kind);
  assert.equal(kinds[0], 'boot');
  assert.equal(kinds.at(-1), 'end');
  assert.ok(kinds.includes('proc.exit'));
  await assert.rejects(m.postnote(1, 'hangup'), /run is over/);
});

test('procs() shows a sleeping proc; postnote wakes it; the timeline tells the story', async () => {
  let m;
  let seen = null;
  m = await Machine.start(job({ scenario: 'entry' }), {
    mWorker,
    clock: 'real',
    onStdout: (s) => {
      if (s.includes('spinning')) {
        seen = m.procs().map((p) => ({ pid: p.pid, state: p.state }));
        m.postnote('main', 'interrupt');
      }
    },
  });
  const x = await m.exited;
  assert.equal(x.code, 0);
  assert.ok(seen.some((p) => p.pid === 1));
  const t = timeline(m.trace());
  assert.match(t, /▶ "interrupt" from host/);
  assert.match(t, /┴ sleep interrupted/);
  assert.match(t, /deliver "interrupt"/);
  const j = JSON.parse(chromeTrace(m.trace()));
  assert.deepEqual(j.p9rt.events, m.trace());
});

test('stop() ends a run that would never end', async () => {
  const m = await Machine.start(job({ scenario: 'spin' }), { mWorker });
  setTimeout(() => m.stop(), 100);
  const x = await m.exited;
  assert.equal(x.reason, 'stopped');
  assert.equal(x.code, 1);
});
