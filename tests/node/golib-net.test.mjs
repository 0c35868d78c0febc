// internal/poll and net on p9rt: read and write deadlines (past, sticky,
// cleared, extended, exactly now), zero-length reads, EOF when the peer
// closes, errors after Close, net.Pipe, and the Go 1.19.8 deadline logic
// beside current Go's. The expected output is real Go's, except where Go on
// Plan 9 differs from Go on Linux: a Read after Close fails in netFD.Read's
// fd.ok() check with EINVAL ("bad arg in system call"), not net.ErrClosed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/src/compiler/index.js')) && existsSync(join(root, 'dist/src/cli/main.js'));
const haveGo = !spawnSync('go', ['version']).error;
const dir = mkdtempSync(join(tmpdir(), 'p9rt-golib-net-'));

function file(name) {
  const f = join(dir, name + '.go');
  writeFileSync(f, PROGRAMS[name]);
  return f;
}

function run(name, ...flags) {
  return spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', ...flags, file(name)], {
    cwd: root, encoding: 'utf8', timeout: 60_000,
  });
}

test('deadlines, EOF, Close and net.Pipe behave as Go on Plan 9', (t) => {
  if (!built) return t.skip('compiler/CLI not built');
  const r = run('deadlines');
  assert.equal(r.stdout, WANT_PLAN9, r.stderr);
  assert.equal(r.status, 0, r.stderr);
});

test('the same program under real Go differs only in the Plan 9 line', (t) => {
  if (!haveGo) return t.skip('no Go toolchain');
  const r = spawnSync('go', ['run', file('deadlines')], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout, WANT_LINUX, r.stderr);
});

test('current deadlines: extending a deadline stops the old timer', (t) => {
  if (!built) return t.skip('compiler/CLI not built');
  const r = run('variant');
  assert.equal(r.stdout, 'extended: n=4 ok late true\n', r.stderr);
  assert.equal(r.status, 0, r.stderr);
});

test('Go 1.19.8 deadlines (--poll=go1.19): the old timer still fires', (t) => {
  if (!built) return t.skip('compiler/CLI not built');
  const r = run('variant', '--poll=go1.19');
  assert.equal(r.stdout,
    'extended: n=0 timeout=true deadline=true eof=false closed=false  false\n' +
    'drained: n=4 ok late\n', r.stderr);
  assert.equal(r.status, 0, r.stderr);
});

