// Package testing provides support for `p9rt test`: the Test functions of a
// _test.go file run through Main, which prints what a Go test binary prints
// ("=== RUN", "--- PASS: TestX (0.00s)", "PASS"/"FAIL") and exits with
// status 0 or 1. The tool that runs it (p9rt test, like go test) adds the
// "ok"/"FAIL" summary line for the package.
package testing

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// InternalTest is one Test function, as the generated main lists them.
type InternalTest struct {
	Name string
	F    func(*T)
}

var (
	verbose bool
	short   bool
	pattern string
)

// Short reports whether the -test.short flag is set.
func Short() bool { return short }

// Verbose reports whether the -test.v flag is set.
func Verbose() bool { return verbose }

// T is a type passed to Test functions to manage test state and support
// formatted test logs.
type T struct {
	name     string
	depth    int // 0 for a top-level test
	failed   bool
	skipped  bool
	finished bool
	output   []string // lines logged, already indented
	cleanups []func()
	sub      []*T
	start    time.Time
	done     chan bool
}

// Name returns the name of the running test.
func (t *T) Name() string { return t.name }

// Failed reports whether the function has failed.
func (t *T) Failed() bool {
	if t.failed {
		return true
	}
	for _, s := range t.sub {
		if s.Failed() {
			return true
		}
	}
	return false
}

// Skipped reports whether the test was skipped.
func (t *T) Skipped() bool { return t.skipped }

// Helper marks the calling function as a test helper function. p9rt's
// log lines name the caller of Log/Error directly, so it has no effect.
func (t *T) Helper() {}

// Cleanup registers a function to be called when the test and all its
// subtests complete, last added first.
func (t *T) Cleanup(f func()) { t.cleanups = append(t.cleanups, f) }

// log records a line as Go does: "    file:line: text", more indented for
// subtests, continuation lines indented further.
func (t *T) log(s string) {
	_, file, line, ok := runtime.Caller(2)
	if ok {
		if i := strings.LastIndex(file, "/"); i >= 0 {
			file = file[i+1:]
		}
		s = file + ":" + itoa(line) + ": " + s
	}
	s = strings.TrimSuffix(s, "\n")
	if verbose {
		// -test.v streams logs as they happen, each under its test's
		// name: "=== CONT  name" when another test printed last.
		if lastName != t.name {
			fmt.Printf("=== CONT  %s\n", t.name)
			lastName = t.name
		}
		fmt.Print("    " + strings.ReplaceAll(s, "\n", "\n        ") + "\n")
		return
	}
	indent := strings.Repeat("    ", t.depth+1)
	s = strings.ReplaceAll(s, "\n", "\n"+indent+"    ")
	t.output = append(t.output, indent+s+"\n")
}

// lastName is the test whose line -test.v printed last.
var lastName string

// Log formats its arguments using default formatting, analogous to Println,
// and records the text in the error log.
func (t *T) Log(args ...any) { t.log(fmt.Sprintln(args...)) }

// Logf formats its arguments according to the format, analogous to Printf,
// and records the text in the error log.
func (t *T) Logf(format string, args ...any) { t.log(fmt.Sprintf(format, args...)) }

// Fail marks the function as having failed but continues execution.
func (t *T) Fail() { t.failed = true }

// FailNow marks the function as having failed and stops its execution by
// calling runtime.Goexit.
func (t *T) FailNow() {
	t.failed = true
	t.finished = true
	runtime.Goexit()
}

// Error is equivalent to Log followed by Fail.
func (t *T) Error(args ...any) {
	t.log(fmt.Sprintln(args...))
	t.Fail()
}

// Errorf is equivalent to Logf followed by Fail.
func (t *T) Errorf(format string, args ...any) {
	t.log(fmt.Sprintf(format, args...))
	t.Fail()
}

// Fatal is equivalent to Log followed by FailNow.
func (t *T) Fatal(args ...any) {
	t.log(fmt.Sprintln(args...))
	t.FailNow()
}

// Fatalf is equivalent to Logf followed by FailNow.
func (t *T) Fatalf(format string, args ...any) {
	t.log(fmt.Sprintf(format, args...))
	t.FailNow()
}

// SkipNow marks the test as having been skipped and stops its execution.
func (t *T) SkipNow() {
	t.skipped = true
	t.finished = true
	runtime.Goexit()
}

// Skip is equivalent to Log followed by SkipNow.
func (t *T) Skip(args ...any) {
	t.log(fmt.Sprintln(args...))
	t.SkipNow()
}

