// A generator of random Go programs for the semantics p9rt once got wrong
// (issue 10): evaluation order of assignments and calls (every call records
// itself in a trace), shadowed constants and variables, untyped constants
// and shifts typed by their context, method sets (method values,
// expressions, promoted methods, interface assertions), nil values and
// zero-size types, panics and their order. A case is one function made from
// one seed; it prints its results and its trace, and recovers any panic, so
// p9rt's output can be compared with real Go's line by line.
import { rng } from './gen.mjs';

/** Declarations every program shares: the traced helpers and the method sets. */
export const prelude = `var tr []string

// t records that it ran, then returns v
func t(s string, v int) int { tr = append(tr, s); return v }

// ts is t for strings
func ts(s string) string { tr = append(tr, s); return s }

// fn returns a traced function returning a traced function
func fn(s string) func(int) func(int) int {
	tr = append(tr, "fn"+s)
	return func(a int) func(int) int {
		tr = append(tr, fmt.Sprint("call", s, a))
		return func(b int) int { tr = append(tr, fmt.Sprint("inner", s, b)); return a + b }
	}
}

func arr(s string) *[4]int { tr = append(tr, s); return &[4]int{1, 2, 3, 4} }

const c0, c1 = 3, 1.5

type N int

func (n N) Get() int { return int(n) }
func (n *N) Inc()    { *n++ }

type S struct {
	a, b int
	z    struct{}
}

func (s S) Sum() int     { return s.a + s.b }
func (s *S) Set(v int)   { s.a = v }
func (s S) Pair() [2]int { return [2]int{s.a, s.b} }

type E struct {
	S
	*N
	tag string
}

type L []int

func (l L) Len() int { return len(l) }

type Getter interface{ Get() int }
type Summer interface{ Sum() int }

type Z struct{}

func (Z) Get() int { return 7 }
`;

