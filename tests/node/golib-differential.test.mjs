// Differential tests of the library's pure-Go packages against real Go:
// p9rt's strconv (Quote, Atoi, ParseInt, ...), strings, unicode/utf8 and
// time.Duration.String are built with the Go toolchain next to Go's own
// packages and must give the same results on the same inputs (skipped
// without a Go toolchain). The runtime-backed parts (strconv.FormatFloat,
// fmt, os, net) are tested by running programs on p9rt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const golib = join(root, 'src/golib');
const haveGo = !spawnSync('go', ['version']).error;

test('strconv, strings, unicode/utf8 and Duration.String agree with real Go', (t) => {
  if (!haveGo) return t.skip('no Go toolchain');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-golib-diff-'));
  const copy = (pkg, files, as = pkg) => {
    mkdirSync(join(dir, as), { recursive: true });
    for (const f of files) copyFileSync(join(golib, pkg, f), join(dir, as, f));
  };
  copy('strconv', ['atoi.go', 'itoa.go', 'quote.go']); // ftoa.go is the core's intrinsic
  copy('strings', ['strings.go', 'builder.go']);
  copy('unicode/utf8', ['utf8.go'], 'utf8');
  copy('time', ['format.go']);
  writeFileSync(join(dir, 'go.mod'), 'module difftest\n\ngo 1.19\n');
  writeFileSync(join(dir, 'main.go'), DRIVER);
  const r = spawnSync('go', ['run', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'ok\n');
});

const DRIVER = String.raw`package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	mystrconv "difftest/strconv"
	mystrings "difftest/strings"
	mytime "difftest/time"
	myutf8 "difftest/utf8"
)

var fails int

func check(what string, got, want any) {
	if fmt.Sprint(got) != fmt.Sprint(want) {
		fails++
		fmt.Printf("%s: got %q, want %q\n", what, fmt.Sprint(got), fmt.Sprint(want))
	}
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func main() {
	strs := []string{"", "a", "hello, world", "tab\there", "nl\n", "quote\"q", "back\\slash", "\x00\x01\x7f", "\xff\xfe",
		"héllo", "日本語", "\u00a0nbsp", "\u200b", "\U0001F600", "\ufeff", "a\u2028b", "\x80", "e\u0301", "\x60raw\x60", "  spaced  out  ",
		"a,b,,c", ",", "abcabcabc"}
	for _, s := range strs {
		check("Quote "+s, mystrconv.Quote(s), strconv.Quote(s))
		check("QuoteToASCII "+s, mystrconv.QuoteToASCII(s), strconv.QuoteToASCII(s))
		check("CanBackquote "+s, mystrconv.CanBackquote(s), strconv.CanBackquote(s))
		check("Fields "+s, fmt.Sprintf("%q", mystrings.Fields(s)), fmt.Sprintf("%q", strings.Fields(s)))
		check("TrimSpace "+s, mystrings.TrimSpace(s), strings.TrimSpace(s))
		check("RuneCount "+s, myutf8.RuneCountInString(s), utf8.RuneCountInString(s))
		check("Valid "+s, myutf8.ValidString(s), utf8.ValidString(s))
		r1, n1 := myutf8.DecodeRuneInString(s)
		r2, n2 := utf8.DecodeRuneInString(s)
		check("Decode "+s, fmt.Sprint(r1, n1), fmt.Sprint(r2, n2))
		r1, n1 = myutf8.DecodeLastRuneInString(s)
		r2, n2 = utf8.DecodeLastRuneInString(s)
		check("DecodeLast "+s, fmt.Sprint(r1, n1), fmt.Sprint(r2, n2))
		for _, sep := range []string{"", ",", "b", "abc", "x"} {
			check("Split "+s+" "+sep, fmt.Sprintf("%q", mystrings.Split(s, sep)), fmt.Sprintf("%q", strings.Split(s, sep)))
			check("SplitN "+s+" "+sep, fmt.Sprintf("%q", mystrings.SplitN(s, sep, 2)), fmt.Sprintf("%q", strings.SplitN(s, sep, 2)))
			check("Index "+s+" "+sep, mystrings.Index(s, sep), strings.Index(s, sep))
			check("LastIndex "+s+" "+sep, mystrings.LastIndex(s, sep), strings.LastIndex(s, sep))
			check("Count "+s+" "+sep, mystrings.Count(s, sep), strings.Count(s, sep))
			check("Replace "+s+" "+sep, mystrings.Replace(s, sep, "<>", 2), strings.Replace(s, sep, "<>", 2))
			check("ReplaceAll "+s+" "+sep, mystrings.ReplaceAll(s, sep, "-"), strings.ReplaceAll(s, sep, "-"))
			check("Trim "+s+" "+sep, mystrings.Trim(s, sep), strings.Trim(s, sep))
			b1, a1, f1 := mystrings.Cut(s, sep)
			b2, a2, f2 := strings.Cut(s, sep)
			check("Cut "+s+" "+sep, fmt.Sprint(b1, a1, f1), fmt.Sprint(b2, a2, f2))
		}
	}
	for _, r := range []rune{0, 'a', '\'', '"', '\\', '\n', 0x7f, 0xa0, 0xe9, 0x2028, 0xd800, 0x10ffff, 0x110000, -1, 0x1F600} {
		check(fmt.Sprint("QuoteRune ", r), mystrconv.QuoteRune(r), strconv.QuoteRune(r))
		check(fmt.Sprint("RuneLen ", r), myutf8.RuneLen(r), utf8.RuneLen(r))
		check(fmt.Sprint("AppendRune ", r), string(myutf8.AppendRune(nil, r)), string(utf8.AppendRune(nil, r)))
	}
	nums := []string{"0", "1", "-1", "+5", "12345678901234567890", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "", "-", "+", "1a", "0x10", "1_000", "0b101", "007", " 1", "1 ", "٣"}
	for _, s := range nums {
		a1, e1 := mystrconv.Atoi(s)
		a2, e2 := strconv.Atoi(s)
		check("Atoi "+s, fmt.Sprint(a1, " ", errText(e1)), fmt.Sprint(a2, " ", errText(e2)))
		for _, base := range []int{0, 2, 8, 10, 16, 36} {
			for _, bits := range []int{0, 8, 16, 32, 64} {
				i1, e1 := mystrconv.ParseInt(s, base, bits)
				i2, e2 := strconv.ParseInt(s, base, bits)
				check(fmt.Sprint("ParseInt ", s, base, bits), fmt.Sprint(i1, " ", errText(e1)), fmt.Sprint(i2, " ", errText(e2)))
				u1, e1 := mystrconv.ParseUint(s, base, bits)
				u2, e2 := strconv.ParseUint(s, base, bits)
				check(fmt.Sprint("ParseUint ", s, base, bits), fmt.Sprint(u1, " ", errText(e1)), fmt.Sprint(u2, " ", errText(e2)))
			}
		}
	}
	for _, i := range []int64{0, 1, -1, 42, -9223372036854775808, 9223372036854775807, 255} {
		for _, base := range []int{2, 10, 16, 36} {
			check(fmt.Sprint("FormatInt ", i, base), mystrconv.FormatInt(i, base), strconv.FormatInt(i, base))
		}
	}
	ds := []int64{0, 1, 999, 1000, 1001, 1500000, 999999999, 1e9, 1e9 + 1, 61e9, 3600e9, 3661e9 + 5e8, -1, -1500, 1<<63 - 1, -1 << 63, 100e6, 50e6}
	for _, d := range ds {
		check(fmt.Sprint("Duration ", d), mytime.Duration(d).String(), time.Duration(d).String())
	}
	check("errors", errors.New("x").Error(), "x")
	if fails > 0 {
		fmt.Println(fails, "differences")
		os.Exit(1)
	}
	fmt.Println("ok")
}
`;
