// Programs that exercise the Go library on p9rt (compiler + core + kernel):
// fmt, strings, strconv, errors, sync, sync/atomic, time, os and the
// runtime's panic texts. Expected outputs are what real Go 1.19 prints for
// the same files (they avoid what differs between Plan 9 and Linux); when a
// Go toolchain is installed the portable ones are also compared live.
// Skipped until the compiler and the CLI are built into dist/.
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
const dir = mkdtempSync(join(tmpdir(), 'p9rt-golib-run-'));

function run(name, ...args) {
  const file = join(dir, name + '.go');
  writeFileSync(file, PROGRAMS[name]);
  return spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', file, ...args], {
    cwd: root, encoding: 'utf8', timeout: 60_000,
  });
}

function goRun(name) {
  const file = join(dir, name + '.go');
  writeFileSync(file, PROGRAMS[name]);
  return spawnSync('go', ['run', file], { encoding: 'utf8', timeout: 120_000 });
}

for (const name of ['fmt', 'maps', 'sync', 'time']) {
  test(`${name}.go prints what Go prints`, (t) => {
    if (!built) return t.skip('compiler/CLI not built');
    const r = run(name);
    assert.equal(r.stdout, WANT[name], r.stderr);
    assert.equal(r.status, 0, r.stderr);
    if (name === 'fmt') assert.equal(r.stderr, 'to stderr\n');
    if (haveGo) assert.equal(r.stdout, goRun(name).stdout);
  });
}

test('os.go: files, errors, Getpid, and os.Exit(3) skips deferred calls', (t) => {
  if (!built) return t.skip('compiler/CLI not built');
  const r = run('os');
  assert.equal(r.stdout, WANT.os, r.stderr);
  assert.equal(r.status, 3);
});

test('panics.go: runtime errors have Go\'s texts; an unrecovered panic exits 2', (t) => {
  if (!built) return t.skip('compiler/CLI not built');
  const r = run('panics');
  assert.equal(r.stdout, WANT.panics, r.stderr);
  assert.ok(r.stderr.startsWith('panic: final\n\ngoroutine 1 [running]:\n'), r.stderr);
  assert.equal(r.status, 2);
});

test('signal.go: os/signal receives notes posted to the own proc; after Notify, interrupt no longer kills', (t) => {
  if (!built) return t.skip('compiler/CLI not built');
  const r = run('signal');
  assert.equal(r.stdout, WANT.signal, r.stderr);
  assert.equal(r.status, 0, r.stderr);
});

test('testing: Main runs Test functions and prints what a Go test binary prints', (t) => {
  if (!built) return t.skip('compiler/CLI not built');
  let r = run('tmain');
  assert.equal(r.stdout, WANT.tmain, r.stderr);
  assert.equal(r.status, 1);
  r = run('tmain', '-test.v');
  assert.equal(r.stdout, WANT['tmain -test.v'], r.stderr);
  assert.equal(r.status, 1);
});

