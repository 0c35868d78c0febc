// min and max (docs/language.md builtins; Go 1.21 semantics, so Debian's Go 1.19
// cannot produce the expected output: it is written from the spec). A
// regression test: the non-constant path once kept the wrong operand, so
// min(len(s), 50) of an empty s gave 50.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('min and max keep the right operand for ints, floats, unsigned and strings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-minmax-'));
  const file = join(dir, 'minmax.go');
  writeFileSync(file, `package main

import "fmt"

func main() {
	s := ""
	n, big := len(s), 50
	var u1, u2 uint8 = 200, 7
	f, g := -1.5, 2.25
	a, b, c := "pear", "apple", "fig"
	fmt.Println(min(n, big), max(n, big), min(big, n), max(big, n))
	fmt.Println(min(3, n, 2), max(-3, n, -2), min(u1, u2), max(u1, u2))
	fmt.Println(min(f, g), max(f, g), min(a, b, c), max(a, b, c))
	fmt.Println(min(1, 2, 0), max(2.5, 1.0))
}
`);
  const r = spawnSync(process.execPath, [root + 'bin/p9rt.js', 'run', file], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '0 50 0 50\n0 0 7 200\n-1.5 2.25 apple pear\n0 2.5\n');
  assert.equal(r.status, 0);
});