const PROGRAMS = {
  "deadlines": "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"io\"\n\t\"net\"\n\t\"os\"\n\t\"strings\"\n\t\"time\"\n)\n\nfunc pair() (net.Listener, net.Conn, net.Conn) {\n\tln, err := net.Listen(\"tcp\", \"127.0.0.1:0\")\n\tif err != nil {\n\t\tfmt.Println(\"listen:\", err)\n\t\tos.Exit(1)\n\t}\n\tacc := make(chan net.Conn)\n\tgo func() {\n\t\tc, err := ln.Accept()\n\t\tif err != nil {\n\t\t\tfmt.Println(\"accept:\", err)\n\t\t\tos.Exit(1)\n\t\t}\n\t\tacc <- c\n\t}()\n\tc, err := net.Dial(\"tcp\", ln.Addr().String())\n\tif err != nil {\n\t\tfmt.Println(\"dial:\", err)\n\t\tos.Exit(1)\n\t}\n\treturn ln, c, <-acc\n}\n\nfunc describe(n int, err error) string {\n\tif err == nil {\n\t\treturn fmt.Sprintf(\"n=%d ok\", n)\n\t}\n\tne, isNet := err.(net.Error)\n\treturn fmt.Sprintf(\"n=%d timeout=%v deadline=%v eof=%v closed=%v\", n, isNet && ne.Timeout(),\n\t\terrors.Is(err, os.ErrDeadlineExceeded), err == io.EOF, errors.Is(err, net.ErrClosed))\n}\n\nfunc main() {\n\tln, c, s := pair()\n\tbuf := make([]byte, 64)\n\n\t// A past read deadline fails a Read even with data ready, and stays\n\t// failed until the deadline is set again.\n\ts.Write([]byte(\"ready\"))\n\ttime.Sleep(10 * time.Millisecond)\n\tc.SetReadDeadline(time.Now().Add(-time.Second))\n\tfmt.Println(\"past deadline:\", describe(c.Read(buf)))\n\tfmt.Println(\"still past:\", describe(c.Read(buf)))\n\tfmt.Println(\"empty read:\", describe(c.Read(buf[:0])))\n\tc.SetReadDeadline(time.Time{})\n\tn, err := c.Read(buf)\n\tfmt.Println(\"cleared:\", describe(n, err), string(buf[:n]))\n\n\t// A timeout's text: \"read tcp 127.0.0.1:A->127.0.0.1:B: i/o timeout\".\n\tc.SetReadDeadline(time.Now().Add(20 * time.Millisecond))\n\tstart := time.Now()\n\t_, err = c.Read(buf)\n\tel := time.Since(start)\n\tfmt.Println(\"timed out:\", strings.HasPrefix(err.Error(), \"read tcp 127.0.0.1:\"), strings.HasSuffix(err.Error(), \": i/o timeout\"),\n\t\tel >= 20*time.Millisecond, el < time.Second)\n\n\t// Extending a deadline: the old timer must not fire.\n\tc.SetReadDeadline(time.Now().Add(20 * time.Millisecond))\n\tc.SetReadDeadline(time.Now().Add(time.Hour))\n\tgo func() {\n\t\ttime.Sleep(50 * time.Millisecond)\n\t\ts.Write([]byte(\"late\"))\n\t}()\n\tn, err = c.Read(buf)\n\tfmt.Println(\"extended:\", describe(n, err), string(buf[:n]))\n\n\t// A deadline of exactly now is in the past.\n\tc.SetReadDeadline(time.Now())\n\tfmt.Println(\"deadline now:\", describe(c.Read(buf)))\n\tc.SetReadDeadline(time.Time{})\n\n\t// Write deadlines.\n\tc.SetWriteDeadline(time.Now().Add(-time.Second))\n\tfmt.Println(\"past write deadline:\", describe(c.Write([]byte(\"x\"))))\n\tc.SetWriteDeadline(time.Time{})\n\tfmt.Println(\"write cleared:\", describe(c.Write([]byte(\"y\"))))\n\tn, err = s.Read(buf)\n\tfmt.Println(\"peer got:\", describe(n, err), string(buf[:n]))\n\n\t// The peer's Close ends a blocked Read with EOF.\n\tgo func() {\n\t\ttime.Sleep(20 * time.Millisecond)\n\t\ts.Close()\n\t}()\n\tfmt.Println(\"peer closed:\", describe(c.Read(buf)))\n\n\t// Our own Close: later I/O fails with net.ErrClosed.\n\tc.Close()\n\t_, err = c.Read(buf)\n\tfmt.Println(\"after close:\", describe(0, err), strings.HasSuffix(err.Error(), \"use of closed network connection\"))\n\tln.Close()\n\n\t// net.Pipe deadlines.\n\tp1, p2 := net.Pipe()\n\tp1.SetReadDeadline(time.Now().Add(10 * time.Millisecond))\n\tfmt.Println(\"pipe timeout:\", describe(p1.Read(buf)))\n\tgo p2.Write([]byte(\"piped\"))\n\tp1.SetReadDeadline(time.Time{})\n\tn, err = p1.Read(buf)\n\tfmt.Println(\"pipe read:\", describe(n, err), string(buf[:n]))\n\tp2.Close()\n\tfmt.Println(\"pipe closed:\", describe(p1.Read(buf)))\n}\n",
  "variant": "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"io\"\n\t\"net\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc pair() (net.Listener, net.Conn, net.Conn) {\n\tln, err := net.Listen(\"tcp\", \"127.0.0.1:0\")\n\tif err != nil {\n\t\tfmt.Println(\"listen:\", err)\n\t\tos.Exit(1)\n\t}\n\tacc := make(chan net.Conn)\n\tgo func() {\n\t\tc, err := ln.Accept()\n\t\tif err != nil {\n\t\t\tfmt.Println(\"accept:\", err)\n\t\t\tos.Exit(1)\n\t\t}\n\t\tacc <- c\n\t}()\n\tc, err := net.Dial(\"tcp\", ln.Addr().String())\n\tif err != nil {\n\t\tfmt.Println(\"dial:\", err)\n\t\tos.Exit(1)\n\t}\n\treturn ln, c, <-acc\n}\n\nfunc describe(n int, err error) string {\n\tif err == nil {\n\t\treturn fmt.Sprintf(\"n=%d ok\", n)\n\t}\n\tne, isNet := err.(net.Error)\n\treturn fmt.Sprintf(\"n=%d timeout=%v deadline=%v eof=%v closed=%v\", n, isNet && ne.Timeout(),\n\t\terrors.Is(err, os.ErrDeadlineExceeded), err == io.EOF, errors.Is(err, net.ErrClosed))\n}\n\nfunc main() {\n\tln, c, s := pair()\n\tdefer ln.Close()\n\tbuf := make([]byte, 64)\n\n\t// Extending a deadline: Go 1.19 leaves the old timer armed, and it\n\t// fires at 20ms, cancelling the Read meant to wait for the late data.\n\tc.SetReadDeadline(time.Now().Add(20 * time.Millisecond))\n\tc.SetReadDeadline(time.Now().Add(time.Hour))\n\tgo func() {\n\t\ttime.Sleep(50 * time.Millisecond)\n\t\ts.Write([]byte(\"late\"))\n\t}()\n\tstart := time.Now()\n\tn, err := c.Read(buf)\n\tfmt.Println(\"extended:\", describe(n, err), string(buf[:n]), time.Since(start) >= 50*time.Millisecond)\n\tif err != nil {\n\t\t// Drain the late data for the next case.\n\t\tc.SetReadDeadline(time.Time{})\n\t\tn, err = c.Read(buf)\n\t\tfmt.Println(\"drained:\", describe(n, err), string(buf[:n]))\n\t}\n\n}\n"
};

