// Differential tests of the library's pure-Go packages against real Go:
// p9rt's strconv (Quote, Atoi, ParseInt, ...), strings, unicode/utf8 and
// time.Duration.String are built with the Go toolchain next to Go's own
// packages and must give the same results on the same inputs; so is fmt,
// over a stand-in for internal/reflectlite written with Go's reflect
// (skipped without a Go toolchain). The runtime-backed parts (the core's
// intrinsics, os, net) are tested by running programs on p9rt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
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

test('fmt agrees with real Go (over a reflect-based reflectlite)', (t) => {
  if (!haveGo) return t.skip('no Go toolchain');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-golib-fmt-'));
  mkdirSync(join(dir, 'fmt'));
  mkdirSync(join(dir, 'reflectlite'));
  for (const f of readdirSync(join(golib, 'fmt'))) {
    if (!f.endsWith('.go')) continue;
    const src = readFileSync(join(golib, 'fmt', f), 'utf8').replace('"internal/reflectlite"', '"fdiff/reflectlite"');
    writeFileSync(join(dir, 'fmt', f), src);
  }
  writeFileSync(join(dir, 'reflectlite', 'shim.go'), SHIM);
  // The kinds and type ids come from the generated file (defs.ts), never copied.
  copyFileSync(join(golib, 'internal/reflectlite/ztype.go'), join(dir, 'reflectlite', 'ztype.go'));
  writeFileSync(join(dir, 'go.mod'), 'module fdiff\n\ngo 1.19\n');
  writeFileSync(join(dir, 'main.go'), FMT_DRIVER);
  const r = spawnSync('go', ['run', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'ok\n');
});

const SHIM = String.raw`// Package reflectlite, for the differential test only: p9rt's
// internal/reflectlite API over Go's reflect, so p9rt's fmt can run under
// real Go. Type ids index a table of reflect.Types; a Word is the value for
// scalar kinds and a handle into a table of reflect.Values otherwise (0 for
// nil).
package reflectlite

import (
	"math"
	"reflect"
	"unsafe"
)


// The predeclared types have their fixed ids (ztype.go, from defs.ts TypeId),
// as in a p9rt image; the others are numbered from TypeFirstUserType.
var types = []reflect.Type{
	TypeNil: nil, TypeBool: reflect.TypeOf(false), TypeInt: reflect.TypeOf(0),
	TypeInt8: reflect.TypeOf(int8(0)), TypeInt16: reflect.TypeOf(int16(0)), TypeInt32: reflect.TypeOf(int32(0)),
	TypeInt64: reflect.TypeOf(int64(0)), TypeUint: reflect.TypeOf(uint(0)), TypeUint8: reflect.TypeOf(uint8(0)),
	TypeUint16: reflect.TypeOf(uint16(0)), TypeUint32: reflect.TypeOf(uint32(0)), TypeUint64: reflect.TypeOf(uint64(0)),
	TypeUintptr: reflect.TypeOf(uintptr(0)), TypeFloat64: reflect.TypeOf(float64(0)), TypeString: reflect.TypeOf(""),
	TypeUnsafePointer: reflect.TypeOf(unsafe.Pointer(nil)),
}
var typeIDs = map[reflect.Type]int{}
var vals = []reflect.Value{{}}

func init() {
	for id, t := range types {
		if t != nil {
			typeIDs[t] = id
		}
	}
}

func tid(t reflect.Type) int {
	if t == nil {
		return 0
	}
	if id, ok := typeIDs[t]; ok {
		return id
	}
	types = append(types, t)
	typeIDs[t] = len(types) - 1
	return len(types) - 1
}

func rt(id int) reflect.Type {
	return types[id]
}

var kinds = map[reflect.Kind]int{
	reflect.Bool: Bool, reflect.Int: Int, reflect.Int8: Int8, reflect.Int16: Int16, reflect.Int32: Int32, reflect.Int64: Int64,
	reflect.Uint: Uint, reflect.Uint8: Uint8, reflect.Uint16: Uint16, reflect.Uint32: Uint32, reflect.Uint64: Uint64,
	reflect.Uintptr: Uintptr, reflect.Float64: Float64, reflect.String: String, reflect.Ptr: Pointer, reflect.Slice: Slice,
	reflect.Array: Array, reflect.Struct: Struct, reflect.Map: Map, reflect.Chan: Chan, reflect.Func: Func, reflect.Interface: Interface,
}

func Kind(typ int) int {
	if typ == 0 {
		return 0
	}
	return kinds[rt(typ).Kind()]
}

func Elem(typ int) int  { return tid(rt(typ).Elem()) }
func Name(typ int) string { return rt(typ).String() }
func TypeOf(x any) int  { return tid(reflect.TypeOf(x)) }

type Value struct {
	Type int
	Word int
}

func fromRV(v reflect.Value) Value {
	if !v.IsValid() {
		return Value{}
	}
	if v.CanAddr() && !v.CanInterface() {
		v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	id := tid(v.Type())
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return Value{id, int(v.Int())}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return Value{id, int(v.Uint())}
	case reflect.Bool:
		if v.Bool() {
			return Value{id, 1}
		}
		return Value{id, 0}
	case reflect.Float64:
		return Value{id, int(math.Float64bits(v.Float()))}
	case reflect.Ptr, reflect.Map, reflect.Slice, reflect.Chan, reflect.Func, reflect.Interface:
		if v.IsNil() {
			return Value{id, 0}
		}
	}
	vals = append(vals, v)
	return Value{id, len(vals) - 1}
}

func ValueOf(x any) Value {
	if x == nil {
		return Value{}
	}
	v := reflect.New(reflect.TypeOf(x)).Elem()
	v.Set(reflect.ValueOf(x))
	return fromRV(v)
}

func IfaceWords(x any) (int, uintptr) {
	v := ValueOf(x)
	return v.Type, uintptr(v.Word)
}

func PackEface(typ int, word int) any {
	if typ == 0 {
		return nil
	}
	t := rt(typ)
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(word))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(uint64(word))
	case reflect.Bool:
		v.SetBool(word != 0)
	case reflect.Float64:
		v.SetFloat(math.Float64frombits(uint64(word)))
	default:
		if word != 0 {
			return vals[word].Interface()
		}
	}
	return v.Interface()
}

func (v Value) Interface() any { return PackEface(v.Type, v.Word) }
func (v Value) Kind() int      { return Kind(v.Type) }
func (v Value) IsNil() bool    { return v.Word == 0 }
func (v Value) NumField() int  { return rt(v.Type).NumField() }
func (v Value) Len() int {
	switch Kind(v.Type) {
	case Array:
		return rt(v.Type).Len()
	}
	if v.Word == 0 {
		return 0
	}
	return vals[v.Word].Len()
}
func (v Value) Index(i int) Value { return fromRV(vals[v.Word].Index(i)) }
func (v Value) Field(i int) (string, Value) {
	return rt(v.Type).Field(i).Name, fromRV(vals[v.Word].Field(i))
}
func (v Value) Elem() Value    { return fromRV(vals[v.Word].Elem()) }
func (v Value) String() string { return vals[v.Word].String() }

func (v Value) MapRange() (keys, vals []Value) {
	if v.Word == 0 {
		return nil, nil
	}
	it := vals0(v).MapRange()
	for it.Next() {
		keys = append(keys, fromRV(it.Key()))
		vals = append(vals, fromRV(it.Value()))
	}
	return keys, vals
}

func vals0(v Value) reflect.Value { return vals[v.Word] }
`;

const FMT_DRIVER = String.raw`package main

import (
	"errors"
	"fmt"
	"os"

	myfmt "fdiff/fmt"
)

type point struct {
	X, Y int
	Name string
	priv bool
}

type celsius float64

func (c celsius) String() string { return fmt.Sprint(float64(c)) + "C" }

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("my error ", e.code) }

type named int
type nstr string
type inner struct {
	P *point
	E error
	A any
	S []string
}

type panicky struct{}

func (panicky) String() string { panic("oops") }

var fails int

func check(format string, args ...any) {
	got := myfmt.Sprintf(format, args...)
	want := fmt.Sprintf(format, args...)
	if got != want {
		fails++
		fmt.Printf("Sprintf(%q): got %q, want %q\n", format, got, want)
	}
}

func main() {
	ints := []any{0, 1, -1, 42, -42, int8(-128), int16(300), int32(-5), int64(1 << 40), uint(7), uint8(255), uint16(65535), uint32(1 << 31), uint64(1<<64 - 1), uintptr(10), named(3), 'x', byte('A')}
	for _, v := range ints {
		for _, f := range []string{"%d", "%5d", "%-5d|", "%05d", "%x", "%X", "%#x", "%o", "%O", "%#o", "%b", "%+d", "% d", "%c", "%q", "%U", "%#U", "%v", "%+v", "%.3d", "%8.3d", "%-08d|", "%+05d", "%T", "%s", "%t", "%e"} {
			check(f, v)
		}
	}
	strs := []any{"", "go", "héllo", "a\"b\n", "\x00\xff", "日本語", nstr("named"), []byte("bytes"), []byte(nil), [3]byte{1, 2, 3}}
	for _, v := range strs {
		for _, f := range []string{"%s", "%q", "%+q", "%#q", "%v", "%#v", "%x", "%X", "% x", "%# x", "%10s|", "%-10s|", "%.2s", "%5.1q", "%T", "%d"} {
			check(f, v)
		}
	}
	floats := []any{0.0, 1.0, -1.5, 3.14159265, 1e21, 1e20, 1e-7, 123456789.0, 0.000012, 100.0, celsius(21.5)}
	for _, v := range floats {
		for _, f := range []string{"%v", "%f", "%.2f", "%8.3f|", "%-8.2f|", "%08.3f", "%+f", "% f", "%e", "%E", "%.3e", "%g", "%G", "%.3g", "%#g", "%#.3f", "%T", "%+08.2f", "%d"} {
			check(f, v)
		}
	}
	for _, v := range []any{true, false} {
		for _, f := range []string{"%t", "%v", "%5t|", "%-6t|", "%d", "%T"} {
			check(f, v)
		}
	}
	e := &myErr{7}
	w := fmt.Errorf("wrap: %w", e)
	comp := []any{point{1, 2, "p", true}, &point{3, 4, "q", false}, []int{1, 2, 3}, []int(nil), [2]string{"a", "b"}, []any{1, "a", nil, 2.5},
		inner{}, e, error(nil), nil, celsius(1), []celsius{1, 2}, struct{}{}, []point{{1, 2, "a", false}},
		[][]int{{1}, {2, 3}}, errors.New("plain"), panicky{}, (*myErr)(nil)}
	for _, v := range comp {
		for _, f := range []string{"%v", "%+v", "%s", "%d", "%T", "%q", "%x"} {
			check(f, v)
		}
	}
	// Values holding pointers below the top level print addresses, which
	// differ between the two: only the verbs that call Error/String.
	for _, v := range []any{inner{nil, e, 5, []string{"x"}}, w} {
		for _, f := range []string{"%v", "%+v", "%s", "%T"} {
			check(f, v)
		}
	}
	maps := []any{map[string]int{"b": 2, "a": 1, "c": 3}, map[int]string{3: "c", -1: "z", 10: "x"}, map[string]int(nil), map[float64]bool{2.5: true, -1: false},
		map[bool]int{true: 1, false: 0}, map[[2]int]string{{2, 1}: "b", {1, 2}: "a"}, map[point]int{{2, 0, "", false}: 2, {1, 9, "", false}: 1},
		map[any]int{"s": 1, 2: 2, 1: 3}, map[string][]int{"k": {1, 2}}}
	for _, v := range maps {
		for _, f := range []string{"%v", "%+v", "%#v", "%d", "%T"} {
			check(f, v)
		}
	}
	check("%d %d", 1)
	check("%d", 1, 2, "x", nil)
	check("%!|%z|%", 1)
	check("%*d|%-*d|%.*d|%*.*f", 5, 1, 4, 2, 3, 7, 8, 2, 3.14159)
	check("%*d", "x", 1)
	check("%.*d", -1, 5)
	check("%[2]d %[1]d", 1, 2)
	check("%[3]d", 1, 2)
	check("%[0]d", 1)
	check("%[2]*[1]d", 12, 5)
	check("%d %[1]d %d", 1, 2)
	check("%.d|%.0d|%.0x", 0, 0, 0)
	check("%v %v", []byte{}, [0]int{})
	check("%6.2v|%-6v|%06v", 3.14159, "ab", 42)
	check("%w", e)
	check("%s", 42)
	if got, want := myfmt.Sprint("a", "b", 1, 2, "c", 3.5, nil, e), fmt.Sprint("a", "b", 1, 2, "c", 3.5, nil, e); got != want {
		fails++
		fmt.Printf("Sprint: got %q, want %q\n", got, want)
	}
	if got, want := myfmt.Sprintln("x", 3, []int{1}), fmt.Sprintln("x", 3, []int{1}); got != want {
		fails++
		fmt.Printf("Sprintln: got %q, want %q\n", got, want)
	}
	ew := myfmt.Errorf("ctx: %w", e)
	if ew.Error() != "ctx: my error 7" || !errors.Is(ew, e) {
		fails++
		fmt.Println("Errorf %w:", ew, errors.Is(ew, e))
	}
	if got, want := myfmt.Errorf("two %w %w", e, e).Error(), "two my error 7 %!w(*main.myErr=&{7})"; got != want {
		fails++
		fmt.Printf("Errorf two %%w: got %q, want %q\n", got, want)
	}
	if fails > 0 {
		fmt.Println(fails, "differences")
		os.Exit(1)
	}
	fmt.Println("ok")
}
`;