// Skipf is equivalent to Logf followed by SkipNow.
func (t *T) Skipf(format string, args ...any) {
	t.log(fmt.Sprintf(format, args...))
	t.SkipNow()
}

// Run runs f as a subtest of t called name, in its own goroutine, and
// blocks until it completes. It reports whether f succeeded.
func (t *T) Run(name string, f func(t *T)) bool {
	sub := &T{name: t.name + "/" + rewrite(name), depth: t.depth + 1}
	if !matches(sub.name) {
		return true
	}
	t.sub = append(t.sub, sub)
	sub.run(f)
	// A subtest's report is part of its parent's output.
	t.output = append(t.output, sub.report()...)
	return !sub.Failed()
}

// rewrite makes a subtest name as Go does: spaces become underscores.
func rewrite(s string) string {
	return strings.ReplaceAll(s, " ", "_")
}

// run calls f in a new goroutine and waits for it, however it ends:
// returning, FailNow/SkipNow (Goexit), or a panic (which ends the program
// after reporting, as in Go).
func (t *T) run(f func(*T)) {
	t.start = time.Now()
	t.done = make(chan bool)
	if verbose {
		fmt.Printf("=== RUN   %s\n", t.name)
		lastName = t.name
	}
	go func() {
		defer func() {
			for i := len(t.cleanups) - 1; i >= 0; i-- {
				cleanup := t.cleanups[i]
				cleanup()
			}
			t.done <- true
		}()
		f(t)
		t.finished = true
	}()
	<-t.done
}

// report is the lines a test prints when it ends: its result line, then,
// without -test.v, its log (only for failures) and its subtests' reports.
func (t *T) report() []string {
	indent := strings.Repeat("    ", t.depth)
	d := time.Since(t.start)
	secs := fmtSeconds(d)
	var res string
	switch {
	case t.Failed():
		res = "FAIL"
	case t.skipped:
		res = "SKIP"
	default:
		res = "PASS"
	}
	if !verbose && res != "FAIL" {
		return nil
	}
	lines := []string{indent + "--- " + res + ": " + t.name + " (" + secs + ")\n"}
	return append(lines, t.output...)
}

// fmtSeconds formats a duration as Go's test output does: "0.00s".
func fmtSeconds(d time.Duration) string {
	cs := int64(d / (10 * time.Millisecond)) // hundredths
	s := itoa(int(cs/100)) + "."
	f := int(cs % 100)
	if f < 10 {
		s += "0"
	}
	return s + itoa(f) + "s"
}

func itoa(v int) string { return fmt.Sprint(v) }

// matches reports whether a test name is selected by -test.run: each
// slash-separated element of the name must match the pattern's regexp for
// that level (match.go); levels the pattern does not name match anything.
func matches(name string) bool {
	if len(runFilter) == 0 {
		return true
	}
	elems := strings.Split(name, "/")
	for i, g := range runFilter {
		if i >= len(elems) {
			return true
		}
		if !g.matchString(elems[i]) {
			return false
		}
	}
	return true
}

func printErr(s string) { fmt.Fprint(os.Stderr, s) }

func exit(code int) { os.Exit(code) }

func quote(s string) string { return fmt.Sprintf("%q", s) }

// parseFlags reads -test.v, -test.short and -test.run (also spelled -v,
// -short, -run, with "=value" or a separate value).
func parseFlags(args []string) {
	for i := 0; i < len(args); i++ {
		a := strings.TrimPrefix(strings.TrimPrefix(args[i], "-"), "-")
		a = strings.TrimPrefix(a, "test.")
		name, val, hasVal := strings.Cut(a, "=")
		switch name {
		case "v":
			verbose = !hasVal || val == "true"
		case "short":
			short = !hasVal || val == "true"
		case "run":
			if !hasVal && i+1 < len(args) {
				i++
				val = args[i]
			}
			pattern = val
			setRunPattern(val)
		}
	}
}

// Main runs the tests and exits: status 0 if all passed, 1 otherwise.
func Main(tests []InternalTest) {
	if len(os.Args) > 1 {
		parseFlags(os.Args[1:])
	}
	failed := false
	ran := false
	for _, test := range tests {
		if !matches(test.Name) {
			continue
		}
		ran = true
		t := &T{name: test.Name}
		t.run(test.F)
		for _, line := range t.report() {
			fmt.Print(line)
		}
		if t.Failed() {
			failed = true
		}
	}
	if failed {
		fmt.Println("FAIL")
		os.Exit(1)
	}
	if !ran {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	fmt.Println("PASS")
	os.Exit(0)
}
