// Go's own net/http tests of the server's background read, request
// contexts, CloseNotify, Hijack, keep-alive, timeouts, shutdown and the
// client (tests/go/http_serve_test.go and http_client_test.go, the scenarios
// re-created in our words) run by `p9rt test` in virtual time and, when a Go
// toolchain is installed, by real `go test` too: both must pass. The
// playground's http_hangup.go shows the abort of the background read as a
// hangup note interrupting a pread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { p9rtRun, p9rtTest, root } from './golib-lib.mjs';

const built = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));
const haveGo = !spawnSync('go', ['version']).error;

function results(out) {
  return [...out.matchAll(/^--- (PASS|FAIL|SKIP): (\S+)/gm)].map((m) => `${m[2]} ${m[1]}`).sort();
}

const SERVE = [
  'TestCloseNotifier', 'TestCloseNotifierChanLeak', 'TestCloseNotifierPipelined', 'TestDoubleHijack',
  'TestHTTP10KeepAlive204Response', 'TestHandlerPanicNil', 'TestHijackAfterCloseNotifier',
  'TestHijackBeforeRequestBodyRead', 'TestOnlyWriteTimeout', 'TestServerCancelsReadTimeoutWhenIdle',
  'TestServerCloseDeadlock', 'TestServerCloseListenerOnce', 'TestServerConnState',
  'TestServerContext_LocalAddrContextKey', 'TestServerContext_ServerContextKey', 'TestServerFlushAndHijack',
  'TestServerHijackGetsBackgroundByte', 'TestServerIdleTimeout', 'TestServerKeepAlivesEnabled',
  'TestServerRequestContextCancel_ConnClose', 'TestServerRequestContextCancel_ServeHTTPDone',
  'TestServerSetKeepAlivesEnabledClosesConns', 'TestServerShutdown', 'TestServerShutdownStateNew',
  'TestServerShutdownThenServe', 'TestServerTimeouts', 'TestWriteAfterHijack',
].map((n) => `${n} PASS`).sort();

const CLIENT = [
  'TestClient', 'TestClientCloseIdleConnections', 'TestClientCopyHeadersOnRedirect',
  'TestClientDoCanceledVsTimeout',
  'TestClientErrorWithRequestURI', 'TestClientHead', 'TestClientHeadContentLength',
  'TestClientPopulatesNilResponseBody', 'TestClientRedirect308NoGetBody', 'TestClientRedirectEatsBody',
  'TestClientRedirectNoLocation', 'TestClientRedirectTypes', 'TestClientRedirectUseResponse',
  'TestClientRedirects', 'TestClientRequestContextCancel', 'TestClientTimeout', 'TestClientTimeoutDoesNotExpire',
  'TestClientTimeout_Headers', 'TestGetRequestFormat', 'TestPostFormRequestFormat', 'TestPostRequestFormat',
  'TestProbeZeroLengthBody',
].map((n) => `${n} PASS`).sort();

for (const [file, want] of [['http_serve_test.go', SERVE], ['http_client_test.go', CLIENT]]) {
  test(`net/http ${file} passes under p9rt test (virtual time)`, (t) => {
    if (!built) return t.skip('not built');
    const r = p9rtTest(file, '-v');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ok  \tcommand-line-arguments\t[0-9.]+s\n$/m);
    assert.deepEqual(results(r.stdout), want);
  });

  test(`net/http ${file} passes under real go test too`, (t) => {
    if (!haveGo) return t.skip('no Go toolchain');
    const r = spawnSync('go', ['test', '-count=1', '-v', file], {
      cwd: join(root, 'tests/go'), encoding: 'utf8', timeout: 300_000,
      env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '' },
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(results(r.stdout), want);
  });
}

test('http_hangup.go: the abort of the background read is a hangup note to the proc in pread', (t) => {
  if (!built) return t.skip('not built');
  const r = p9rtRun(join(root, 'examples/http_hangup.go'), ['--explain']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'client: 200 OK "fast reply\\n"\nclient: hanging up\nhandler: the client hung up: context canceled\n');
  assert.match(r.stderr, /pread fd \d+ interrupted at [0-9.]+ms \(http_hangup\.go:\d+\) <- "hangup" from pid \d+ \(g\d+ abortPendingRead: SetReadDeadline in the past at [0-9.]+ms, http_hangup\.go:\d+\) -> Read returned i\/o timeout/);
});

test('http_hangup.go: the trace names the step abortPendingRead, and the hangup note is its doing', (t) => {
  if (!built) return t.skip('not built');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-http-trace-'));
  const file = join(dir, 'trace.json');
  const r = p9rtRun(join(root, 'examples/http_hangup.go'), ['--trace', file]);
  assert.equal(r.status, 0, r.stderr);
  const events = JSON.parse(readFileSync(file, 'utf8')).p9rt.events;
  const byId = new Map(events.map((e) => [e.id, e]));
  const abort = events.filter((e) => e.kind === 'http.abortPendingRead');
  assert.ok(abort.length >= 1, 'an http.abortPendingRead event');
  // Its region holds the deadline in the past, whose Cancel posts the hangup note.
  const post = events.find((e) => e.kind === 'note.post' && e.text === 'hangup');
  const chain = [];
  for (let e = post; e; e = byId.get(e.cause)) chain.push(e.kind);
  assert.deepEqual(chain.slice(0, 4), ['note.post', 'io.cancel', 'deadline', 'http.abortPendingRead']);
});

test('the parts of net/http p9rt lacks are refused by name', (t) => {
  if (!built) return t.skip('not built');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-http-'));
  const file = join(dir, 'ns.go');
  writeFileSync(file, 'package main\n\nimport (\n\t"net/http"\n\t"net/http/httptest"\n)\n\nfunc main() {\n\thttp.SetCookie(nil, nil)\n\t_ = httptest.NewTLSServer\n\t_ = http.Nope\n}\n');
  const r = p9rtRun(file);
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr.replaceAll(file, 'ns.go'), 'ns.go:9:7: http.SetCookie is not supported by p9rt\nns.go:10:15: httptest.NewTLSServer is not supported by p9rt\nns.go:11:11: undefined: http.Nope\n');
});
