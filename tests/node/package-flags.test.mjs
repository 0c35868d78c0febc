// Every flag value of p9rt is checked, with a message naming the flag, and nothing a
// user asks for is dropped silently (issue 18 item 5): long or undeliverable --note,
// --timeout past Node's timer range or shorter than start-up, seeds past 2^32 and 2^53.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = root + 'bin/p9rt.js';
let dir;

function p9rt(...args) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'p9rt-flags-'));
  writeFileSync(join(dir, 'hello.go'), 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n');
  writeFileSync(join(dir, 'sleep.go'), 'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\ttime.Sleep(100 * time.Millisecond)\n\tfmt.Println("woke")\n}\n');
  writeFileSync(join(dir, 'x_test.go'), 'package main\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a bad value of any flag is exit 2 with a message naming the flag', () => {
  const long = 'x'.repeat(127);
  const cases = [
    [['run', '--seed', '-1', 'hello.go'], /flag --seed: "-1" is not a whole number from 0 to 2\^64-1/],
    [['run', '--seed', '1.5', 'hello.go'], /flag --seed: "1.5"/],
    [['run', '--seed', '18446744073709551616', 'hello.go'], /flag --seed: "18446744073709551616" is not a whole number from 0 to 2\^64-1/],
    [['run', '--max-procs', '0', 'hello.go'], /flag --max-procs: "0" is not a whole number from 1 to 16383/],
    [['run', '--max-procs', '16384', 'hello.go'], /flag --max-procs: "16384"/],
    [['run', '--gomaxprocs', '0', 'hello.go'], /flag --gomaxprocs: "0"/],
    [['run', '--max-memory', '12parsecs', 'hello.go'], /flag --max-memory: "12parsecs" is not a size/],
    [['run', '--max-memory', '5GiB', 'hello.go'], /flag --max-memory: 5GiB is not from 1MiB to 4096MiB/],
    [['run', '--timeout', 'soon', 'hello.go'], /flag --timeout: "soon" is not a duration/],
    [['run', '--timeout', '0s', 'hello.go'], /flag --timeout: a run of 0 never starts/],
    [['run', '--timeout', '9'.repeat(400) + 'h', 'hello.go'], /flag --timeout: 9+h is too long a duration/],
    [['run', '--note', '10ms:main', 'hello.go'], /flag --note: "10ms:main" is not WHEN:TARGET:TEXT/],
    [['run', '--note', 'soon:main:hangup', 'hello.go'], /flag --note: "soon" is not a duration/],
    [['run', '--note', '10ms:0:hangup', 'hello.go'], /flag --note: target "0" is not main, group or a pid from 1 to 16383/],
    [['run', '--note', '10ms:me:hangup', 'hello.go'], /flag --note: target "me"/],
    [['run', '--note', `10ms:main:${long}`, 'hello.go'], /flag --note: the note text is 127 bytes; a note holds at most 126/],
    [['run', '--note', `10ms:main:${'é'.repeat(64)}`, 'hello.go'], /flag --note: the note text is 128 bytes/],
    [['run', '--realtime=maybe', 'hello.go'], /flag --realtime: "maybe" is not true or false/],
    [['run', '--timeline=2', 'hello.go'], /flag --timeline: "2" is not true or false/],
    [['run', '--poll=go1.2', 'hello.go'], /flag --poll: "go1.2"/],
    [['run', '--trace', join(dir, 'no/such/dir/t.json'), 'hello.go'], /flag --trace: cannot write .*no\/such\/dir\/t\.json/],
    [['run', '--trace', dir, 'hello.go'], /flag --trace: cannot write .*is a directory/],
    [['run', '--trace=', 'hello.go'], /flag --trace: no file name/],
    [['run', '--file', 'no-such-file:/x', 'hello.go'], /flag --file: .*no-such-file/],
    [['run', '--seed'], /flag --seed needs a value/],
    [['run', '--frobnicate', 'hello.go'], /unknown flag --frobnicate/],
    [['test', '-v=maybe', 'x_test.go'], /flag -v: "maybe" is not true or false/],
    [['test', '--timeout', '-3s', 'x_test.go'], /flag --timeout: "-3s" is not a duration/],
    [['build', '-o'], /flag -o needs a file name/],
    [['build', '-o=', 'hello.go'], /flag -o needs a file name/],
  ];
  for (const [args, want] of cases) {
    const r = p9rt(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}, stderr ${r.stderr}`);
    assert.match(r.stderr, want, args.join(' '));
    assert.equal(r.stdout, '', `${args.join(' ')} ran nothing`);
  }
});

test('boolean flags take Go\'s spellings: --realtime=false is virtual time', () => {
  const r = p9rt('run', '--realtime=false', '--timeline=0', 'hello.go');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'hello\n');
  assert.equal(r.stderr, '', 'no timeline');
});

test('a note text of 126 bytes is delivered whole; a note whose proc does not exist is reported, not dropped', () => {
  // hangup, as Go's runtime matches notes by prefix: no handler, so it kills with the whole text.
  const text = 'hangup' + 'n'.repeat(120);
  const a = p9rt('run', '--note', `10ms:main:${text}`, 'sleep.go');
  assert.equal(a.status, 1, a.stderr);
  assert.equal(a.stderr, `p9rt: exit: ${text}\n`);
  const b = p9rt('run', '--note', '10ms:9:hangup', 'sleep.go');
  assert.equal(b.status, 0);
  assert.equal(b.stdout, 'woke\n');
  assert.equal(b.stderr, 'p9rt: --note 10ms:9:hangup: not posted: no such proc: 9\n');
});

test('--timeout 999h is longer than a JavaScript timer can wait, and the run still runs', () => {
  const r = p9rt('run', '--timeout', '999h', 'hello.go');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'hello\n');
  assert.equal(r.status, 0);
});

test('a --timeout shorter than start-up ends the run: compiling counts, and so does booting', async () => {
  const r = p9rt('run', '--timeout', '1ms', 'hello.go');
  assert.equal(r.status, 3, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'p9rt: timeout: the run took longer than 0.001s of wall-clock time (--timeout)\n');
  // The library, on a compiled program: its timer starts with Machine.start, so start-up counts.
  const { compile, Machine } = await import('../../dist/src/api/index.js');
  const program = compile(readFileSync(join(dir, 'hello.go'), 'utf8'), { filename: 'hello.go' });
  let out = '';
  const m = await Machine.start(program, { timeoutMs: 1, onStdout: (s) => (out += s) });
  const x = await m.exited;
  assert.equal(x.reason, 'timeout');
  assert.equal(x.code, 3);
  assert.equal(out, '');
});

test('the library checks its options the way the flags are checked', async () => {
  const { Machine } = await import('../../dist/src/api/index.js');
  const image = { image: new Uint8Array(8) };
  const bad = [
    [{ seed: 2 ** 53 + 2 }, /seed: 9007199254740994 .*above 2\^53 pass a bigint/],
    [{ seed: 2n ** 64n }, /seed: 18446744073709551616 is not a whole number/],
    [{ seed: -1 }, /seed: -1/],
    [{ maxProcs: 16384 }, /maxProcs: 16384 is not a whole number from 1 to 16383/],
    [{ timeoutMs: 0 }, /timeoutMs: 0 is not a time of more than 0 ms/],
    [{ timeoutMs: NaN }, /timeoutMs: NaN/],
    [{ notes: [{ at: 5, target: 'main', text: 'x'.repeat(127) }] }, /notes: the text .* is 127 bytes; a note holds at most 126/],
    [{ notes: [{ at: -1, target: 'main', text: 'hangup' }] }, /notes: time -1 is not 0 ms or more/],
    [{ notes: [{ at: 1, target: 0, text: 'hangup' }] }, /notes: target 0 is not/],
  ];
  for (const [opts, want] of bad) await assert.rejects(Machine.start(image, opts), want, JSON.stringify(opts, (k, v) => (typeof v === 'bigint' ? String(v) : v)));
});

test('seeds past 2^32 and 2^53 stay apart: every bit of the seed chooses', async () => {
  const { Rand } = await import('../../dist/host/kernel/clock.js');
  const choices = (seed) => {
    const r = new Rand(seed);
    return Array.from({ length: 16 }, () => r.intn(2)).join('');
  };
  for (let s = 0n; s < 64n; s++) {
    for (const far of [s + 2n ** 32n, s + 2n ** 53n, s + 2n ** 63n]) assert.notEqual(choices(s), choices(far), `seeds ${s} and ${far}`);
  }
  // The largest seed is taken exactly (the trace's boot event names it).
  const r = p9rt('run', '--seed', '18446744073709551615', '--trace', 't.json', 'hello.go');
  assert.equal(r.status, 0, r.stderr);
  const boot = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8'));
  assert.match(JSON.stringify(boot), /virtual seed=18446744073709551615/);
});
