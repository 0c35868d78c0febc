// A generator of random well-typed Go programs from a small grammar: integer
// expressions of every size (wrap-around, division, shifts, conversions),
// if/for/switch, a slice, a map, closures capturing by reference, and
// recover. A case is one function made from one seed; a program is a main
// that runs several cases and prints every variable of each, so p9rt's output
// can be compared with real Go's line by line.

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const TYPES = {
  int: [-(2n ** 63n), 2n ** 63n - 1n],
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};
const NAMES = Object.keys(TYPES);

/** One case: `func caseN()` built from seed. */
export function genCase(seed, n) {
  const r = rng(seed);
  const vars = []; // {name, type}
  const lines = [];
  let ind = 1;
  const emit = (s) => lines.push('\t'.repeat(ind) + s);

  const lit = (t) => {
    const [lo, hi] = TYPES[t];
    const interesting = [lo, hi, 0n, 1n, 2n, lo + 1n, hi - 1n, 7n, 100n];
    let v = r.chance(0.5) ? r.pick(interesting) : BigInt(r.int(1000)) - (lo < 0n ? 500n : 0n);
    if (v < lo) v = lo;
    if (v > hi) v = hi;
    return v < 0n ? `(${v})` : `${v}`;
  };
  const varOf = (t) => vars.filter((v) => v.type === t);

  // expr returns { s, k } where k marks a constant expression (typed or not)
  const expr = (t, d) => {
    const vs = varOf(t);
    if (d <= 0 || r.chance(0.25)) {
      if (vs.length && r.chance(0.75)) return { s: r.pick(vs).name, k: false };
      return { s: `${t}(${lit(t)})`, k: true };
    }
    switch (r.int(7)) {
      case 0:
      case 1: {
        let a = expr(t, d - 1);
        const b = expr(t, d - 1);
        if (a.k && b.k && vs.length) a = { s: r.pick(vs).name, k: false };
        if (a.k && b.k) return a;
        const op = r.pick(['+', '-', '*', '&', '|', '^', '&^']);
        return { s: `(${a.s} ${op} ${b.s})`, k: false };
      }
      case 2: {
        let a = expr(t, d - 1);
        if (a.k && vs.length) a = { s: r.pick(vs).name, k: false };
        if (a.k) return a;
        const b = expr(t, d - 1);
        // never zero: an odd divisor; the constant case is checked by the compiler
        const div = b.k ? `${t}(3)` : `(${b.s} | 1)`;
        return { s: `(${a.s} ${r.pick(['/', '%'])} ${div})`, k: false };
      }
      case 3: {
        const a = expr(t, d - 1);
        const cvs = varOf('uint8');
        if (!cvs.length) return a;
        return { s: `(${a.s} ${r.pick(['<<', '>>'])} (${r.pick(cvs).name} % ${r.pick([8, 16, 33, 64, 70])}))`, k: false };
      }
      case 4: {
        const a = expr(t, d - 1);
        if (a.k) return a;
        return { s: `(${r.pick(['-', '^'])}${a.s})`, k: false };
      }
      case 5: {
        const from = r.pick(NAMES);
        const a = expr(from, d - 1);
        if (a.k) return expr(t, 0);
        return { s: `${t}(${a.s})`, k: false };
      }
      default: {
        if (!vs.length) return expr(t, 0);
        return { s: r.pick(vs).name, k: false };
      }
    }
  };
  const cond = (d) => {
    const t = r.pick(NAMES);
    let a = expr(t, d);
    const b = expr(t, d);
    if (a.k && b.k) {
      const vs = varOf(t);
      if (vs.length) a = { s: vs[0].name, k: false };
    }
    return `${a.s} ${r.pick(['<', '<=', '==', '!=', '>', '>='])} ${b.s}`;
  };

  emit(`func case${n}() {`);
  ind++;
  emit(`defer func() {`);
  emit(`\tif r := recover(); r != nil {`);
  emit(`\t\tfmt.Println("case${n} panic:", r)`);
  emit(`\t}`);
  emit(`}()`);
  const nv = 3 + r.int(5);
  for (let i = 0; i < nv; i++) {
    const t = i === 0 ? 'uint8' : i === 1 ? 'int' : r.pick(NAMES);
    const name = `v${i}`;
    emit(`var ${name} ${t} = ${lit(t)}`);
    vars.push({ name, type: t });
  }
  emit(`s := []int{${Array.from({ length: r.int(4) }, () => r.int(100)).join(', ')}}`);
  emit(`m := map[int]int{}`);
  emit(`acc := 0`);
  emit(`f := func(a int) int { acc += a; return acc * 2 }`);
  emit(`_ = f`);
  const assign = (d) => {
    const v = r.pick(vars);
    const e = expr(v.type, d);
    emit(`${v.name} ${r.pick(['=', '=', '+=', '-=', '*=', '^='])} ${e.s}`);
  };
  const stmts = (count, depth) => {
    for (let i = 0; i < count; i++) {
      const k = r.int(depth > 0 ? 11 : 7);
      switch (k) {
        case 0:
        case 1:
        case 2:
          assign(2);
          break;
        case 3:
          emit(`s = append(s, int(${expr('int', 2).s}))`);
          break;
        case 4:
          emit(`if len(s) > 0 {`);
          emit(`\ts[int(uint(${expr('uint64', 1).s}) % uint(len(s)))] += int(${expr('int', 1).s})`);
          emit(`}`);
          break;
        case 5:
          emit(`m[int(${expr('uint8', 1).s}) % 8] = ${r.chance(0.5) ? 'f(' : '('}int(${expr('int', 1).s}))`);
          break;
        case 6:
          if (r.chance(0.5)) emit(`delete(m, int(${expr('uint8', 1).s}) % 8)`);
          else emit(`${vars[1].name} += f(${vars[1].name} & 15)`);
          break;
        case 7:
          emit(`if ${cond(2)} {`);
          ind++;
          stmts(1 + r.int(3), depth - 1);
          ind--;
          if (r.chance(0.5)) {
            emit(`} else {`);
            ind++;
            stmts(1 + r.int(2), depth - 1);
            ind--;
          }
          emit(`}`);
          break;
        case 8: {
          const iv = `i${lines.length}`;
          emit(`for ${iv} := 0; ${iv} < ${1 + r.int(5)}; ${iv}++ {`);
          ind++;
          if (r.chance(0.3)) emit(`if ${iv} == ${r.int(4)} { continue }`);
          stmts(1 + r.int(3), depth - 1);
          if (r.chance(0.3)) emit(`if ${cond(1)} { break }`);
          ind--;
          emit(`}`);
          break;
        }
        case 9: {
          emit(`switch ${expr('uint8', 1).s} % 4 {`);
          for (let c = 0; c < 3; c++) {
            emit(`case ${c}:`);
            ind++;
            stmts(1, depth - 1);
            if (c < 2 && r.chance(0.2)) emit('fallthrough');
            ind--;
          }
          emit(`default:`);
          ind++;
          stmts(1, depth - 1);
          ind--;
          emit(`}`);
          break;
        }
        default: {
          const v = r.pick(vars);
          emit(`func() { ${v.name} = ${v.name}*3 + 1 }()`);
        }
      }
    }
  };
  stmts(4 + r.int(8), 3);
  emit(`fmt.Println("case${n}", ${vars.map((v) => v.name).join(', ')})`);
  emit(`fmt.Println("case${n}", s, acc)`);
  emit(`for k := 0; k < 8; k++ {`);
  emit(`\tif v, ok := m[k]; ok {`);
  emit(`\t\tfmt.Println("case${n} m", k, v)`);
  emit(`\t}`);
  emit(`}`);
  ind--;
  emit(`}`);
  return lines.join('\n').replace(/^\t/gm, '');
}

/** A program running the cases of seeds base..base+n-1. */
export function genProgram(base, n) {
  const cases = [];
  for (let i = 0; i < n; i++) cases.push(genCase(base + i, i));
  const calls = cases.map((_, i) => `\tcase${i}()`).join('\n');
  return `package main\n\nimport "fmt"\n\n${cases.join('\n\n')}\n\nfunc main() {\n${calls}\n}\n`;
}
