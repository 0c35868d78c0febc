// The note path, step by step (docs/plan9-notes.md §1.3-1.8, §3.8),
// with fixture Ms over the real host/m glue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFixture } from './fixtures/run.mjs';

const tcpOut =
  'addrs 127.0.0.1!40000 127.0.0.1!40001 127.0.0.1!40001\n' +
  'child handler: hangup\n' +
  'read1 -1 interrupted\n' +
  'read2 5 first\n' +
  'read3 6 second\n' +
  'read4 -1 Hangup\n';

test('a note to a proc asleep in pread: -1 "interrupted" after its handler ran; no data lost', async () => {
  const r = await runFixture({ scenario: 'tcpnote' });
  assert.equal(r.stdout, tcpOut);
  const kinds = r.trace.filter((e) => e.pid === 2 || e.to === 2).map((e) => e.kind + (e.sys ? ' ' + e.sys : ''));
  const at = (k) => kinds.indexOf(k);
  assert.ok(at('sys.block pread') >= 0);
  assert.ok(at('note.post') > at('sys.block pread'));
  assert.ok(at('sys.interrupted pread') > at('note.post'));
  assert.ok(at('note.deliver') > at('sys.interrupted pread'));
  assert.ok(at('noted') > at('note.deliver'));
});

test('a note wins over a condition satisfied in the same instant; the data stays queued', async () => {
  // The data arrives and then the note, both before the woken reader runs again.
  for (const seed of [1, 2, 3, 4, 5]) {
    const r = await runFixture({ scenario: 'tcpnote', dataFirst: true }, { seed });
    assert.equal(r.stdout, tcpOut, `seed ${seed}`);
  }
});

test('the same note path on the wall clock', async () => {
  const r = await runFixture({ scenario: 'tcpnote' }, { clock: 'real' });
  assert.equal(r.stdout, tcpOut);
});

test('a note posted while the proc runs in user mode fails its next sleep at once', async () => {
  let posted = false;
  const r = await runFixture(
    { scenario: 'entry' },
    {
      onStdout: (s, m) => {
        if (!posted && s.includes('spinning')) {
          posted = true;
          m.postnote(1, 'interrupt');
        }
      },
    },
  );
  assert.equal(r.stdout, 'spinning\nhandler: interrupt\nsleep -1 interrupted clock 0\n');
});

test('NNOTE: five notes are held while the handler runs, the sixth is "note not posted"', async () => {
  const r = await runFixture({ scenario: 'fullqueue' });
  assert.equal(
    r.stdout,
    'handler: a\npost n6: -1 note not posted\n' +
      [1, 2, 3, 4, 5].map((i) => `handler: n${i}\n`).join('') +
      'done\n',
  );
  assert.ok(r.trace.some((e) => e.kind === 'note.post' && e.result === 'refused' && e.text === 'n6'));
  assert.equal(r.trace.filter((e) => e.kind === 'note.held').length, 5);
});

test('an empty note is delivered and noted like any other; the next note follows (issue 18.2)', async () => {
  const r = await runFixture({ scenario: 'emptynote' });
  assert.equal(r.stdout, "handler: []\npost '' 0\nhandler: [x]\npost x 1\ndone\n");
  assert.deepEqual(
    r.trace.filter((e) => e.kind === 'note.deliver' || e.kind === 'noted').map((e) => e.kind + ' ' + (e.text ?? e.mode)),
    ['note.deliver ', 'noted 0', 'note.deliver x', 'noted 0'],
  );
  assert.equal(r.code, 0);
});

test('a note of ERRMAX-1 bytes or more is refused with 4e\'s error', async () => {
  const r = await runFixture({ scenario: 'toolong' });
  assert.equal(r.stdout, 'handler got 126 bytes\n126: 126\n127: -1 read or write too large\n');
});

test('noted(NDFLT) kills the proc with the note as its exit string', async () => {
  const r = await runFixture({ scenario: 'ndflt' });
  assert.equal(r.stdout, 'still here\n');
  assert.equal(r.exitString, 'die');
  assert.equal(r.code, 1);
});

test('a note to a proc without a handler kills it: exit string = the note', async () => {
  const r = await runFixture({ scenario: 'nohandler' });
  assert.equal(r.stdout, 'posting\n');
  assert.equal(r.exitString, 'hangup');
  assert.equal(r.code, 1);
});

test('alarm posts "alarm" and interrupts a sleep', async () => {
  const r = await runFixture({ scenario: 'alarm' });
  assert.equal(r.stdout, 'handler: alarm at 30000000\nsleep -1 interrupted at 30000000\n');
});

test('--note: a host note at a virtual time interrupts a sleep', async () => {
  const r = await runFixture({ scenario: 'hostnote' }, { notes: [{ at: 250, target: 'main', text: 'hangup' }] });
  assert.equal(r.stdout, 'handler: hangup at 250000000\nsleep -1 interrupted at 250000000\n');
  const post = r.trace.find((e) => e.kind === 'note.post');
  assert.equal(post.from, 'host');
});

test('a group note reaches pid 1', async () => {
  const r = await runFixture({ scenario: 'hostnote' }, { notes: [{ at: 1, target: 'group', text: 'interrupt' }] });
  assert.equal(r.stdout, 'handler: interrupt at 1000000\nsleep -1 interrupted at 1000000\n');
});

test('postnote to a pid that does not exist is an error', async () => {
  let err = null;
  await runFixture(
    { scenario: 'entry' },
    {
      onStdout: (s, m) => {
        if (s.includes('spinning')) {
          m.postnote(9, 'x').catch((e) => (err = e));
          m.postnote(1, 'interrupt');
        }
      },
    },
  );
  assert.match(String(err), /no such proc/);
});
