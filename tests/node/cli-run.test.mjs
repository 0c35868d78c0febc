// The p9rt command: flags, exit codes and the trace files, with fixture Ms in
// place of core.wasm (test seam: P9RT_TEST_M_WORKER) and JSON fixture images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(tmpdir() + '/p9rt-cli-');
const mWorker = new URL('./fixtures/m-script.mjs', import.meta.url).href;

function image(job) {
  const f = `${dir}/${job.scenario}-${Object.values(job).join('-')}.p9img`;
  writeFileSync(f, JSON.stringify(job));
  return f;
}

const p9rt = (...args) =>
  spawnSync(process.execPath, [root + 'bin/p9rt.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, P9RT_TEST_M_WORKER: mWorker },
  });

test('run: output streams pass through; exit string "" is code 0', () => {
  const r = p9rt('run', image({ scenario: 'hello' }));
  assert.equal(r.stdout, 'hello from pid 1\n');
  assert.equal(r.stderr, 'to stderr\n');
  assert.equal(r.status, 0);
});

test('run: a decimal exit string is the exit code, other text is 1 with "p9rt: exit: TEXT" last', () => {
  let r = p9rt('run', image({ scenario: 'exit', s: '3' }));
  assert.equal(r.status, 3);
  assert.equal(r.stderr, '');
  r = p9rt('run', image({ scenario: 'nohandler' }));
  assert.equal(r.status, 1);
  assert.equal(r.stdout, 'posting\n');
  assert.equal(r.stderr.trimEnd().split('\n').at(-1), 'p9rt: exit: hangup');
});

test('run --timeline: the note path, and the exit line stays last', () => {
  const r = p9rt('run', '--timeline', image({ scenario: 'tcpnote' }));
  assert.equal(r.status, 0);
  assert.match(r.stderr, /^\s+pid 1\s+pid 2$/m);
  assert.match(r.stderr, /│\s+┬ pread fd \d+/);
  assert.match(r.stderr, /"hangup" ─+▶ note/);
  assert.match(r.stderr, /┴ pread interrupted/);
  assert.match(r.stderr, /deliver "hangup"/);
  assert.match(r.stderr, /noted\(NCONT\)/);
  const x = p9rt('run', '--explain', image({ scenario: 'tcpnote' }));
  // The fixture Ms leave no source position (Mbox.POS), so no link has a file:line.
  assert.equal(x.stderr.split('\n').filter((l) => l.startsWith('pid ')).join('\n'), 'pid 2 pread fd 6 interrupted at 50ms <- "hangup" from pid 1 (g0 pwrite) -> pread returned -1 "interrupted"');
  const r2 = p9rt('run', '--timeline', image({ scenario: 'ndflt' }));
  assert.equal(r2.stderr.trimEnd().split('\n').at(-1), 'p9rt: exit: die');
});

test('run --trace: Chrome trace JSON, byte for byte the same for the same seed', () => {
  const img = image({ scenario: 'sched' });
  const a = p9rt('run', '--seed', '5', '--trace', `${dir}/a.json`, img);
  const b = p9rt('run', '--seed=5', '--trace', `${dir}/b.json`, img);
  assert.equal(a.status, 0);
  assert.equal(a.stdout, b.stdout);
  const ta = readFileSync(`${dir}/a.json`, 'utf8');
  assert.equal(ta, readFileSync(`${dir}/b.json`, 'utf8'));
  const j = JSON.parse(ta);
  assert.ok(Array.isArray(j.traceEvents) && j.traceEvents.length > 10);
  assert.equal(j.p9rt.version, 1);
});

test('run --note WHEN:TARGET:TEXT posts a note at a virtual time', () => {
  const r = p9rt('run', '--note', '250ms:main:hangup', image({ scenario: 'hostnote' }));
  assert.equal(r.stdout, 'handler: hangup at 250000000\nsleep -1 interrupted at 250000000\n');
  assert.equal(r.status, 0);
});

test('run: deadlock and --timeout end with code 3 and say why', () => {
  let r = p9rt('run', image({ scenario: 'deadlock' }));
  assert.equal(r.status, 3);
  assert.match(r.stderr, /p9rt: deadlock/);
  r = p9rt('run', '--timeout', '300ms', image({ scenario: 'spin' }));
  assert.equal(r.status, 3);
  assert.match(r.stderr, /p9rt: timeout/);
});

test('run --interrupt WHEN:PID ends the call pid is in without a note; a missing pid is reported, a bad flag is exit 2', () => {
  let r = p9rt('run', '--interrupt', '5ms:1', image({ scenario: 'i_host' }));
  assert.equal(r.stdout, 'sleep -1 interrupted at 5\n');
  assert.equal(r.status, 0);
  r = p9rt('run', '--interrupt=2ms:7', '--interrupt', '5ms:1', image({ scenario: 'i_host' }));
  assert.equal(r.stdout, 'sleep -1 interrupted at 5\n');
  assert.equal(r.stderr, 'p9rt: --interrupt 2ms:7: not taken: no such proc: 7\n');
  for (const [v, msg] of [['5ms', /^p9rt: flag --interrupt: "5ms" is not WHEN:PID \(like 50ms:2\)\n$/], ['5ms:main', /^p9rt: flag --interrupt: pid "main" is not a pid from 1 to 16383\n$/], ['soon:1', /^p9rt: flag --interrupt: "soon" is not a duration/]]) {
    r = p9rt('run', '--interrupt', v, image({ scenario: 'i_host' }));
    assert.equal(r.status, 2, v);
    assert.match(r.stderr, msg, v);
  }
});

test('run waits for what its flags scheduled: a blocked run lives until a later --interrupt, then deadlocks with nothing left', () => {
  let r = p9rt('run', '--interrupt', '40ms:1', image({ scenario: 'i_wait' }));
  assert.equal(r.status, 3);
  assert.equal(r.stdout, 'reading a pipe nobody writes\nread -1 interrupted at 40.002\n');
  assert.match(r.stderr, /^p9rt: deadlock: every proc is blocked in the kernel and no timer is pending\n(p9rt: {3}.*\n)*$/);
  r = p9rt('run', '--interrupt', '40ms:1', '--note', '50ms:1:hangup', image({ scenario: 'i_wait' }));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'reading a pipe nobody writes\nread -1 interrupted at 40.002\npid 1 handler: hangup\nread -1 interrupted at 50.002\n');
});

test('usage errors exit 2', () => {
  assert.equal(p9rt('run').status, 2);
  assert.equal(p9rt('frob').status, 2);
  const r = p9rt('run', '--note', 'soon:main:x', image({ scenario: 'hello' }));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^p9rt: flag --note: "soon" is not a duration/);
  assert.equal(p9rt('run', '--bogus', 'x.go').status, 2);
  assert.equal(p9rt('run', `${dir}/missing.go`).status, 2);
});