const WANT_LINUX = "past deadline: n=0 timeout=true deadline=true eof=false closed=false\nstill past: n=0 timeout=true deadline=true eof=false closed=false\nempty read: n=0 ok\ncleared: n=5 ok ready\ntimed out: true true true true\nextended: n=4 ok late\ndeadline now: n=0 timeout=true deadline=true eof=false closed=false\npast write deadline: n=0 timeout=true deadline=true eof=false closed=false\nwrite cleared: n=1 ok\npeer got: n=1 ok y\npeer closed: n=0 timeout=false deadline=false eof=true closed=false\nafter close: n=0 timeout=false deadline=false eof=false closed=true true\npipe timeout: n=0 timeout=true deadline=true eof=false closed=false\npipe read: n=5 ok piped\npipe closed: n=0 timeout=false deadline=false eof=true closed=false\n";

const WANT_PLAN9 = "past deadline: n=0 timeout=true deadline=true eof=false closed=false\nstill past: n=0 timeout=true deadline=true eof=false closed=false\nempty read: n=0 ok\ncleared: n=5 ok ready\ntimed out: true true true true\nextended: n=4 ok late\ndeadline now: n=0 timeout=true deadline=true eof=false closed=false\npast write deadline: n=0 timeout=true deadline=true eof=false closed=false\nwrite cleared: n=1 ok\npeer got: n=1 ok y\npeer closed: n=0 timeout=false deadline=false eof=true closed=false\nafter close: n=0 timeout=false deadline=false eof=false closed=false false\npipe timeout: n=0 timeout=true deadline=true eof=false closed=false\npipe read: n=5 ok piped\npipe closed: n=0 timeout=false deadline=false eof=true closed=false\n";
