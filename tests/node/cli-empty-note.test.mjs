// Issue 18.2 from the command line: `--note 10ms:main:` posts an empty note. 4e postnote queues it
// like any other (docs/decisions.md); with os/signal watching only hangup it is an unknown note,
// and the program runs to its end instead of wedging its exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const prog = `package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.Note("hangup"))
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main returns")
}
`;

for (const target of ['main', 'group']) {
  test(`--note 10ms:${target}: (an empty note) is posted and the run ends normally`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'p9rt-empty-note-'));
    const file = join(dir, 'prog.go');
    writeFileSync(file, prog);
    const r = spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', '--note', `10ms:${target}:`, file], {
      encoding: 'utf8',
      env: { ...process.env, P9RT_CACHE: 'off' },
    });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'main returns\n');
    assert.equal(r.status, 0);
  });
}