const PROGRAMS = {
  "fmt": "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"os\"\n\t\"strconv\"\n\t\"strings\"\n)\n\ntype point struct {\n\tX, Y int\n\tName string\n}\n\ntype celsius float64\n\nfunc (c celsius) String() string { return strconv.Itoa(int(c)) + \"°C\" }\n\ntype myErr struct{ code int }\n\nfunc (e *myErr) Error() string { return \"my error \" + strconv.Itoa(e.code) }\n\nfunc main() {\n\tfmt.Println(\"ints\", 42, -7, int8(-128), uint8(255), uint64(18446744073709551615))\n\tfmt.Printf(\"%d|%5d|%-5d|%05d|%x|%X|%#x|%o|%b|%+d|% d\\n\", 42, 42, 42, -42, 255, 255, 255, 8, 5, 3, 3)\n\tfmt.Printf(\"%s|%q|%v|%10s|%-10s|%.2s|%x|% x\\n\", \"go\", \"a\\\"b\\n\", \"v\", \"right\", \"left\", \"trunc\", \"hi\", \"hi\")\n\tfmt.Printf(\"%t|%v|%c|%q|%U|%#U\\n\", true, false, 'G', 'x', 0x1F600, 'a')\n\tfmt.Printf(\"%v|%+v|%T|%T|%T\\n\", point{1, 2, \"p\"}, point{1, 2, \"p\"}, point{}, &point{}, []int{})\n\tfmt.Printf(\"%v|%v|%d|%s\\n\", []int{1, 2, 3}, [2]string{\"a\", \"b\"}, []byte(\"AB\"), []byte(\"bytes\"))\n\tfmt.Printf(\"%v|%s|%d\\n\", celsius(21), celsius(-3), 7)\n\tfmt.Printf(\"%v|%.3f|%6.2f|%e|%g|%v|%v\\n\", 3.5, 3.14159, 2.5, 1234.5678, 0.000012, 1e21, 100.0)\n\tfmt.Printf(\"%%|%d|%!|%z\\n\", 1, 2)\n\tfmt.Printf(\"%d %d\\n\", 1)\n\tfmt.Printf(\"%d\\n\", 1, \"extra\")\n\tfmt.Printf(\"%*d|%-*d|%.*d\\n\", 5, 1, 4, 2, 3, 7)\n\tfmt.Println(fmt.Sprint(\"a\", \"b\", 1, 2, \"c\"), fmt.Sprintln(\"x\", 3) == \"x 3\\n\")\n\tvar e error = &myErr{7}\n\tw := fmt.Errorf(\"wrapped: %w\", e)\n\tfmt.Println(w, errors.Unwrap(w) == e, errors.Is(w, e))\n\tvar me *myErr\n\tfmt.Println(errors.As(w, &me), me.code)\n\tfmt.Println(nil, []string(nil), error(nil))\n\tfmt.Fprintln(os.Stderr, \"to stderr\")\n\tfmt.Fprintf(os.Stdout, \"%s=%v\\n\", \"k\", &point{3, 4, \"q\"})\n\tfmt.Println(strings.Repeat(\"ab\", 3), strings.Join([]string{\"x\", \"y\"}, \"-\"), strings.Fields(\"  a b  \"), strings.ToUpper(\"MiX\"))\n\tn, err := strconv.Atoi(\"12a\")\n\tfmt.Println(n, err)\n\tfmt.Println(strconv.Quote(\"tab\\t☺\\x00\"), strconv.Itoa(-99))\n\tvar sb strings.Builder\n\tsb.WriteString(\"built\")\n\tsb.WriteByte('!')\n\tfmt.Println(sb.String(), sb.Len())\n}\n",
  "sync": "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n\ttotal := 0\n\tvar hits atomic.Int64\n\tfor i := 0; i < 10; i++ {\n\t\twg.Add(1)\n\t\tgo func(i int) {\n\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 100; j++ {\n\t\t\t\tmu.Lock()\n\t\t\t\ttotal += i\n\t\t\t\tmu.Unlock()\n\t\t\t\thits.Add(1)\n\t\t\t}\n\t\t}(i)\n\t}\n\twg.Wait()\n\tfmt.Println(\"total\", total, \"hits\", hits.Load())\n\n\tvar once sync.Once\n\tfor i := 0; i < 3; i++ {\n\t\tonce.Do(func() { fmt.Println(\"once\") })\n\t}\n\n\tvar rw sync.RWMutex\n\trw.RLock()\n\trw.RLock()\n\tdone := make(chan bool)\n\tgo func() {\n\t\trw.Lock()\n\t\tfmt.Println(\"writer in\")\n\t\trw.Unlock()\n\t\tdone <- true\n\t}()\n\ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(\"readers out\")\n\trw.RUnlock()\n\trw.RUnlock()\n\t<-done\n\n\tc := sync.NewCond(&mu)\n\tready := false\n\tgo func() {\n\t\ttime.Sleep(5 * time.Millisecond)\n\t\tmu.Lock()\n\t\tready = true\n\t\tc.Broadcast()\n\t\tmu.Unlock()\n\t}()\n\tmu.Lock()\n\tfor !ready {\n\t\tc.Wait()\n\t}\n\tmu.Unlock()\n\tfmt.Println(\"cond ok\")\n}\n",
  "time": "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tstart := time.Now()\n\ttime.Sleep(20 * time.Millisecond)\n\td := time.Since(start)\n\tfmt.Println(\"slept enough:\", d >= 20*time.Millisecond, \"not too long:\", d < 2*time.Second)\n\n\tt := time.NewTimer(10 * time.Millisecond)\n\t<-t.C\n\tfmt.Println(\"timer fired; stop after fire:\", t.Stop())\n\n\tt2 := time.NewTimer(time.Hour)\n\tfmt.Println(\"stop before fire:\", t2.Stop())\n\n\tfired := make(chan string, 1)\n\ttime.AfterFunc(5*time.Millisecond, func() { fired <- \"afterfunc\" })\n\tfmt.Println(<-fired)\n\n\tselect {\n\tcase <-time.After(5 * time.Millisecond):\n\t\tfmt.Println(\"after\")\n\tcase <-time.After(time.Second):\n\t\tfmt.Println(\"wrong one\")\n\t}\n\n\ttk := time.NewTicker(2 * time.Millisecond)\n\tn := 0\n\tfor t := range tk.C {\n\t\t_ = t\n\t\tn++\n\t\tif n == 3 {\n\t\t\tbreak\n\t\t}\n\t}\n\ttk.Stop()\n\tfmt.Println(\"ticks\", n)\n\n\ta := time.Unix(1000, 500)\n\tb := a.Add(1500 * time.Millisecond)\n\tfmt.Println(b.Sub(a), a.Before(b), b.After(a), a.Equal(a), b.Unix(), time.Time{}.IsZero(), a.IsZero())\n\tfmt.Println(time.Duration(0), 90*time.Second, 1500*time.Microsecond, -2*time.Hour, time.Until(start) < 0)\n}\n",
  "os": "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n\t\"syscall\"\n)\n\nfunc main() {\n\tfmt.Println(\"pid positive:\", os.Getpid() > 0, \"same as syscall:\", os.Getpid() == syscall.Getpid())\n\t_, err := os.Open(\"/does/not/exist\")\n\tfmt.Println(\"open missing: IsNotExist\", os.IsNotExist(err), \"errors.Is\", errors.Is(err, os.ErrNotExist))\n\tvar pe *os.PathError\n\tfmt.Println(\"PathError:\", errors.As(err, &pe), pe.Op, pe.Path)\n\tfmt.Println(os.ErrDeadlineExceeded, errors.Is(os.ErrDeadlineExceeded, os.ErrDeadlineExceeded))\n\tfmt.Println(os.Interrupt)\n\tn, err := io.WriteString(os.Stdout, \"written\\n\")\n\tfmt.Println(n, err)\n\tfmt.Println(len(os.Args) >= 1)\n\tdefer fmt.Println(\"deferred: must not print\")\n\tos.Exit(3)\n}\n",
  "panics": "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc try(name string, f func()) {\n\tdefer func() {\n\t\tr := recover()\n\t\t_, isRuntime := r.(runtime.Error)\n\t\tif err, ok := r.(error); ok {\n\t\t\tfmt.Println(name+\":\", err.Error(), isRuntime)\n\t\t} else {\n\t\t\tfmt.Println(name+\":\", r, isRuntime)\n\t\t}\n\t}()\n\tf()\n}\n\ntype T struct{ a int }\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 5\n\tzero := 0\n\tvar m map[string]int\n\tvar x any = \"str\"\n\tvar p *T\n\tc := make(chan int)\n\tclose(c)\n\ttry(\"index\", func() { _ = s[i] })\n\ttry(\"slice\", func() { _ = s[:i] })\n\ttry(\"divide\", func() { _ = 10 / zero })\n\ttry(\"nilmap\", func() { m[\"a\"] = 1 })\n\ttry(\"assert\", func() { _ = x.(int) })\n\ttry(\"nilderef\", func() { _ = p.a })\n\ttry(\"send\", func() { c <- 1 })\n\ttry(\"close\", func() { close(c) })\n\ttry(\"value\", func() { panic(fmt.Sprintf(\"custom %d\", 7)) })\n\ttry(\"error\", func() { panic(errors.New(\"boom\")) })\n\tfmt.Println(runtime.GOOS == \"plan9\" || runtime.GOOS == \"linux\")\n\tpanic(errors.New(\"final\"))\n}\n",
  "signal": "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/signal\"\n\t\"syscall\"\n\t\"time\"\n)\n\nfunc post(note string) {\n\tp, _ := os.FindProcess(os.Getpid())\n\tif err := p.Signal(syscall.Note(note)); err != nil {\n\t\tfmt.Println(\"signal:\", err)\n\t}\n}\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, syscall.Note(\"hangup\"))\n\tpost(\"hangup\")\n\tselect {\n\tcase s := <-c:\n\t\tfmt.Println(\"got\", s)\n\tcase <-time.After(time.Second):\n\t\tfmt.Println(\"no note\")\n\t}\n\n\tall := make(chan os.Signal, 4)\n\tsignal.Notify(all)\n\tpost(\"alarm\")\n\tfmt.Println(\"all got\", <-all)\n\n\t// After Stop nothing arrives, and the process survives an interrupt:\n\t// the runtime keeps queueing notes once os/signal has asked for them.\n\tsignal.Stop(c)\n\tsignal.Stop(all)\n\tpost(\"interrupt\")\n\tselect {\n\tcase s := <-c:\n\t\tfmt.Println(\"unexpected\", s)\n\tcase s := <-all:\n\t\tfmt.Println(\"unexpected\", s)\n\tcase <-time.After(100 * time.Millisecond):\n\t\tfmt.Println(\"nothing after Stop; still alive\")\n\t}\n\tfmt.Println(signal.Ignored(syscall.Note(\"hangup\")))\n}\n",
  "maps": "package main\n\nimport \"fmt\"\n\ntype P struct{ A, B int }\n\nfunc main() {\n\tm := map[string]int{\"b\": 2, \"a\": 1, \"c\": 3}\n\tfmt.Println(m, len(m))\n\tfmt.Printf(\"%v %#v\\n\", map[int]bool{3: true, 1: false}, m)\n\tfmt.Println(map[float64]string{2.5: \"x\", -1: \"y\"}, map[string][]int{\"k\": {1, 2}}, P{1, 2})\n\tvar nilmap map[string]int\n\tfmt.Println(nilmap)\n}\n",
  "tmain": "package main\n\nimport \"testing\"\n\nfunc TestAdd(t *testing.T) {\n\tif 1+1 != 2 {\n\t\tt.Fatal(\"math\")\n\t}\n}\n\nfunc TestFail(t *testing.T) {\n\tt.Run(\"sub one\", func(t *testing.T) {\n\t\tt.Errorf(\"bad %d\", 3)\n\t})\n\tt.Log(\"after sub\")\n}\n\nfunc TestSkip(t *testing.T) {\n\tt.Skip(\"skipping\")\n}\n\nfunc main() {\n\ttesting.Main([]testing.InternalTest{{\"TestAdd\", TestAdd}, {\"TestFail\", TestFail}, {\"TestSkip\", TestSkip}})\n}\n"
};

