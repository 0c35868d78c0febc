// The CLI's stdin is the program's /dev/cons, read only when the program
// reads it: an open pipe that nobody closes (a test harness, a CI runner)
// must not hold up a program that never reads its stdin; a program that does
// read gets the whole input, then end of file, at the same virtual time on
// every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(tmpdir() + '/p9rt-stdin-');
const runnable = existsSync(root + 'dist/src/cli/main.js') && existsSync(root + 'build/core.wasm');

/** Run p9rt with a stdin pipe; `input` is written, and the pipe closed only if `close`. */
function run(file, input, close) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [root + 'bin/p9rt.js', 'run', file], { cwd: dir });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    p.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      p.stdin.destroy();
      resolve({ out, err, code });
    });
    if (input) p.stdin.write(input);
    if (close) p.stdin.end();
  });
}

test('a program that never reads stdin ends though its stdin pipe stays open', async (t) => {
  if (!runnable) return t.skip('core or CLI not built');
  writeFileSync(`${dir}/hello.go`, 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n');
  const r = await run('hello.go', 'unread', false);
  assert.deepEqual(r, { out: 'hello\n', err: '', code: 0 });
});

test('a program that reads stdin gets all of it, then end of file, deterministically', async (t) => {
  if (!runnable) return t.skip('core or CLI not built');
  writeFileSync(
    `${dir}/cat.go`,
    `package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("timer")
	}()
	b, err := io.ReadAll(os.Stdin)
	fmt.Printf("%q %v %v\\n", b, err, time.Now().UnixNano()%1e9)
	time.Sleep(20 * time.Millisecond)
}
`,
  );
  const a = await run('cat.go', 'line one\nline two\n', true);
  const b = await run('cat.go', 'line one\nline two\n', true);
  assert.equal(a.code, 0, a.err);
  // The clock stands still while the reader waits for the host's input: the
  // read ends after the compute charged so far (microseconds), before the
  // 10 ms timer.
  const m = /^"line one\\nline two\\n" <nil> (\d+)\ntimer\n$/.exec(a.out);
  assert.ok(m, a.out);
  assert.ok(Number(m[1]) < 1e6, a.out);
  assert.deepEqual(a, b);
});

// issue 18.6: stdin is delivered as it arrives. The program answers each
// line; the test writes the next line only after reading the answer to the
// last, so a CLI that waited for end of file would never answer.
test('an interactive program gets each line as it is written, before end of file', async (t) => {
  if (!runnable) return t.skip('core or CLI not built');
  writeFileSync(
    `${dir}/echo.go`,
    `package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	var line []byte
	b := make([]byte, 64)
	for {
		n, err := os.Stdin.Read(b)
		for _, c := range b[:n] {
			if c != '\\n' {
				line = append(line, c)
				continue
			}
			fmt.Println("got", strings.ToUpper(string(line)))
			line = line[:0]
		}
		if err != nil {
			fmt.Println("eof", err == io.EOF)
			return
		}
	}
}
`,
  );
  const p = spawn(process.execPath, [root + 'bin/p9rt.js', 'run', 'echo.go'], { cwd: dir });
  const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
  let out = '';
  const lines = ['one', 'two', 'three'];
  let sent = 0;
  p.stdin.write(lines[sent++] + '\n');
  p.stdout.setEncoding('utf8').on('data', (d) => {
    out += d;
    const answers = out.split('\n').filter((l) => l.startsWith('got ')).length;
    if (answers === sent) {
      if (sent < lines.length) p.stdin.write(lines[sent++] + '\n');
      else p.stdin.end();
    }
  });
  let err = '';
  p.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const code = await new Promise((resolve) => p.on('close', resolve));
  clearTimeout(timer);
  assert.equal(out, 'got ONE\ngot TWO\ngot THREE\neof true\n', err);
  assert.equal(code, 0, err);
});