/** One case: `func caseN()` built from seed. */
export function genCase(seed, n) {
  const r = rng(seed);
  const lines = [];
  let ind = 1;
  const emit = (s) => lines.push('\t'.repeat(ind) + s);
  let uid = 0;
  const fresh = (p) => `${p}${uid++}`;
  const small = () => r.int(4);

  emit(`func case${n}() {`);
  ind++;
  emit(`tr = nil`);
  emit(`defer func() {`);
  emit(`\tfmt.Println("case${n} trace", tr)`);
  emit(`\tif r := recover(); r != nil {`);
  emit(`\t\tfmt.Println("case${n} panic:", r)`);
  emit(`\t}`);
  emit(`}()`);
  emit(`a := [4]int{${Array.from({ length: 4 }, () => r.int(50)).join(', ')}}`);
  emit(`sl := []int{${Array.from({ length: 1 + r.int(4) }, () => r.int(50)).join(', ')}}`);
  emit(`m := map[int]int{}`);
  emit(`i, k := ${small()}, ${small()}`);
  emit(`p := &a[${small()}]`);
  emit(`s := S{${r.int(9)}, ${r.int(9)}, struct{}{}}`);
  emit(`nn := N(${r.int(9)})`);
  emit(`e := E{s, &nn, "e"}`);
  emit(`_, _, _, _, _, _ = m, i, k, p, s, e`);
  const show = (what) => emit(`fmt.Println("case${n}", ${what})`);
  // an index that is sometimes out of range, so the order of the panic against the calls shows
  const idx = (len) => (r.chance(0.08) ? `t("x", ${len + r.int(3)})` : r.chance(0.5) ? `t("i${uid++}", ${r.int(len)})` : `${r.pick(['i', 'k'])} % ${len}`);
  const val = () => r.pick([`t("v${uid++}", ${r.int(100)})`, `${r.int(100)}`, `i + k`, `a[k%4]`, `len(sl)`, `*p`, `fn("${uid++}")(1)(2)`]);
  const lhs = () => {
    switch (r.int(7)) {
      case 0: return `a[${idx(4)}]`;
      case 1: return `sl[${idx(4)}]`;
      case 2: return `m[${r.pick([`t("mk${uid++}", ${r.int(5)})`, 'i', '3'])}]`;
      case 3: return '*p';
      case 4: return r.pick(['i', 'k']);
      case 5: return r.pick(['s.a', 'e.b', 'e.S.a']);
      default: return '_';
    }
  };

  const stmt = () => {
    switch (r.int(14)) {
      case 0: case 1: {
        // parallel assignment: operands left to right, then the stores in order
        const nl = 1 + r.int(3);
        const ls = Array.from({ length: nl }, lhs);
        emit(`${ls.join(', ')} = ${ls.map(val).join(', ')}`);
        break;
      }
      case 2:
        emit(`${lhs().replace(/^_$/, 'i')} ${r.pick(['+=', '-=', '|=', '*='])} ${val()}`);
        break;
      case 3:
        // the pointer is read before it is reassigned
        emit(`p, *p = ${r.pick(['&a[0]', '&a[3]', 'new(int)', '&i'])}, ${val()}`);
        break;
      case 4:
        emit(`sl = append(sl[:${r.int(2)}], ${Array.from({ length: 1 + r.int(3), }, () => r.pick(['sl[len(sl)-1]', 'sl[0]', val()])).join(', ')})`);
        break;
      case 5:
        show(`fn("c")(t("x", ${r.int(5)}))(t("y", ${r.int(5)})), len(arr("len")), cap(arr("cap")[1:])`);
        break;
      case 6: {
        // shadowed constants and variables
        const v = fresh('x');
        emit(`{`);
        ind++;
        emit(`const c0 = c0 * ${1 + r.int(4)}`);
        emit(`i := i + c0`);
        emit(`${v} := float64(c1 * c0)`);
        emit(`const (`);
        emit(`\tq${v} = iota * c0`);
        emit(`\tiota = c0 + iota`);
        emit(`\tw${v}`);
        emit(`)`);
        show(`c0, i, ${v}, q${v}, w${v}`);
        ind--;
        emit(`}`);
        show('i, c0');
        break;
      }
      case 7: {
        // untyped constants, and shifts typed by their context
        const sh = r.pick(['i', 'k', 'len(sl)']);
        const v = fresh('u');
        emit(`var ${v} ${r.pick(['uint8', 'int8', 'uint16', 'int64', 'uint64', 'uint'])} = 1<<${sh} | ${r.int(100)}`);
        emit(`${v} ^= 1 << (${sh} + 2)`);
        show(`${v}, 1<<${sh}, ${r.pick(['1e300 * 1e10 / 1e305', '1 << 62 >> 60', '1e100 >> 300', "'a' << 2", '(1<<100 - 1) >> 98', '5.0 / 2'])}`);
        break;
      }
      case 8: {
        // method values bind their receiver now; method expressions take it first
        const f = fresh('f');
        const call = { 's.Sum': '()', 'e.Sum': '()', 'e.Get': '()', 'nn.Get': '()', 'S.Sum': '(s)', '(*S).Sum': '(&s)', 'Getter.Get': '(Z{})', 'L.Len': '(L(sl))', '(*E).Get': '(&e)' };
        const picked = r.pick(Object.keys(call));
        emit(`${f} := ${picked}`);
        emit(`s.a, nn = ${r.int(50)}, ${r.int(50)}`);
        show(`${f}${call[picked]}, s.Sum(), e.Get(), (*N).Get(&nn), e.Pair()[1]`);
        break;
      }
      case 9: {
        // assertions check the method's signature, not only its name
        const x = fresh('o');
        emit(`var ${x} interface{} = ${r.pick(['s', '&s', 'nn', '&nn', 'e', 'Z{}', 'L(sl)', 'struct{}{}'])}`);
        emit(`_, ok1${x} := ${x}.(interface{ Get() int })`);
        emit(`_, ok2${x} := ${x}.(interface{ Get() string })`);
        emit(`_, ok3${x} := ${x}.(Summer)`);
        emit(`_, ok4${x} := ${x}.(interface{ Set(int) })`);
        show(`ok1${x}, ok2${x}, ok3${x}, ok4${x}`);
        break;
      }
      case 10: {
        // nil values and zero-size types
        const x = fresh('n');
        emit(`var ${x}m map[string]int`);
        emit(`var ${x}s []struct{}`);
        emit(`var ${x}z [0]int`);
        // appending to a []struct{} is left out until p9rt's append handles zero-size elements (issue 10, safety)
        emit(`${x}s = make([]struct{}, ${1 + r.int(3)})[${r.int(1)}:]`);
        emit(`${x}c := copy(${x}s, make([]struct{}, 4))`);
        emit(`v${x}, ok${x} := ${x}m["a"]`);
        show(`v${x}, ok${x}, len(${x}m), len(${x}s), ${x}c, len(${x}z), struct{}{} == s.z, ${x}s[0] == struct{}{}, [2]struct{}{}`);
        break;
      }
      case 11: {
        // interface comparison of an uncomparable dynamic type panics
        const x = fresh('ux');
        if (r.chance(0.3)) emit(`var ${x} interface{} = ${r.pick(['sl', 'L(sl)', 'struct{ l []int }{}', 'm'])}`);
        else emit(`var ${x} interface{} = ${r.pick(['s', 'nn', 'e.tag', '1'])}`);
        show(`${x} == ${x}, ${x} != nil`);
        break;
      }
      case 12: {
        // panics and their order against the calls before them
        const what = r.pick([
          `var np *S; np.a = t("np", 1)`,
          `var nm map[int]int; nm[t("nmk", 1)] = t("nmv", 2)`,
          `a[${idx(4)}] = t("oob", 1) / (k - k + ${r.int(2)})`,
          `var nf func(); defer nf(); t("after-defer", 0)`,
          `sl[t("si", 1)%len(sl)], a[t("ai", 9)%5] = t("sv", 3), t("av", 4)`,
        ]);
        emit(`if t("guard", ${r.int(2)}) == 0 {`);
        emit(`\t${what}`);
        emit(`}`);
        break;
      }
      default:
        emit(`for j := range arr("range") {`);
        emit(`\tif j == ${r.int(4)} { i, a[j] = j, t("loop", j) }`);
        emit(`}`);
    }
  };
  const count = 4 + r.int(8);
  for (let j = 0; j < count; j++) stmt();
  show(`a, sl, i, k, *p, s, int(nn), len(m), m[3]`);
  ind--;
  emit(`}`);
  return lines.join('\n').replace(/^\t/gm, '');
}

/** A program running the cases of seeds base..base+n-1. */
export function genProgram(base, n) {
  const cases = [];
  for (let i = 0; i < n; i++) cases.push(genCase(base + i, i));
  const calls = cases.map((_, i) => `\tcase${i}()`).join('\n');
  return `package main\n\nimport "fmt"\n\n${prelude}\n${cases.join('\n\n')}\n\nfunc main() {\n${calls}\n}\n`;
}