const WANT = {
  "fmt": "ints 42 -7 -128 255 18446744073709551615\n42|   42|42   |-0042|ff|FF|0xff|10|101|+3| 3\ngo|\"a\\\"b\\n\"|v|     right|left      |tr|6869|68 69\ntrue|false|G|'x'|U+1F600|U+0061 'a'\n{1 2 p}|{X:1 Y:2 Name:p}|main.point|*main.point|[]int\n[1 2 3]|[a b]|[65 66]|bytes\n21°C|-3°C|7\n3.5|3.142|  2.50|1.234568e+03|1.2e-05|1e+21|100\n%|1|%!!(int=2)|%!z(MISSING)\n1 %!d(MISSING)\n1\n%!(EXTRA string=extra)    1|2   |007\nab1 2c true\nwrapped: my error 7 true true\ntrue 7\n<nil> [] <nil>\nk=&{3 4 q}\nababab x-y [a b] MIX\n0 strconv.Atoi: parsing \"12a\": invalid syntax\n\"tab\\t☺\\x00\" -99\nbuilt! 6\n",
  "sync": "total 4500 hits 1000\nonce\nreaders out\nwriter in\ncond ok\n",
  "time": "slept enough: true not too long: true\ntimer fired; stop after fire: false\nstop before fire: true\nafterfunc\nafter\nticks 3\n1.5s true true true 1001 true false\n0s 1m30s 1.5ms -2h0m0s true\n",
  "panics": "index: runtime error: index out of range [5] with length 3 true\nslice: runtime error: slice bounds out of range [:5] with capacity 3 true\ndivide: runtime error: integer divide by zero true\nnilmap: assignment to entry in nil map true\nassert: interface conversion: interface {} is string, not int true\nnilderef: runtime error: invalid memory address or nil pointer dereference true\nsend: send on closed channel true\nclose: close of closed channel true\nvalue: custom 7 false\nerror: boom false\ntrue\n",
  "os": "pid positive: true same as syscall: true\nopen missing: IsNotExist true errors.Is true\nPathError: true open /does/not/exist\ni/o timeout true\ninterrupt\nwritten\n8 <nil>\ntrue\n",
  "signal": "got hangup\nall got alarm\nnothing after Stop; still alive\nfalse\n",
  "maps": "map[a:1 b:2 c:3] 3\nmap[1:false 3:true] map[string]int{\"a\":1, \"b\":2, \"c\":3}\nmap[-1:y 2.5:x] map[k:[1 2]] {1 2}\nmap[]\n",
  "tmain": "--- FAIL: TestFail (0.00s)\n    --- FAIL: TestFail/sub_one (0.00s)\n        tmain.go:13: bad 3\n    tmain.go:15: after sub\nFAIL\n",
  "tmain -test.v": "=== RUN   TestAdd\n--- PASS: TestAdd (0.00s)\n=== RUN   TestFail\n=== RUN   TestFail/sub_one\n    tmain.go:13: bad 3\n=== CONT  TestFail\n    tmain.go:15: after sub\n--- FAIL: TestFail (0.00s)\n    --- FAIL: TestFail/sub_one (0.00s)\n=== RUN   TestSkip\n    tmain.go:19: skipping\n--- SKIP: TestSkip (0.00s)\nFAIL\n"
};
