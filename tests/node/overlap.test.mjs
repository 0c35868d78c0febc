// p9rt's Go library and its Go tests are our own words (issue 17): they
// follow Go's behaviour, API and test scenarios, not its text. This keeps
// the share of long code and comment lines they have in common with the
// installed Go's sources (tools/overlap.mjs says how it is measured)
// under MAX_SHARE for every file, except the files listed in REMAINING,
// which are still to be rewritten and may only go down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFiles, goLines, goroot, measure } from '../../tools/overlap.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAX_SHARE = 0.25;

// file -> most long parts it may share with Go (its count when this list
// was made). Lower a number when a file is rewritten; remove the line once
// it is under MAX_SHARE.
const REMAINING = new Map([

]);

const dir = goroot();

test('src/golib and tests/go share at most a quarter of their long lines with Go, bar the listed remainder', { skip: !dir && 'no Go toolchain' }, () => {
  const set = goLines(dir);
  const over = [];
  for (const file of defaultFiles()) {
    const rel = relative(root, file);
    const r = measure(readFileSync(file, 'utf8'), set);
    const allowed = REMAINING.get(rel);
    if (allowed !== undefined) {
      if (r.shared > allowed) over.push(`${rel}: ${r.shared} long parts are Go's, more than the ${allowed} recorded`);
    } else if (r.long > 0 && r.shared / r.long > MAX_SHARE) {
      over.push(`${rel}: ${r.shared} of ${r.long} long parts are Go's`);
    }
  }
  assert.deepEqual(over, []);
});

test('the Go tests p9rt runs are re-creations, not copies', { skip: !dir && 'no Go toolchain' }, () => {
  const set = goLines(dir);
  for (const f of ['tests/go/net_timeout_test.go', 'tests/go/net_test.go', 'tests/go/signal_plan9_test.go']) {
    const r = measure(readFileSync(root + f, 'utf8'), set);
    assert.ok(r.shared / r.long < 0.2, `${f}: ${r.shared}/${r.long}`);
  }
});

test('the measure finds a copied line and ignores API and short lines', () => {
  const set = new Set(['if err := c.fd.SetDeadline(t); err != nil {', 'Copy copies from src to dst until either EOF is reached']);
  const r = measure(
    [
      '\tif err := c.fd.SetDeadline(t);   err != nil {', // copied code, other spacing
      '// Copy copies from src to dst until either EOF is reached', // copied comment
      'func (c *conn) SetDeadline(t time.Time) error {', // API: counted apart
      'return nil', // too short to say anything
      '\tn, err := ourOwnHelper(b, deadline, "read")', // ours
    ].join('\n'),
    set,
  );
  assert.deepEqual({ long: r.long, shared: r.shared, api: r.api }, { long: 3, shared: 2, api: 1 });
});
